// Paper leads back to the lesson: every lesson plan, handout and materials sheet (standalone, in a pack,
// in a book) carries beside its title a QR code of the lesson's page in the part's language — the
// teacher page for a plan — drawn as vectors, with a caption in that language and a clickable link. A
// phone's reading of it (poppler's rendering decoded by zbarimg) is the lesson's address. Without
// PUBLIC_ORIGIN there is no code, and a draft has none (the page shows the approved text).
import path from "node:path";
import QRCode from "qrcode";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it, vi } from "vitest";
import { languages, type Language } from "~/i18n/languages";
import { lessonDocumentSpec, bookDocumentSpec, packDocumentSpec } from "~/publication/pdf-assembly.server";
import { getCatalogue } from "~/publication/catalogue.server";
import { lessonSummary } from "~/content/views";
import { documentLabels } from "~/pdf/documents/labels.server";
import { handoutSpec, lessonPlanSpec } from "~/pdf/documents/specs";
import { layoutDocument, type Graphic, type LaidOutDocument, type LaidOutPage } from "~/pdf/layout";
import { renderPdf, sharedMeasurer } from "~/pdf/render.server";
import { extractPdf, normalized } from "./extract";
import { decodeQrCodes } from "./raster";

// Before any module reads the configuration: the origin a deployment prints.
vi.hoisted(() => {
  process.env.PUBLIC_ORIGIN = "https://lessons.example.ge";
});
const origin = "https://lessons.example.ge";
const measurer = sharedMeasurer();
const slug = "what-is-trafficking";
const pngDirectory = path.resolve(import.meta.dirname, "../../test-output/pdf-pages");

type QrGraphic = Extract<Graphic, { kind: "qr" }>;
const kinds = ["plan", "handout", "materials"] as const;

function addressOf(language: Language, kind: (typeof kinds)[number], lesson = slug): string {
  return `${origin}/${language}/lessons/${lesson}${kind === "plan" ? "/teacher" : ""}`;
}

function modulesOf(url: string): string[] {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: "M" });
  return Array.from({ length: modules.size }, (_, row) => Array.from({ length: modules.size }, (_, column) => (modules.get(row, column) ? "1" : "0")).join(""));
}

/** The codes of lessons' pages on a page (not the colophon's verify code). */
function lessonCodes(page: LaidOutPage): QrGraphic[] {
  return page.graphics.filter((graphic): graphic is QrGraphic => graphic.kind === "qr" && graphic.text.includes("/lessons/"));
}

/** The pages that carry a lesson's code, and the address of each. */
function codedPages(layout: LaidOutDocument): { page: number; text: string }[] {
  // A copy of a handout prints its first copy's page, QR code included.
  return layout.pages.flatMap((page, index) => lessonCodes(page.contentOf === undefined ? page : layout.pages[page.contentOf]!).map((qr) => ({ page: index, text: qr.text })));
}

async function uriLinks(bytes: Uint8Array, pageNumber: number): Promise<{ url: string; rect: number[] }[]> {
  const document = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const annotations = await (await document.getPage(pageNumber)).getAnnotations();
  await document.destroy();
  return annotations.filter((annotation) => annotation.subtype === "Link" && annotation.url).map((annotation) => ({ url: annotation.url as string, rect: annotation.rect as number[] }));
}

