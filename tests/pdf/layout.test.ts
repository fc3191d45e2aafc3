import { describe, expect, it } from "vitest";
import { languages } from "~/i18n/languages";
import { bookDocumentSpec } from "~/publication/pdf-assembly.server";
import { a4, breakLines, layoutDocument, runsOfLine, wordsOf } from "~/pdf/layout";
import type { DocumentSpec } from "~/pdf/model";
import { withUnbreakablePhoneNumbers } from "~/content/phone-numbers";
import { sharedMeasurer } from "~/pdf/render.server";

const measurer = sharedMeasurer();
const epsilon = 0.01;

function spec(body: DocumentSpec["body"]): DocumentSpec {
  return { language: "en", title: "T", subject: "S", keywords: [], runningTitle: "Running", footer: "Footer", contentDate: null, cover: [], body };
}

describe("layout", () => {
  for (const language of languages) {
    it(`${language}: no run of either book crosses the page's margins`, async () => {
      for (const kind of ["student", "teacher"] as const) {
        const layout = layoutDocument(await bookDocumentSpec(kind, language), measurer);
        for (const [index, page] of layout.pages.entries()) {
          for (const run of page.runs) {
            const where = `${kind} book page ${index + 1}: "${run.pieces.join("")}"`;
            expect(run.x, where).toBeGreaterThanOrEqual(a4.left - epsilon);
            expect(run.x + run.width, where).toBeLessThanOrEqual(a4.width - a4.right + epsilon);
            expect(run.y, where).toBeLessThanOrEqual(a4.height);
          }
        }
      }
    });
  }

  it("never breaks inside the help line, in any script around it", () => {
    const texts = [
      "If it is not urgent, call the help line on the next working day: +995 32 2 91 34 61, free and confidential.",
      "თუ საქმე გადაუდებელი არ არის, დარეკე ცხელ ხაზზე +995 32 2 91 34 61 მომდევნო სამუშაო დღეს.",
      "Եթե շտապ չէ, զանգիր թեժ գիծ՝ +995 32 2 91 34 61 հաջորդ աշխատանքային օրը։",
    ];
    for (const text of texts) {
      // Every width at which the number fits on a line at all (narrower, a word is cut so as not to cross the margin).
      for (const width of [110, 125, 140, 170, 200]) {
        const lines = breakLines(wordsOf([{ text: withUnbreakablePhoneNumbers(text) }], 10.5, measurer), width, 10.5, measurer);
        const lineTexts = lines.map((line) => line.words.map((word) => word.pieces.map((piece) => piece.text).join("")).join(" "));
        expect(lineTexts.filter((line) => line.includes("+995 32 2 91 34 61")), `${width} pt: ${lineTexts.join(" | ")}`).toHaveLength(1);
      }
    }
  });

  it("breaks lines only at word boundaries, keeping every word whole", () => {
    const text = "Trafficking can happen without crossing any border, and a victim is never to blame.";
    const lines = breakLines(wordsOf([{ text }], 10.5, measurer), 120, 10.5, measurer);
    expect(lines.length).toBeGreaterThan(2);
    const rebuilt = lines.map((line) => line.words.map((word) => word.pieces.map((piece) => piece.text).join("")).join(" ")).join(" ");
    expect(rebuilt).toBe(text);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(120 + epsilon);
  });

  it("keeps a word whose characters change font in one piece of the line (an Azerbaijani ə from Latin Extended)", () => {
    const words = wordsOf([{ text: "həyat, insan" }], 10.5, measurer);
    expect(words).toHaveLength(2);
    expect(words[0]!.pieces.map((piece) => [piece.text, piece.faceId])).toEqual([
      ["h", "latin-400"],
      ["ə", "latinext-400"],
      ["yat,", "latin-400"],
    ]);
  });

  it("sets the spaces, digits and punctuation of Georgian and Armenian text in their font: a line is one run", () => {
    // The runs of a text set on one line: [face, text] each.
    const runsOf = (text: string) => {
      const line = breakLines(wordsOf([{ text }], 10.5, measurer), 10_000, 10.5, measurer)[0]!;
      return runsOfLine(line, 0, 0, 10.5, [0, 0, 0], measurer).map((run) => [run.faceId, run.pieces.join("")]);
    };
    for (const [text, face] of [
      ["ტრეფიკინგი, 14 წლის ნინო „სამუშაოზე“ — 112.", "georgian-400"],
      ["Թրաֆիքինգ, 14-ամյա Անին «աշխատանք» — 112։", "armenian-400"],
    ] as const) {
      expect(runsOf(text), text).toEqual([[face, text]]);
    }
    // After a bold word, a regular mark stays in the word's script (the chain alone takes «։» from the
    // Georgian font, which comes before the Armenian one).
    const afterBold = wordsOf([{ text: "Անին", style: { bold: true } }, { text: "։ Ու" }], 10.5, measurer);
    expect(afterBold[0]!.pieces.map((piece) => [piece.text, piece.faceId])).toEqual([
      ["Անին", "armenian-700"],
      ["։", "armenian-400"],
    ]);
    // What the script's font lacks still comes from the chain (a Latin word, and the space after it).
    expect(runsOf("ნინო IOM ორგანიზაცია")).toEqual([
      ["georgian-400", "ნინო "],
      ["latin-400", "IOM "],
      ["georgian-400", "ორგანიზაცია"],
    ]);
  });

  it("breaks a word longer than the line instead of letting it overflow", () => {
    const layout = layoutDocument(spec([{ kind: "paragraph", inlines: [{ text: `Word ${"ა".repeat(400)} end` }] }]), measurer);
    const runs = layout.pages[0]!.runs.filter((run) => run.pieces.join("").includes("ა"));
    expect(runs.length).toBeGreaterThan(2);
    for (const run of runs) expect(run.x + run.width).toBeLessThanOrEqual(a4.width - a4.right + epsilon);
  });

  it("never strands a heading at the bottom of a page", async () => {
    for (const language of languages) {
      const layout = layoutDocument(await bookDocumentSpec("teacher", language), measurer);
      for (const entry of layout.outline) {
        const page = layout.pages[entry.page]!;
        const below = page.runs.filter((run) => run.y > entry.y + 30 && run.y < a4.height - a4.bottom);
        expect(below.length, `${language}: "${entry.title}" on page ${entry.page + 1}`).toBeGreaterThan(0);
      }
    }
  });

  it("a heading that would fall at the foot of a page moves to the next page with its text", () => {
    const filler = Array.from({ length: 46 }, () => ({ kind: "paragraph" as const, inlines: [{ text: "Line." }] }));
    const layout = layoutDocument(spec([...filler, { kind: "heading", level: 2, inlines: [{ text: "Stranded?" }], outline: { level: 1, title: "Stranded?" } }, { kind: "paragraph", inlines: [{ text: "Text after the heading." }] }]), measurer);
    const heading = layout.outline.find((entry) => entry.title === "Stranded?")!;
    const text = layout.pages.findIndex((page) => page.runs.some((run) => run.pieces.join("").includes("after")));
    expect(heading.page).toBe(text);
  });

  it("lays quiz options out as a lettered list, and bulleted and numbered lists with markers", () => {
    const layout = layoutDocument(
      spec([
        { kind: "options", showAnswer: false, items: [{ inlines: [{ text: "First" }] }, { inlines: [{ text: "Second" }] }] },
        { kind: "list", ordered: true, items: [[{ kind: "paragraph", inlines: [{ text: "One" }] }], [{ kind: "paragraph", inlines: [{ text: "Two" }] }]] },
        { kind: "list", ordered: false, items: [[{ kind: "paragraph", inlines: [{ text: "Dot" }] }]] },
      ]),
      measurer,
    );
    const texts = layout.pages[0]!.runs.map((run) => run.pieces.join(""));
    for (const marker of ["a)", "b)", "1.", "2.", "•"]) expect(texts).toContain(marker);
    const first = layout.pages[0]!.runs.find((run) => run.pieces.join("") === "First")!;
    const letter = layout.pages[0]!.runs.find((run) => run.pieces.join("") === "a)")!;
    expect(letter.x).toBeLessThan(first.x);
    expect(letter.y).toBe(first.y);
  });

  it("sets bold and italic in their faces, and slants Georgian italic (no Georgian italic font exists)", () => {
    const words = wordsOf([{ text: "bold", style: { bold: true } }, { text: " italic", style: { italic: true } }, { text: " ქართული", style: { italic: true } }], 10, measurer);
    expect(words[0]!.pieces[0]!.faceId).toBe("latin-700");
    expect(words[1]!.pieces[0]!.faceId).toBe("latin-400i");
    expect(measurer.face(words[2]!.pieces[0]!.faceId).slant).toBeGreaterThan(0);
  });
});
