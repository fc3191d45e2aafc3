// Tabular rows: the activity timetable (a Table of TR rows, TH header cells with their scope, TD cells)
// and the table of contents (a TOC of TOCI entries, each one Link: its words, its page number and its
// annotation), with dotted leaders and page numbers filled in once pages are known.
import type { Block, Inline } from "./model";
import type { Graphic, PlacedRun } from "./laid-out";
import { leaf, textRows, within, type Context, type Frame, type Row } from "./rows-text";
import { bold as boldStyle, regular } from "./text-style";
import { ascentFactor, black, brand, lineHeightFactor, rule, sizes, tint } from "./theme";

type RowKind = "header" | "body" | "footer";

/**
 * The structure role of a cell: header cells head their column; in the footer (a total) the first cell
 * with words heads its row; every other cell is data.
 */
function cellRole(kind: RowKind, cells: Inline[][], index: number): { role: "TH" | "TD"; scope?: "Column" | "Row" } {
  if (kind === "header") return { role: "TH", scope: "Column" };
  if (kind === "footer" && index === cells.findIndex((cell) => cell.some((inline) => inline.text.trim().length > 0))) return { role: "TH", scope: "Row" };
  return { role: "TD" };
}

export function tableRows(block: Extract<Block, { kind: "table" }>, frame: Frame, context: Context, first: boolean): Row[] {
  const padding = 4;
  const table = within(context, "Table");
  const totalShare = block.columns.reduce((sum, column) => sum + column.share, 0);
  const widths = block.columns.map((column) => (frame.width * column.share) / totalShare);
  const lefts = widths.map((_, index) => frame.x + widths.slice(0, index).reduce((sum, width) => sum + width, 0));
  const size = sizes.body;
  const makeRow = (cells: Inline[][], kind: RowKind): Row => {
    const tableRow = within(table, "TR");
    const cellRows = cells.map((cell, index) => {
      const column = block.columns[index]!;
      const { role, scope } = cellRole(kind, cells, index);
      const rows = textRows(cell, { x: lefts[index]! + padding, width: widths[index]! - 2 * padding }, context.measurer, {
        size,
        element: leaf(tableRow, role, { scope }),
        baseStyle: kind === "body" ? undefined : boldStyle,
      });
      if (column.align === "right") {
        for (const row of rows) {
          const lineWidth = row.runs.reduce((sum, run) => sum + run.width, 0);
          const shift = widths[index]! - 2 * padding - lineWidth;
          for (const run of row.runs) run.x += shift;
        }
      }
      return rows;
    });
    const lineHeight = size * lineHeightFactor;
    const height = Math.max(1, ...cellRows.map((rows) => rows.length)) * lineHeight + 2 * padding;
    const runs = cellRows.flatMap((rows) => rows.flatMap((row, line) => row.runs.map((run) => ({ ...run, y: run.y + padding + line * lineHeight }))));
    const graphics: Graphic[] = widths.map((width, index) => ({
      kind: "rect",
      x: lefts[index]!,
      y: 0,
      width,
      height,
      stroke: rule,
      lineWidth: 0.6,
      fill: kind === "body" ? undefined : tint,
    }));
    return { height, spaceBefore: 0, keepWithNext: kind === "header", runs, graphics, links: [] };
  };
  const rows = [makeRow(block.header, "header"), ...block.rows.map((cells) => makeRow(cells, "body"))];
  if (block.footer) rows.push(makeRow(block.footer, "footer"));
  rows[0]!.spaceBefore = first ? 0 : 6;
  return rows;
}

/** Entries with dotted leaders and right-aligned page numbers, filled in once pages are known. */
export function tableOfContentsRows(block: Extract<Block, { kind: "tableOfContents" }>, frame: Frame, context: Context): Row[] {
  const { measurer } = context;
  const numberColumn = 36;
  const rows: Row[] = textRows([{ text: block.title }], frame, measurer, {
    size: sizes.heading[1],
    element: leaf(context, "H1"),
    color: brand,
    baseStyle: boldStyle,
    keepWithNext: true,
  });
  rows[0]!.outline = { title: block.title, level: 0 };
  const contents = within(context, "TOC");
  for (const entry of block.entries) {
    const link = leaf(within(contents, "TOCI"), "Link");
    const indent = entry.level === 0 ? 0 : 16;
    const style = entry.level === 0 ? boldStyle : regular;
    const titleWidth = frame.width - indent - numberColumn - 8;
    const entryRows = textRows([{ text: entry.title, style }], { x: frame.x + indent, width: titleWidth }, measurer, {
      size: sizes.body,
      element: link,
      spaceBefore: entry.level === 0 ? 7 : 1,
    });
    const last = entryRows.at(-1)!;
    const lineEnd = last.runs.reduce((end, run) => Math.max(end, run.x + run.width), frame.x + indent);
    const baseline = sizes.body * ascentFactor;
    last.graphics.push({ kind: "line", x1: lineEnd + 4, y1: baseline, x2: frame.x + frame.width - numberColumn, y2: baseline, width: 0.5, color: rule });
    const pageNumber: PlacedRun = { faceId: measurer.faceFor(48, style), size: sizes.body, pieces: [""], x: frame.x + frame.width, y: baseline, width: 0, color: black, pageOf: entry.anchor, element: link };
    last.runs.push(pageNumber);
    const height = entryRows.reduce((sum, row) => sum + row.height, 0);
    entryRows[0]!.links.push({ x: frame.x, y: 0, width: frame.width, height, anchor: entry.anchor, description: entry.title, element: link });
    rows.push(...entryRows);
  }
  return rows;
}