describe("a QR code to the lesson", () => {
  for (const language of languages) {
    for (const kind of kinds) {
      it(`${language} ${kind}: beside the title of the first page, a 2 cm code that zbarimg reads as ${addressOf(language, kind)}, clickable`, async () => {
        const address = addressOf(language, kind);
        const spec = (await lessonDocumentSpec(kind, slug, language))!;
        expect(spec).not.toBeNull();
        const layout = layoutDocument(spec, measurer);
        // On the first page only, once, and the code of that address module for module.
        expect(codedPages(layout)).toEqual([{ page: 0, text: address }]);
        const first = layout.pages[0]!;
        const [qr] = lessonCodes(first);
        expect(qr!.rows).toEqual(modulesOf(address));
        const side = qr!.rows.length * qr!.module;
        expect(side).toBeGreaterThanOrEqual(42.5); // 1.5 cm
        expect(side).toBeLessThanOrEqual(56.8); // 2 cm
        // Beside the title block, in the top right corner of the text area, and it crowds nothing: no
        // content run comes into the code or its quiet zone (four modules), the caption under it apart.
        const title = first.runs.find((run) => run.pieces.join("").length > 0 && !run.artifact)!;
        expect(qr!.y).toBeLessThan(title.y);
        const quiet = 4 * qr!.module;
        const intruders = first.runs.filter(
          (run) => !run.artifact && run.x + run.width > qr!.x - quiet && run.y > qr!.y - quiet && run.y - run.size < qr!.y + side + quiet && run.x < qr!.x - 0.01,
        );
        expect(intruders.map((run) => run.pieces.join(""))).toEqual([]);

        const pdf = await renderPdf(spec);
        const keep = kind === "handout" && (language === "ka" || language === "hy") ? path.join(pngDirectory, `qr-${language}-handout-page-1.png`) : undefined;
        expect(decodeQrCodes(pdf.bytes, 1, 150, keep)).toContain(address);
        // The link annotation: that address, over the code.
        const links = await uriLinks(pdf.bytes, 1);
        expect(links.map((link) => link.url)).toEqual([address]);
        const [x1, y1, x2, y2] = links[0]!.rect as [number, number, number, number];
        expect(x1).toBeCloseTo(qr!.x, 1);
        expect(x2).toBeCloseTo(qr!.x + side, 1);
        expect(y2).toBeCloseTo(layout.height - qr!.y, 1);
        expect(y1).toBeLessThan(layout.height - qr!.y - side); // the caption under the code is part of it
        // The caption, in the part's language.
        const labels = await documentLabels(language);
        expect(normalized((await extractPdf(pdf.bytes)).pages[0]!)).toContain(normalized(labels.lessonPage.caption));
      }, 60_000);
    }
  }

  it("every part of a mixed pack, every copy, in the part's language: ka plans, hy handouts and materials", async () => {
    const slugs = ["what-is-trafficking", "myths-and-facts"];
    const spec = await packDocumentSpec({ slugs, parts: ["plan", "handout", "materials"], language: "ka", handoutLanguage: "hy", copies: 2 });
    const layout = layoutDocument(spec, measurer);
    const catalogue = await getCatalogue();
    const expected = slugs.flatMap((lesson) => [
      addressOf("ka", "plan", lesson),
      addressOf("hy", "handout", lesson),
      addressOf("hy", "handout", lesson),
      ...(catalogue.bySlug.get(lesson)!.documents.hy!.printables.length > 0 ? [addressOf("hy", "materials", lesson)] : []),
    ]);
    const coded = codedPages(layout);
    expect(coded.map((entry) => entry.text)).toEqual(expected);
    // Each on the first page of its part.
    for (const { page } of coded) expect(page === 0 || layout.pages[page - 1]!.part !== layout.pages[page]!.part).toBe(true);
    // A phone reads the Armenian handout's code on its page of the pack.
    const pdf = await renderPdf(spec);
    const handoutPage = coded[1]!.page + 1;
    expect(decodeQrCodes(pdf.bytes, handoutPage, 150)).toEqual([addressOf("hy", "handout")]);
    expect((await uriLinks(pdf.bytes, handoutPage)).map((link) => link.url)).toEqual([addressOf("hy", "handout")]);
    // The second copy prints the same code from the shared content: on paper it leads to the same page.
    expect(layout.pages[coded[2]!.page]!.contentOf).toBe(coded[1]!.page);
    expect(decodeQrCodes(pdf.bytes, coded[2]!.page + 1, 150)).toEqual([addressOf("hy", "handout")]);
  }, 60_000);

  it("every lesson of the books: the teacher's book to the teacher pages, the student book to the lesson pages", async () => {
    const lessons = (await getCatalogue()).lessons.map((lesson: { slug: string }) => lesson.slug);
    for (const [book, kind] of [["teacher", "plan"], ["student", "handout"]] as const) {
      const layout = layoutDocument(await bookDocumentSpec(book, "az"), measurer);
      const coded = codedPages(layout);
      expect(coded.map((entry) => entry.text)).toEqual(lessons.map((lesson) => addressOf("az", kind, lesson)));
      // Each beside its lesson's title: on the page the contents link to, and the bookmark still there.
      for (const [index, { page }] of coded.entries()) expect(layout.anchors[`lesson-${index + 1}`]?.page).toBe(page);
      expect(layout.outline.filter((entry) => entry.level === 0).length).toBeGreaterThanOrEqual(lessons.length);
    }
  }, 60_000);

  it("no code without PUBLIC_ORIGIN, and none on a draft", async () => {
    const lesson = (await getCatalogue()).bySlug.get(slug)!;
    const labels = await documentLabels("en");
    const item = { lesson: lessonSummary(lesson, lesson.documents.en!), document: lesson.documents.en!, labels, revision: { id: 1, approvedAt: "2026-01-01T10:00:00Z" } };
    const local = { ...item, labels: { ...labels, lessonPage: { ...labels.lessonPage, address: () => null } } };
    expect(codedPages(layoutDocument(handoutSpec(local), measurer))).toEqual([]);
    expect(codedPages(layoutDocument(lessonPlanSpec(item, { draft: labels.print.draft }), measurer))).toEqual([]);
    // …while the same handout with the origin has its code.
    expect(codedPages(layoutDocument(handoutSpec(item), measurer))).toHaveLength(1);
  });

  it("keeps the bytes deterministic", async () => {
    const spec = (await lessonDocumentSpec("handout", slug, "hy"))!;
    const [first, second] = [await renderPdf(spec), await renderPdf(spec)];
    expect(Buffer.from(first.bytes).equals(Buffer.from(second.bytes))).toBe(true);
  });
});
