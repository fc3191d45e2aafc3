// The colophon a teacher can use: the verify page's full address and a QR code of it (the code drawn is
// the one `qrcode` makes for that address, module for module, as poppler renders it), dates in Georgia's
// time zone, and on a standalone handout a few lines at the end of its last page.
import QRCode from "qrcode";
import { describe, expect, it, vi } from "vitest";
import { lessonSummary } from "~/content/views";
import type { Language } from "~/i18n/languages";
import { getCatalogue } from "~/publication/catalogue.server";
import { lessonDocumentSpec } from "~/publication/pdf-assembly.server";
import { tbilisiDay } from "~/i18n/format";
import { documentLabels } from "~/pdf/documents/labels.server";
import { handoutSpec } from "~/pdf/documents/specs";
import { layoutDocument, type Graphic } from "~/pdf/layout";
import { renderPdf, sharedMeasurer } from "~/pdf/render.server";
import { extractPdf, normalized } from "./extract";
import { colourAt, renderPages } from "./raster";

// Before any module reads the configuration: the origin a deployment prints.
vi.hoisted(() => {
  process.env.PUBLIC_ORIGIN = "https://lessons.example.ge";
});
const origin = "https://lessons.example.ge";
const measurer = sharedMeasurer();

type QrGraphic = Extract<Graphic, { kind: "qr" }>;

function modulesOf(url: string): string[] {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: "M" });
  return Array.from({ length: modules.size }, (_, row) => Array.from({ length: modules.size }, (_, column) => (modules.get(row, column) ? "1" : "0")).join(""));
}

describe("the colophon", () => {
  for (const language of ["ka", "hy", "az", "en"] as const) {
    it(`${language}: prints ${origin}/${language}/verify and a QR code that poppler renders as qrcode's matrix of it`, async () => {
      const spec = (await lessonDocumentSpec("handout", "what-is-trafficking", language))!;
      const layout = layoutDocument(spec, measurer);
      const url = `${origin}/${language}/verify`;
      // The colophon's code (the first page also has the lesson's: tests/pdf/lesson-qr.test.ts).
      const isVerifyCode = (graphic: Graphic): graphic is QrGraphic => graphic.kind === "qr" && graphic.text === url;
      const onPage = layout.pages.findIndex((page) => page.graphics.some(isVerifyCode));
      const qr = layout.pages[onPage]!.graphics.find(isVerifyCode)!;
      expect(qr.rows).toEqual(modulesOf(url));

      const pdf = await renderPdf(spec);
      const { pages } = await extractPdf(pdf.bytes);
      expect(normalized(pages[onPage]!)).toContain(url);
      // Read the code back from the pixels: the centre of every module, dark where the matrix says so.
      const [raster] = renderPages(pdf.bytes, 150, { first: onPage + 1, last: onPage + 1 });
      const drawn = qr.rows.map((row, rowIndex) =>
        [...row]
          .map((_, column) => {
            const [red, green, blue] = colourAt(raster!, qr.x + (column + 0.5) * qr.module, qr.y + (rowIndex + 0.5) * qr.module);
            return red + green + blue < 3 * 128 ? "1" : "0";
          })
          .join(""),
      );
      expect(drawn).toEqual(modulesOf(url));
      // The quiet zone around it is light: a reader finds the symbol.
      const quiet = 3 * qr.module;
      const side = qr.rows.length * qr.module;
      for (const [x, y] of [[qr.x - quiet, qr.y + side / 2], [qr.x + side + quiet, qr.y + side / 2], [qr.x + side / 2, qr.y + side + quiet]] as const) {
        expect(colourAt(raster!, x, y).every((channel) => channel > 200), `${x}, ${y}`).toBe(true);
      }
    }, 60_000); // the first may load the catalogue and the fonts
  }

  it("a standalone handout keeps it to a few lines at the end of its last page, with the help line", async () => {
    const spec = (await lessonDocumentSpec("handout", "what-is-trafficking", "en"))!;
    const layout = layoutDocument(spec, measurer);
    const isColophon = (block: (typeof spec.body)[number]) => block.kind === "qrNote" && block.qr.text.endsWith("/verify");
    const withoutColophon = layoutDocument({ ...spec, body: spec.body.filter((block) => !isColophon(block)) }, measurer);
    expect(layout.pages.length).toBe(withoutColophon.pages.length);
    const last = layout.pages.at(-1)!;
    expect(last.graphics.some((graphic) => graphic.kind === "qr" && graphic.text.endsWith("/en/verify"))).toBe(true);
    const text = (page: typeof last) => page.runs.map((run) => run.pieces.join("")).join(" ");
    expect(text(last)).toContain("+995");
    expect(text(last)).toContain("About this document");
    const { pages } = await extractPdf((await renderPdf(spec)).bytes);
    expect(pages).toHaveLength(withoutColophon.pages.length);
    expect(normalized(pages.at(-1)!)).toContain(`About this document Approved content: what-is-trafficking en revision`);
  });

  it("without PUBLIC_ORIGIN (a local run) the address is a path and no code is drawn", async () => {
    const { colophonBlocks } = await import("~/pdf/documents/colophon");
    const labels = await documentLabels("en");
    const local = { ...labels, colophon: { ...labels.colophon, address: "/en/verify" } };
    const lesson = (await getCatalogue()).bySlug.get("what-is-trafficking")!;
    const blocks = colophonBlocks([{ lesson: lessonSummary(lesson, lesson.documents.en!), document: lesson.documents.en!, labels: local, revision: { id: 1, approvedAt: "2026-01-01T10:00:00Z" } }], local);
    expect(blocks.some((block) => block.kind === "qrNote")).toBe(false);
    expect(blocks.length).toBeGreaterThan(0);
  });
});

describe("dates on paper are Georgia's (Asia/Tbilisi, UTC+4)", () => {
  it("a moment just before midnight UTC is the next day in Tbilisi", () => {
    expect(tbilisiDay("2026-11-29T22:30:00.000Z")).toBe("2026-11-30");
    expect(tbilisiDay("2026-11-29T19:59:59.000Z")).toBe("2026-11-29");
    expect(tbilisiDay("2026-06-30T20:00:00.000Z")).toBe("2026-07-01"); // no summer time either
  });

  for (const language of ["ka", "hy"] as const satisfies readonly Language[]) {
    it(`${language}: an approval at 23:59 UTC prints the next day`, async () => {
      const lesson = (await getCatalogue()).bySlug.get("myths-and-facts")!;
      const document = lesson.documents[language]!;
      const item = { lesson: lessonSummary(lesson, document), document, labels: await documentLabels(language), revision: { id: 77, approvedAt: "2026-11-29T23:59:00.000Z" } };
      const text = normalized((await extractPdf((await renderPdf(handoutSpec(item))).bytes)).pages.join("\n"));
      expect(text).toContain("2026-11-30");
      expect(text).not.toContain("2026-11-29");
    });
  }
});
