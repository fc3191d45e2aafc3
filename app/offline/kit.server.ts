// The classroom kit: a static copy of the published curriculum in one language, for a classroom without
// internet. Home, catalogue, every lesson's student and teacher pages, books and help as HTML with relative
// links; the plans, handouts, materials and both books as the very PDFs the portal serves (so /verify
// recognises them); the stylesheet with the fonts the pages use; a README in the kit's language; and
// SHA256SUMS over every file. /<lng>/offline/kit.zip and `npm run cli -- export` both come from here, so
// the zip and the exported folder hold the same files. Only published (approved) content goes in.
import { createHash } from "node:crypto";
import { zipSync, type Zippable } from "fflate";
import { config } from "~/config.server";
import { helpLine as helpLineNumber } from "~/content/phone-numbers";
import { translator } from "~/i18n/i18n.server";
import { pageFontStack } from "~/layout/font-stacks";
import { languageNames, type Language } from "~/i18n/languages";
import { cachedPdf, cacheKey, type CachedPdf, type CacheSource } from "~/pdf/cache.server";
import { printedOrigin } from "~/pdf/documents/labels.server";
import { engineVersion } from "~/pdf/render.server";
import { bookPdf, lessonPdf } from "~/publication/pdfs.server";
import { localizedPath } from "~/seo/document-meta";
import { builtFile, fontFacesFor } from "./client-files.server";
import { editionDay, formatEditionDate, offlineEdition, type OfflineEdition, type OfflinePdf } from "./edition.server";
import { stylesheetForCopy } from "./font-faces";
import { renderKitPages } from "./kit-pages.server";
import { kitFileOf } from "./kit-paths";

/** Bump when the kit's files or their layout change for the same content: it is part of the zip's cache key. */
const kitFormat = 1;

export interface KitFile {
  /** Relative to the kit's root, "/" between folders: "lessons/safe-online/plan.pdf". */
  path: string;
  bytes: Uint8Array;
}

export class ProductionBuildMissing extends Error {
  constructor() {
    super("the classroom kit is made from the production build (its stylesheet and fonts): run `npm run build` first");
  }
}

/** The PDF the portal serves for an entry of the edition: the same cache, the same bytes, recorded for /verify. */
export async function editionPdf(language: Language, pdf: OfflinePdf): Promise<CachedPdf> {
  const served = "slug" in pdf ? await lessonPdf(pdf.kind, pdf.slug, language) : await bookPdf(pdf.kind, language);
  if (!served) throw new Error(`${pdf.path} is not published`);
  return served;
}

/** Every PDF of the edition, one after the other: typesetting workers are shared with every reader's download. */
export async function editionPdfs(edition: OfflineEdition): Promise<{ pdf: OfflinePdf; served: CachedPdf }[]> {
  const pdfs: { pdf: OfflinePdf; served: CachedPdf }[] = [];
  for (const pdf of edition.pdfs) pdfs.push({ pdf, served: await editionPdf(edition.language, pdf) });
  return pdfs;
}

