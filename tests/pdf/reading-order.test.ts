// Reading order is drawing order: tools that read a page in the order it was drawn (MuPDF, pdf.js,
// `pdftotext -raw`, screen readers without tags) read the lesson as it is written. A list's marker comes
// before its item ("1. When…", never "When…1."), and the running header, the footer and the page number
// come after all of a page's content, never in the middle of a paragraph and never glued to a word.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { List, Nodes } from "mdast";
import { toString as plainText } from "mdast-util-to-string";
import { describe, expect, it, vi } from "vitest";
import type { BodyNode, LessonDocument } from "~/content/document";
import { languages } from "~/i18n/languages";
import { getCatalogue } from "~/publication/catalogue.server";
import { lessonDocumentSpec, packDocumentSpec } from "~/publication/pdf-assembly.server";
import { layoutDocument, type LaidOutPage, type PlacedRun } from "~/pdf/layout";
import { renderPdf, sharedMeasurer } from "~/pdf/render.server";
import { normalized } from "./extract";

// With an origin, as deployed: each part's title block has the lesson's QR code and its caption beside it.
vi.hoisted(() => {
  process.env.PUBLIC_ORIGIN = "https://lessons.example.ge";
});
const measurer = sharedMeasurer();
const slug = "what-is-trafficking";
const epsilon = 0.01;

const textOf = (run: PlacedRun) => run.pieces.join("");

/** Runs as text in their order: nothing between runs that touch on one baseline, a space elsewhere. */
function runsText(runs: PlacedRun[]): string {
  let text = "";
  runs.forEach((run, index) => {
    const previous = runs[index - 1];
    const touches = previous && previous.y === run.y && Math.abs(previous.x + previous.width - run.x) < epsilon;
    text += (previous && !touches ? " " : "") + textOf(run);
  });
  return normalized(text);
}

