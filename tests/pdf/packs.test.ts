// Packs that print double-sided: every part (a plan, each copy of a handout, the colophon) starts on a
// right-hand page and counts its pages from 1; a blank left-hand page says so in its part's language; no
// page carries only a box that did not fit on the page before.
import { describe, expect, it } from "vitest";
import { packDocumentSpec } from "~/publication/pdf-assembly.server";
import { a4, layoutDocument, type LaidOutDocument, type LaidOutPage } from "~/pdf/layout";
import type { DocumentSpec } from "~/pdf/model";
import { renderPdf, sharedMeasurer } from "~/pdf/render.server";
import { brand } from "~/pdf/theme";
import { documentLabels } from "~/pdf/documents/labels.server";
import { extractPdf, normalized } from "./extract";

const measurer = sharedMeasurer();
const slugs = ["what-is-trafficking", "safe-online", "how-traffickers-recruit"];

/** Pages grouped by the part they belong to, blank versos apart. */
function partsOf(layout: LaidOutDocument): { first: number; pages: number; blankAfter: boolean }[] {
  const parts: { first: number; pages: number; blankAfter: boolean }[] = [];
  layout.pages.forEach((page, index) => {
    if (page.blank) {
      parts.at(-1)!.blankAfter = true;
      return;
    }
    const current = parts.at(-1);
    if (current && layout.pages[current.first]!.part === page.part) current.pages += 1;
    else parts.push({ first: index, pages: 1, blankAfter: false });
  });
  return parts;
}

const isHelpLineFrame = (graphic: LaidOutPage["graphics"][number]) => graphic.kind === "rect" && graphic.stroke === brand && graphic.lineWidth === 1.2;

/** Body text (not the running header, not the footer) outside every framed box and every QR note. */
function contentOutsideBoxes(page: LaidOutPage): number {
  const frames = page.graphics.filter(isHelpLineFrame).map((graphic) => graphic as Extract<typeof graphic, { kind: "rect" }>);
  return page.runs.filter(
    (run) =>
      run.y > a4.top - 1 &&
      run.y < a4.height - a4.bottom &&
      run.pieces.join("").trim() !== "" &&
      !frames.some((frame) => run.y >= frame.y && run.y <= frame.y + frame.height),
  ).length;
}

function expectPrintsDoubleSided(layout: LaidOutDocument) {
  const parts = partsOf(layout);
  parts.forEach((part, index) => {
    expect(part.first % 2, `part ${index + 1} starts on page ${part.first + 1}`).toBe(0);
    // A blank verso exactly when the part ends on a right-hand page and another part follows.
    const endsOnRightHandPage = (part.first + part.pages) % 2 === 1;
    expect(part.blankAfter, `part ${index + 1}: ${part.pages} pages`).toBe(endsOnRightHandPage && index < parts.length - 1);
  });
  return parts;
}

