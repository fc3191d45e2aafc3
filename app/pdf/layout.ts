// Layout is data: blocks → rows of positioned runs → pages. Pure: fonts come in through a Measurer,
// nothing is drawn here, and tests assert on the result (no line crosses the margin, headings are never
// the last thing on a page, every part of a pack starts on a right-hand page, …). draw.server.ts writes
// the result with pdf-lib.
// The parts: theme.ts (the look), line-breaking.ts (words and lines), rows.ts (a row builder per block
// kind), page-furniture.ts (running headers, "N / M" footers, blank pages' note, the draft mark); here,
// pagination: rows onto pages, the parts of a pack, the table of contents' page numbers.
import type { DocumentSpec, PartStart } from "./model";
import type { LaidOutDocument, LaidOutPage, OutlineEntry } from "./laid-out";
import { addPageFurniture } from "./page-furniture";
import { blocksRows, type Context, type Frame, type Row } from "./rows";
import { StructureBuilder } from "./structure";
import type { Measurer } from "./text-style";
import { a4, type PageGeometry } from "./theme";

export type { Graphic, LaidOutDocument, LaidOutPage, OutlineEntry, PlacedLink, PlacedRun } from "./laid-out";
export { breakLines, runsOfLine, wordsOf } from "./line-breaking";
export { a4, type Color, type PageGeometry } from "./theme";

interface PageBuilder {
  page: LaidOutPage;
  cursor: number;
}

/** Lays a whole document out: cover pages, then the body; then running headers and "N / M" footers. */
export function layoutDocument(spec: DocumentSpec, measurer: Measurer, geometry: PageGeometry = a4): LaidOutDocument {
  const frame: Frame = { x: geometry.left, width: geometry.width - geometry.left - geometry.right };
  const bodyHeight = geometry.height - geometry.top - geometry.bottom;
  const pages: LaidOutPage[] = [];
  const outline: OutlineEntry[] = [];
  const anchors: LaidOutDocument["anchors"] = {};
  const structure = new StructureBuilder(spec.language);
  const context: Context = { measurer, structure, parent: structure.root };

  let runningTitle = spec.runningTitle;
  let footer = spec.footer;
  let builder: PageBuilder | null = null;
  let isCover = spec.cover.length > 0;
  // The parts of a pack: each starts on a right-hand page; `part` is the one pages now belong to.
  let part = 0;
  let partStart: PartStart | null = null;
  // Where the current part's pages begin (past the blank verso before it): what a repeat copies.
  let partFirstPage = 0;
  const newPage = (): PageBuilder => {
    const page: LaidOutPage = { runs: [], graphics: [], links: [], runningTitle, footer, isCover, part, marks: [] };
    if (partStart) page.position = partStart.position;
    pages.push(page);
    builder = { page, cursor: 0 };
    return builder;
  };
  /** Pages are counted from 1: an odd count so far means the next page would be a left-hand one. */
  const startPart = (start: PartStart) => {
    if (pages.length % 2 === 1) {
      // The back of the part's last sheet, said to be blank in the language of the part it ends.
      const ending = partStart ?? start;
      pages.push({ runs: [], graphics: [], links: [], runningTitle: "", footer, isCover: false, part, marks: [], blank: ending.blankPage, position: ending.position });
    }
    if (pages.length > 0) part += 1;
    partStart = start;
    partFirstPage = pages.length;
  };
  /** Copies of the part just laid out: new parts whose pages print the first copy's content. */
  const repeatPart = (times: number) => {
    if (!partStart) return; // only a part of a pack can be repeated
    const start = partStart;
    const first = partFirstPage;
    const last = pages.length;
    for (let copy = 0; copy < times; copy += 1) {
      startPart(start);
      for (let index = first; index < last; index += 1) {
        const original = pages[index]!;
        pages.push({ runs: [], graphics: [], links: [], runningTitle: original.runningTitle, footer: original.footer, isCover: false, part, marks: [], position: start.position, contentOf: index });
      }
    }
    builder = null;
  };

  const place = (rows: Row[]) => {
    rows.forEach((row, index) => {
      if (row.repeatPart) {
        repeatPart(row.repeatPart);
        return;
      }
      if (row.pageBreak) {
        // The blank page before a part still carries the footer of the part it ends.
        if (row.pageBreak.part) startPart(row.pageBreak.part);
        if (row.pageBreak.runningTitle) runningTitle = row.pageBreak.runningTitle;
        if (row.pageBreak.footer) footer = row.pageBreak.footer;
        builder = null;
        return;
      }
      let current: PageBuilder = builder ?? newPage();
      const spaceBefore = current.cursor === 0 ? 0 : row.spaceBefore;
      // Keep a heading (and any row that asks) together with what follows it: the chain of
      // keep-with-next rows plus the next row must fit, or the chain starts a new page.
      let needed = spaceBefore + row.height;
      if (row.keepWithNext) {
        let next = index + 1;
        while (next < rows.length && rows[next - 1]!.keepWithNext && !rows[next]!.pageBreak) {
          needed += rows[next]!.spaceBefore + rows[next]!.height;
          next += 1;
        }
        if (needed > bodyHeight) needed = spaceBefore + row.height; // cannot be kept: let it flow
      }
      if (current.cursor + needed > bodyHeight && current.cursor > 0) current = newPage();
      const top = geometry.top + current.cursor + (current.cursor === 0 ? 0 : row.spaceBefore);
      const pageIndex = pages.length - 1;
      // Rows are built afresh for each layout and placed once: their runs move onto the page as they are
      // (a book has tens of thousands; copying each would only feed the garbage collector).
      for (const run of row.runs) {
        run.y += top;
        current.page.runs.push(run);
      }
      for (const graphic of row.graphics) {
        if (graphic.kind === "line") {
          graphic.y1 += top;
          graphic.y2 += top;
        } else graphic.y += top;
        current.page.graphics.push(graphic);
      }
      for (const link of row.links) {
        link.y += top;
        current.page.links.push(link);
      }
      if (row.anchor) anchors[row.anchor] = { page: pageIndex, y: top };
      if (row.outline) outline.push({ ...row.outline, page: pageIndex, y: top });
      current.cursor = top - geometry.top + row.height;
    });
  };

  if (spec.cover.length > 0) {
    place(blocksRows(spec.cover, frame, context));
    builder = null;
    isCover = false;
  }
  place(blocksRows(spec.body, frame, context));
  if (pages.length === 0) newPage();

  // Table-of-contents page numbers, now that every anchor has its page.
  for (const page of pages) {
    for (const run of page.runs) {
      if (!run.pageOf) continue;
      const target = anchors[run.pageOf];
      const text = target ? String(target.page + 1) : "";
      run.pieces = [text];
      run.width = measurer.advance(text, run.faceId) * run.size;
      run.x -= run.width;
    }
  }

  addPageFurniture(pages, { geometry, frame, numbering: partStart ? "parts" : "document", mark: spec.mark }, measurer);
  return { width: geometry.width, height: geometry.height, pages, outline, anchors, structure: structure.elements };
}