/** Each page's text in content stream order, as poppler's `pdftotext -raw` gives it. */
function rawText(bytes: Uint8Array): string[] {
  const directory = mkdtempSync(path.join(tmpdir(), "pdf-raw-"));
  try {
    const file = path.join(directory, "document.pdf");
    writeFileSync(file, bytes);
    const text = execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
    return text.split("\f").slice(0, -1); // a form feed ends every page
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

function listsIn(nodes: readonly BodyNode[] | readonly Nodes[]): List[] {
  return nodes.flatMap((node): List[] => {
    const own = node.type === "list" ? [node] : [];
    return [...own, ...("children" in node ? listsIn(node.children as Nodes[]) : [])];
  });
}

/** What the lesson says its lists and quiz options read as, marker first: "1. The act: …", "a) …". */
function markedItems(document: LessonDocument, kind: "plan" | "handout"): string[] {
  const sections =
    kind === "plan"
      ? [document.objectives, document.materials, ...document.activities.flatMap((activity) => [activity.body, activity.studentTask]), document.reading, document.discussion, document.teacherNotes, document.safeguarding]
      : [document.reading, ...document.activities.map((activity) => activity.studentTask), document.discussion];
  const items = sections.flatMap((nodes) =>
    listsIn(nodes).flatMap((list) =>
      list.children.map((item, index) => {
        const marker = list.ordered ? `${(list.start ?? 1) + index}.` : "•";
        return normalized(`${marker} ${plainText(item.children[0] as Nodes)}`);
      }),
    ),
  );
  const options = document.quiz.flatMap((question) => question.options.map((option, index) => normalized(`${String.fromCharCode(97 + index)}) ${option.text}`)));
  return [...items, ...options];
}

function assertLeftToRight(page: LaidOutPage, where: string) {
  page.runs.forEach((run, index) => {
    const previous = page.runs[index - 1];
    if (!previous || previous.y !== run.y) return;
    expect(run.x, `${where}: "${textOf(previous)}" then "${textOf(run)}" on one baseline`).toBeGreaterThanOrEqual(previous.x + previous.width - epsilon);
  });
}

describe("reading order is drawing order", () => {
  for (const language of languages) {
    for (const kind of ["plan", "handout"] as const) {
      it(`${language} ${kind}: the layout puts each marker before its item and the page furniture after all content`, async () => {
        const layout = layoutDocument((await lessonDocumentSpec(kind, slug, language))!, measurer);
        for (const [index, page] of layout.pages.entries()) {
          const where = `page ${index + 1}`;
          const firstArtifact = page.runs.findIndex((run) => run.artifact);
          expect(firstArtifact, where).toBeGreaterThan(0);
          // Furniture is one block at the end: no content run after the first artifact.
          expect(page.runs.slice(firstArtifact).every((run) => run.artifact), where).toBe(true);
          // Header, help line, then "N / M": the furniture reads like the page looks.
          const furniture = runsText(page.runs.slice(firstArtifact));
          expect(furniture, where).toMatch(new RegExp(` ${index + 1} / ${layout.pages.length}$`));
          // On one baseline, runs are drawn left to right: a marker (at the left) is never drawn after its line.
          assertLeftToRight(page, where);
        }
      });

      it(`${language} ${kind}: pdftotext -raw reads every page as the layout lays it out, every list item after its marker`, async () => {
        const document = (await getCatalogue()).bySlug.get(slug)!.documents[language]!;
        const spec = (await lessonDocumentSpec(kind, slug, language))!;
        const layout = layoutDocument(spec, measurer);
        const pages = rawText((await renderPdf(spec)).bytes);
        expect(pages).toHaveLength(layout.pages.length);
        const bodies: string[] = [];
        layout.pages.forEach((page, index) => {
          const content = runsText(page.runs.filter((run) => !run.artifact));
          const furniture = runsText(page.runs.filter((run) => run.artifact));
          // The whole page in drawing order: its content as the layout lays it out, then its furniture.
          expect(normalized(pages[index]!), `page ${index + 1}`).toBe(`${content} ${furniture}`);
          bodies.push(content);
        });
        const body = bodies.join(" ");
        expect(body).toContain(normalized(document.title));
        for (const paragraph of document.reading.filter((node) => node.type === "paragraph")) expect(body).toContain(normalized(plainText(paragraph as Nodes)));
        const items = markedItems(document, kind);
        expect(items.length).toBeGreaterThan(kind === "plan" ? 10 : 8);
        for (const item of items) expect(body).toContain(item);
        // Nothing glued: no marker right after a word or alone on a line, no page number right before a word.
        const all = pages.join("\f");
        expect(all).not.toMatch(/\p{L}(?:\d+\.|•)(?: |$)/mu);
        expect(all).not.toMatch(/^(?:\d+\.|•|[a-d]\))$/mu);
        expect(all).not.toMatch(/\d+ \/ \d+\p{L}/u);
      }, 60_000);
    }
  }

  it("a pack's parts keep the order too: a mixed-language pack's pages read as laid out", async () => {
    const spec = await packDocumentSpec({ slugs: [slug], parts: ["plan", "handout"], language: "ka", handoutLanguage: "az", copies: 2 });
    const layout = layoutDocument(spec, measurer);
    const pages = rawText((await renderPdf(spec)).bytes);
    expect(pages).toHaveLength(layout.pages.length);
    layout.pages.forEach((page, index) => {
      assertLeftToRight(page, `page ${index + 1}`);
      const firstArtifact = page.runs.findIndex((run) => run.artifact);
      expect(page.runs.slice(firstArtifact).every((run) => run.artifact), `page ${index + 1}`).toBe(true);
      // A copy of a handout prints its first copy's content (one shared XObject), then its own furniture.
      const content = page.contentOf === undefined ? [] : layout.pages[page.contentOf]!.runs.filter((run) => !run.artifact);
      expect(normalized(pages[index]!), `page ${index + 1}`).toBe(runsText([...content, ...page.runs]));
    });
    expect(layout.pages.some((page) => page.contentOf !== undefined)).toBe(true);
  }, 60_000);
});
