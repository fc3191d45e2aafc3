// What the service worker saves for a language (the manifest), and the sizes /<lng>/offline shows before
// a reader chooses: the pages with their stylesheet and fonts, the PDFs, the classroom kit.
import { gzipSync } from "node:zlib";
import { languageNames, type Language } from "~/i18n/languages";
import { languageNameFontStack, pageFontStack } from "~/layout/font-stacks";
import { printedOrigin } from "~/pdf/documents/labels.server";
import { pdfIfReady } from "~/publication/pdfs.server";
import { builtFile, fontFacesFor } from "./client-files.server";
import { formatEditionDate, offlineEdition, type OfflineEdition } from "./edition.server";
import { classroomKit, editionPdfs, ProductionBuildMissing } from "./kit.server";
import { renderKitPages } from "./kit-pages.server";

interface PageFiles {
  /** The stylesheet and the font files the pages use, by address. */
  assets: string[];
  /** About how many bytes saving the pages downloads (compressed as the server sends them). */
  downloadBytes: number;
}

/** Per edition (one per language and catalogue): gone with the catalogue it was made from. */
const pageFiles = new WeakMap<OfflineEdition, Promise<PageFiles>>();

/**
 * The stylesheet and fonts a language's pages use, and about how much saving the pages downloads. The
 * kit's copies of the pages hold the same text as the pages themselves, and give both: their characters
 * choose the fonts (font-faces.ts; the menu's language names too, which every page shows), their
 * compressed size is the pages' within a few percent.
 */
export function offlinePageFiles(edition: OfflineEdition): Promise<PageFiles> {
  let files = pageFiles.get(edition);
  if (!files) {
    files = (async () => {
      const pages = await renderKitPages(edition, { origin: printedOrigin() || null, stylesheet: edition.stylesheet.slice(1), pdfSizes: null });
      const fonts = fontFacesFor(edition.stylesheet, [
        { texts: pages.map((page) => page.html), stack: pageFontStack[edition.language] },
        { texts: Object.values(languageNames), stack: languageNameFontStack },
      ]);
      const fontFiles = (fonts?.faces ?? []).flatMap((face) => (face.woff2 ? [face.woff2] : []));
      const compressed = (bytes: Buffer | string) => gzipSync(bytes).length;
      const downloadBytes =
        pages.reduce((sum, page) => sum + compressed(page.html), 0) +
        (fonts ? compressed(fonts.css) : 0) +
        fontFiles.reduce((sum, address) => sum + (builtFile(address)?.length ?? 0), 0);
      return { assets: [edition.stylesheet, ...fontFiles], downloadBytes };
    })();
    files.catch(() => pageFiles.delete(edition));
    pageFiles.set(edition, files);
  }
  return files;
}

export interface OfflineManifest {
  language: Language;
  version: string;
  approvedAt: string | null;
  /** The approval date as the language writes it: browsers lack the date formats of some of our languages. */
  date: string;
  pages: string[];
  assets: string[];
  pdfs: { url: string; bytes: number; sha256: string }[];
}

/**
 * The manifest the worker saves a language from. It waits for the kit (every PDF typeset, then cached):
 * the teacher and books pages show PDF sizes and are stored only once those are known, so every page the
 * worker then fetches can be kept.
 */
export async function offlineManifest(language: Language): Promise<OfflineManifest> {
  const edition = await offlineEdition(language);
  await classroomKit(language).catch((error: unknown) => {
    if (!(error instanceof ProductionBuildMissing)) throw error;
  });
  const pdfs = await editionPdfs(edition);
  const { assets } = await offlinePageFiles(edition);
  return {
    language,
    version: edition.version,
    approvedAt: edition.approvedAt,
    date: formatEditionDate(edition),
    pages: edition.pages,
    assets,
    pdfs: pdfs.map(({ pdf, served }) => ({ url: pdf.path, bytes: served.bytes.length, sha256: served.sha256 })),
  };
}

export interface OfflineSizes {
  edition: OfflineEdition;
  pagesBytes: number;
  /** Null while the PDFs and the kit are being made: the page shows no size rather than waiting. */
  pdfBytes: number | null;
  kitBytes: number | null;
}

/** The sizes /<lng>/offline shows, without waiting long for typesetting (the kit is made meanwhile). */
export async function offlineSizes(language: Language): Promise<OfflineSizes> {
  const edition = await offlineEdition(language);
  const { downloadBytes } = await offlinePageFiles(edition);
  const ready = await pdfIfReady(
    (async () => {
      const kit = await classroomKit(language);
      const pdfs = await editionPdfs(edition);
      return { kitBytes: kit.zip.bytes.length, pdfBytes: pdfs.reduce((sum, { served }) => sum + served.bytes.length, 0) };
    })().catch((error: unknown) => {
      // `npm run dev` has no production build to make the kit from: the page offers it without a size.
      if (error instanceof ProductionBuildMissing) return null;
      throw error;
    }),
  );
  return { edition, pagesBytes: downloadBytes, pdfBytes: ready?.pdfBytes ?? null, kitBytes: ready?.kitBytes ?? null };
}
