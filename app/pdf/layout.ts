// Layout is data: blocks → rows of positioned runs → pages. Pure: fonts come in through a Measurer,
// nothing is drawn here, and tests assert on the result (no line crosses the margin, headings are never
// the last thing on a page, …). draw.server.ts writes the result with pdf-lib.
// The parts: theme.ts (the look), line-breaking.ts (words and lines), rows.ts (a row builder per block
// kind); here, pagination: rows onto pages, the table of contents' page numbers, running headers and
// "N / M" footers.
import type { DocumentSpec } from "./model";
import type { LaidOutDocument, LaidOutPage, OutlineEntry } from "./laid-out";
import { breakLines, runsOfLine, wordsOf } from "./line-breaking";
import { blocksRows, type Frame, type Row } from "./rows";
import { bold as boldStyle, regular, type Measurer, type TextStyle } from "./text-style";
import { a4, black, grey, rule, sizes, type PageGeometry } from "./theme";

export type { Graphic, LaidOutDocument, LaidOutPage, OutlineEntry, PlacedLink, PlacedRun } from "./laid-out";
export { breakLines, wordsOf } from "./line-breaking";
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

  let runningTitle = spec.runningTitle;
  let footer = spec.footer;
  let builder: PageBuilder | null = null;
  let isCover = spec.cover.length > 0;
  const newPage = (): PageBuilder => {
    const page: LaidOutPage = { runs: [], graphics: [], links: [], runningTitle, footer, isCover };
    pages.push(page);
    builder = { page, cursor: 0 };
    return builder;
  };

  const place = (rows: Row[]) => {
    rows.forEach((row, index) => {
      if (row.pageBreak) {
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
      for (const run of row.runs) current.page.runs.push({ ...run, y: run.y + top });
      for (const graphic of row.graphics) {
        current.page.graphics.push(
          graphic.kind === "line" ? { ...graphic, y1: graphic.y1 + top, y2: graphic.y2 + top } : { ...graphic, y: graphic.y + top },
        );
      }
      for (const link of row.links) current.page.links.push({ ...link, y: link.y + top });
      if (row.anchor) anchors[row.anchor] = { page: pageIndex, y: top };
      if (row.outline) outline.push({ ...row.outline, page: pageIndex, y: top });
      current.cursor = top - geometry.top + row.height;
    });
  };

  if (spec.cover.length > 0) {
    place(blocksRows(spec.cover, frame, measurer));
    builder = null;
    isCover = false;
  }
  place(blocksRows(spec.body, frame, measurer));
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

  addRunningHeadersAndFooters(pages, geometry, frame, measurer);
  return { width: geometry.width, height: geometry.height, pages, outline, anchors };
}

function addRunningHeadersAndFooters(pages: LaidOutPage[], geometry: PageGeometry, frame: Frame, measurer: Measurer) {
  const size = sizes.small;
  const singleLine = (text: string, width: number, style: TextStyle = regular) => {
    const [line] = breakLines(wordsOf([{ text, style }], size, measurer), Number.POSITIVE_INFINITY, size, measurer);
    if (!line || line.width <= width) return line;
    // Too long for the header: drop words and end with an ellipsis.
    const words = [...line.words];
    const ellipsis = wordsOf([{ text: "…" }], size, measurer)[0]!;
    while (words.length > 1) {
      words.pop();
      const candidate = breakLines([...words, ellipsis], Number.POSITIVE_INFINITY, size, measurer)[0]!;
      if (candidate.width <= width) return candidate;
    }
    return line;
  };
  pages.forEach((page, index) => {
    if (page.isCover) return;
    const headerBaseline = geometry.top - 26;
    const header = singleLine(page.runningTitle, frame.width);
    if (header) page.runs.push(...runsOfLine(header, frame.x, headerBaseline, size, grey, measurer));
    page.graphics.push({ kind: "line", x1: frame.x, y1: headerBaseline + 6, x2: frame.x + frame.width, y2: headerBaseline + 6, width: 0.5, color: rule });

    const footerBaseline = geometry.height - geometry.bottom + 30;
    page.graphics.push({ kind: "line", x1: frame.x, y1: footerBaseline - 13, x2: frame.x + frame.width, y2: footerBaseline - 13, width: 0.5, color: rule });
    const pageNumber = singleLine(`${index + 1} / ${pages.length}`, frame.width, boldStyle)!;
    page.runs.push(...runsOfLine(pageNumber, frame.x + frame.width - pageNumber.width, footerBaseline, size, black, measurer));
    const footer = singleLine(page.footer, frame.width - pageNumber.width - 12);
    if (footer) page.runs.push(...runsOfLine(footer, frame.x, footerBaseline, size, grey, measurer));
  });
}