describe("a pack printed double-sided", () => {
  it("3 lessons, English plans and Armenian handouts × 3: every part starts on an odd page, counts from 1, and blank versos say so", async () => {
    const spec = await packDocumentSpec({ slugs, parts: ["plan", "handout"], language: "en", handoutLanguage: "hy", copies: 3 });
    const layout = layoutDocument(spec, measurer);
    const parts = expectPrintsDoubleSided(layout);
    expect(parts).toHaveLength(3 + 3 * 3 + 1); // plans, handouts × copies, the colophon

    const pdf = await renderPdf(spec);
    const { pages } = await extractPdf(pdf.bytes);
    expect(pages).toHaveLength(layout.pages.length);
    const english = await documentLabels("en");
    const armenian = await documentLabels("hy");
    let blanks = 0;
    pages.forEach((text, index) => {
      const page = layout.pages[index]!;
      const labels = page.footer === armenian.footer ? armenian : english;
      const position = labels.print.position.replace("{page}", String(index + 1));
      expect(normalized(text), `page ${index + 1}`).toContain(position);
      if (page.blank) {
        blanks += 1;
        expect(normalized(text)).toContain(labels.print.blankPage);
        expect(text).not.toMatch(/\d+ \/ \d+/);
        return;
      }
      // "N / M" within the part: 1 on the part's first page, M its length.
      const part = parts.find((candidate) => candidate.first <= index && index < candidate.first + candidate.pages)!;
      expect(text, `page ${index + 1}`).toContain(`${index - part.first + 1} / ${part.pages}`);
    });
    expect(blanks).toBe(parts.filter((part) => part.blankAfter).length);
    // Every blank verso so far follows an English plan of an odd number of pages: say it in English.
    expect(blanks).toBeGreaterThan(0);
  }, 60_000); // the first document of the worker: the catalogue and the fonts load first

  it("no page holds only a box spilled from the page before, in any language", async () => {
    for (const language of ["ka", "hy", "az", "en"] as const) {
      const spec = await packDocumentSpec({ slugs: ["what-is-trafficking", "forms-of-exploitation", "how-traffickers-recruit", "safe-migration", "safe-online", "myths-and-facts", "rights-and-help", "awareness-campaign"], parts: ["plan", "handout"], language, handoutLanguage: language, copies: 1 });
      const layout = layoutDocument(spec, measurer);
      layout.pages.forEach((page, index) => {
        if (page.blank || page.graphics.some((graphic) => graphic.kind === "qr")) return; // the colophon's own page
        expect(contentOutsideBoxes(page), `${language} page ${index + 1}`).toBeGreaterThan(0);
      });
    }
  });

  it("3 lessons, plans and handouts, 25 copies: each copy a whole number of sheets", async () => {
    const spec = await packDocumentSpec({ slugs, parts: ["plan", "handout"], language: "ka", handoutLanguage: "ka", copies: 25 });
    const layout = layoutDocument(spec, measurer);
    const parts = expectPrintsDoubleSided(layout);
    expect(parts).toHaveLength(3 + 3 * 25 + 1);
    // Lesson by lesson, its plan then its 25 handouts: the copies of one handout are alike, page for page.
    for (let lesson = 0; lesson < 3; lesson += 1) {
      const copies = parts.slice(lesson * 26 + 1, (lesson + 1) * 26);
      expect(new Set(copies.map((part) => part.pages)).size).toBe(1);
      expect(copies.every((copy) => !layout.pages[copy.first]!.blank)).toBe(true);
    }
    const sheets = parts.reduce((sum, part) => sum + Math.ceil(part.pages / 2), 0);
    expect(layout.pages.length).toBe(sheets * 2 - (parts.at(-1)!.pages % 2));
  }, 60_000);
});

describe("parts in the layout", () => {
  const part = (language: string) => ({ blankPage: `blank (${language})`, position: `pos ${language} {page}` });
  const paragraphs = (count: number) => Array.from({ length: count }, () => ({ kind: "paragraph" as const, inlines: [{ text: "A line of text." }] }));
  const spec = (body: DocumentSpec["body"]): DocumentSpec => ({ language: "en", title: "T", subject: "S", keywords: [], runningTitle: "R", footer: "F", contentDate: null, cover: [], body });

  it("a part of one page is followed by a blank verso in its own language; the last part by none", () => {
    const layout = layoutDocument(
      spec([
        { kind: "pageBreak", footer: "first", part: part("ka") },
        ...paragraphs(3),
        { kind: "pageBreak", footer: "second", part: part("hy") },
        ...paragraphs(60), // two pages
        { kind: "pageBreak", footer: "third", part: part("az") },
        ...paragraphs(3),
      ]),
      measurer,
    );
    expect(layout.pages.map((page) => page.blank ?? page.part)).toEqual([0, "blank (ka)", 1, 1, 2]);
    expect(layout.pages[1]!.footer).toBe("first");
    const numbers = layout.pages.map((page) => page.runs.map((run) => run.pieces.join("")).find((text) => / \/ /.test(text)) ?? null);
    expect(numbers).toEqual(["1 / 1", null, "1 / 2", "2 / 2", "1 / 1"]);
    const positions = layout.pages.map((page) => page.runs.map((run) => run.pieces.join("")).join(" "));
    expect(positions[1]).toContain("pos ka 2");
    expect(positions[3]).toContain("pos hy 4");
  });

  it("a box that does not fit at the foot of a page takes the last lines before it along", () => {
    const box = { kind: "box" as const, blocks: [{ kind: "paragraph" as const, inlines: [{ text: "Help line" }] }, { kind: "paragraph" as const, inlines: [{ text: "+995 32 2 91 34 61" }] }] };
    const long = { kind: "paragraph" as const, inlines: [{ text: "Word ".repeat(400) }] };
    for (let filler = 30; filler < 48; filler += 1) {
      const layout = layoutDocument(spec([...paragraphs(filler), long, box]), measurer);
      const withBox = layout.pages.findIndex((page) => page.graphics.some(isHelpLineFrame));
      expect(contentOutsideBoxes(layout.pages[withBox]!), `${filler} lines before`).toBeGreaterThan(0);
      // The box is whole: its two lines on one page.
      const lines = layout.pages.flatMap((page, index) => page.runs.filter((run) => /Help line|\+995/.test(run.pieces.join(""))).map(() => index));
      expect(new Set(lines).size).toBe(1);
    }
  });
});