const text = (value: string) => new TextEncoder().encode(value);
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** The kit's files, sorted by path, SHA256SUMS last among them by name. */
export async function classroomKitFiles(language: Language): Promise<{ edition: OfflineEdition; files: KitFile[] }> {
  const edition = await offlineEdition(language);
  const css = builtFile(edition.stylesheet);
  if (!css) throw new ProductionBuildMissing();
  const stylesheet = edition.stylesheet.slice(1); // "assets/app-….css"
  const origin = printedOrigin() || null;
  const files: KitFile[] = [];

  const pdfs = await editionPdfs(edition);
  for (const { pdf, served } of pdfs) files.push({ path: kitFileOf(language, pdf.path)!, bytes: served.bytes });
  const pdfSizes = new Map(pdfs.map(({ pdf, served }) => [pdf.path, served.bytes.length]));

  const pages = await renderKitPages(edition, { origin, stylesheet, pdfSizes });
  for (const page of pages) files.push({ path: page.file, bytes: text(page.html) });

  // The fonts the pages' characters need, beside the stylesheet that names them.
  const fonts = fontFacesFor(edition.stylesheet, [{ texts: pages.map((page) => page.html), stack: pageFontStack[language] }])!;
  files.push({ path: stylesheet, bytes: text(stylesheetForCopy(fonts.css, fonts.faces)) });
  for (const face of fonts.faces) {
    const bytes = face.woff2 ? builtFile(face.woff2) : null;
    if (face.woff2 && bytes) files.push({ path: face.woff2.slice(1), bytes });
  }

  files.push({ path: "README.txt", bytes: text(await kitReadme(edition, origin)) });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // Every file, as `sha256sum -c SHA256SUMS` reads it in the kit's folder.
  const sums = files.map((file) => `${sha256(file.bytes)}  ${file.path}\n`).join("");
  files.push({ path: "SHA256SUMS", bytes: text(sums) });
  return { edition, files };
}

/** What the kit is and when it was made, in its own language. Plain text, one paragraph a line, for any editor. */
async function kitReadme(edition: OfflineEdition, origin: string | null): Promise<string> {
  const t = await translator(edition.language, "offline");
  const common = await translator(edition.language, "common");
  const title = t("readme.title", { site: common("site.name") });
  const paragraphs = [
    `${title}\n${"=".repeat(title.length)}`,
    t("readme.what", { version: edition.version, date: formatEditionDate(edition) }),
    t("readme.language", { language: `${languageNames[edition.language]} (${edition.language})` }),
    t("readme.open"),
    t("readme.quiz"),
    ...(origin ? [t("readme.online", { address: `${origin}${localizedPath(edition.language, "/")}` })] : []),
    t("readme.check"),
    // sha256sum is a Linux and macOS command: Windows has Get-FileHash instead.
    t("readme.checkWindows"),
    ...(origin ? [t("readme.verify", { address: `${origin}${localizedPath(edition.language, "/verify")}` })] : []),
    t("readme.help", { number: helpLineNumber.display }),
  ];
  return `${paragraphs.join("\n\n")}\n`;
}

/** Already compressed (PDF streams, WOFF2): stored as they are, which is faster and no larger. */
const storedAsIs = /\.(pdf|woff2)$/;

/**
 * The zip, deterministically: files in path order, every entry dated at noon on the edition's day (the
 * newest approval stands in for the time it was made, as in the PDFs), nothing from the clock or the
 * machine. fflate writes the time as the local time of the Date it is given, so the date is built from
 * local parts: the same bytes in any time zone.
 */
export function zipKit(files: KitFile[], day: string): Uint8Array {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const mtime = new Date(year, month - 1, date, 12, 0, 0);
  const entries: Zippable = {};
  for (const file of files) entries[file.path] = [file.bytes, { level: storedAsIs.test(file.path) ? 0 : 6, mtime }];
  return zipSync(entries, { mtime });
}

/**
 * The kit as a zip, cached like a PDF (memory, then the disk cache, shared by concurrent requests) under a
 * key of everything that makes its bytes: the edition (published revisions, UI strings, stylesheet), the
 * PDF engine, the printed origin and creator, the kit's format.
 */
export async function classroomKit(language: Language): Promise<{ edition: OfflineEdition; zip: CachedPdf & { source: CacheSource } }> {
  const edition = await offlineEdition(language);
  const key = cacheKey({ kind: "classroom-kit", kitFormat, language, edition: edition.version, engineVersion, origin: printedOrigin(), creator: config().pdfCreator });
  const zip = await cachedPdf(key, async () => {
    const { files } = await classroomKitFiles(language);
    // The cache's page count field holds the number of files: what the kit's answer reports.
    return { bytes: zipKit(files, editionDay(edition)), pageCount: files.length };
  });
  return { edition, zip };
}
