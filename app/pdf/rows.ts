// Rows, the unit of pagination: each block kind becomes rows of runs and graphics relative to the row's
// top-left corner. A row never splits across pages; keep-with-next chains keep headings with what follows,
// a box whole and with the lines before it, a quiz question with its options.
import type { Block, Inline, PartStart } from "./model";
import type { Graphic, PlacedLink, PlacedRun } from "./laid-out";
import { breakLines, runsOfLine, wordsOf } from "./line-breaking";
import { bold as boldStyle, regular, type Measurer, type TextStyle } from "./text-style";
import { ascentFactor, black, brand, grey, lineHeightFactor, rule, sizes, tint, type Color } from "./theme";

export interface Row {
  height: number;
  spaceBefore: number;
  keepWithNext: boolean;
  /** Contents relative to the row's top-left corner at x = 0 of the page, y = 0 at the row's top. */
  runs: PlacedRun[];
  graphics: Graphic[];
  links: PlacedLink[];
  anchor?: string;
  outline?: { title: string; level: number };
  pageBreak?: { runningTitle?: string; footer?: string; part?: PartStart };
}

export interface Frame {
  x: number;
  width: number;
}

function textRows(
  inlines: readonly Inline[],
  frame: Frame,
  measurer: Measurer,
  options: { size: number; color?: Color; spaceBefore?: number; keepWithNext?: boolean; align?: "left" | "center"; baseStyle?: Partial<TextStyle> },
): Row[] {
  // A base style adds to the inline's own (a bold heading keeps its italic words, and stays bold).
  const base = options.baseStyle;
  const styled = base
    ? inlines.map((inline) => ({
        ...inline,
        style: { bold: Boolean(base.bold || inline.style?.bold), italic: Boolean(base.italic || inline.style?.italic) },
      }))
    : inlines;
  const lineHeight = options.size * lineHeightFactor;
  const lines = breakLines(wordsOf(styled, options.size, measurer), frame.width, options.size, measurer);
  return lines.map((line, index) => {
    const x = options.align === "center" ? frame.x + (frame.width - line.width) / 2 : frame.x;
    return {
      height: lineHeight,
      spaceBefore: index === 0 ? (options.spaceBefore ?? 0) : 0,
      keepWithNext: options.keepWithNext ?? false,
      runs: runsOfLine(line, x, options.size * ascentFactor, options.size, options.color ?? black, measurer),
      graphics: [],
      links: [],
    };
  });
}

function indentRows(rows: Row[], graphics: (row: Row, index: number) => Graphic[]): Row[] {
  return rows.map((row, index) => ({ ...row, graphics: [...row.graphics, ...graphics(row, index)] }));
}

function blockRows(block: Block, frame: Frame, measurer: Measurer, first: boolean): Row[] {
  switch (block.kind) {
    case "heading": {
      const size = block.display ? sizes.display : sizes.heading[block.level];
      const rows = textRows(block.inlines, frame, measurer, {
        size,
        color: block.level === 1 ? brand : black,
        spaceBefore: first ? 0 : block.level === 1 ? 16 : block.level === 2 ? 14 : 9,
        keepWithNext: true,
        baseStyle: boldStyle,
        align: block.align,
      });
      if (rows[0]) {
        rows[0].anchor = block.anchor;
        rows[0].outline = block.outline;
      }
      return rows;
    }
    case "paragraph":
      return textRows(block.inlines, frame, measurer, {
        size: sizes[block.size ?? "body"],
        spaceBefore: first ? 0 : 5,
        align: block.align,
        keepWithNext: block.keepWithNext,
      });
    case "list": {
      const indent = 16;
      return block.items.flatMap((item, index) => {
        const marker = block.markers?.[index] ?? (block.ordered ? `${(block.start ?? 1) + index}.` : "•");
        const rows = blocksRows(item, { x: frame.x + indent, width: frame.width - indent }, measurer);
        if (rows[0]) {
          rows[0].spaceBefore = index === 0 && first ? 0 : 3;
          // The marker is drawn before its item's text: tools that read in drawing order give "1. When…".
          const markerRows = textRows([{ text: marker }], { x: frame.x, width: indent }, measurer, { size: sizes.body });
          rows[0].runs.unshift(...(markerRows[0]?.runs ?? []));
        }
        return rows;
      });
    }
    case "options": {
      const indent = 30;
      return block.items.flatMap((item, index) => {
        const letter = `${String.fromCharCode(97 + index)})`;
        const right = block.showAnswer && item.right === true;
        const rows = textRows(item.inlines, { x: frame.x + indent, width: frame.width - indent }, measurer, {
          size: sizes.body,
          spaceBefore: index === 0 ? 4 : 2,
          baseStyle: right ? boldStyle : undefined,
        });
        if (rows[0]) {
          const markerRows = textRows([{ text: letter, style: right ? boldStyle : undefined }], { x: frame.x + 13, width: 17 }, measurer, { size: sizes.body });
          rows[0].runs.unshift(...(markerRows[0]?.runs ?? [])); // "a)" before its option, as a reader reads it
          const box = sizes.body * 0.8;
          const top = (rows[0].height - box) / 2;
          rows[0].graphics.push(
            right
              ? { kind: "rect", x: frame.x, y: top, width: box, height: box, fill: brand }
              : { kind: "rect", x: frame.x, y: top, width: box, height: box, stroke: grey, lineWidth: 0.8 },
          );
        }
        return rows;
      });
    }
    case "quote": {
      const inner = blocksRows(block.blocks, { x: frame.x + 12, width: frame.width - 16 }, measurer);
      if (inner[0]) inner[0].spaceBefore = first ? 0 : 6;
      return indentRows(inner, (row, index) => {
        const extendUp = index === 0 ? 0 : row.spaceBefore;
        return [
          { kind: "rect", x: frame.x, y: -extendUp - 2, width: frame.width, height: row.height + extendUp + 4, fill: tint },
          { kind: "rect", x: frame.x, y: -extendUp - 2, width: 3, height: row.height + extendUp + 4, fill: brand },
        ];
      });
    }
    case "box": {
      const padding = 8;
      const inner = blocksRows(block.blocks, { x: frame.x + padding, width: frame.width - 2 * padding }, measurer);
      if (inner.length === 0) return [];
      const total = inner.reduce((sum, row, index) => sum + row.height + (index === 0 ? 0 : row.spaceBefore), 0);
      inner[0]!.spaceBefore = first ? padding : 10 + padding;
      // Kept whole: every row but the last keeps with the next (blocksRows also keeps it with what precedes).
      inner.forEach((row, index) => (row.keepWithNext = index < inner.length - 1));
      inner[0]!.graphics.push({ kind: "rect", x: frame.x, y: -padding, width: frame.width, height: total + 2 * padding, stroke: brand, lineWidth: 1.2 });
      // The space below the frame belongs to the last row: a separate row could fall alone onto a new
      // page, an empty page when the box ends a part.
      inner.at(-1)!.height += padding;
      return inner;
    }
    case "table":
      return tableRows(block, frame, measurer, first);
    case "tableOfContents":
      return tableOfContentsRows(block, frame, measurer);
    case "space":
      return [{ height: block.height, spaceBefore: 0, keepWithNext: false, runs: [], graphics: [], links: [] }];
    case "cards":
      return cardRows(block, frame, measurer, first);
    case "qrNote":
      return [qrNoteRow(block, frame, measurer, first)];
    case "pageBreak":
      return [
        { height: 0, spaceBefore: 0, keepWithNext: false, runs: [], graphics: [], links: [], pageBreak: { runningTitle: block.runningTitle, footer: block.footer, part: block.part } },
      ];
  }
}

/**
 * Lines of the block before a box that travel with it: a box that does not fit at the foot of a page
 * takes them along, so that no page holds only the box. All of a short block, else its last two lines
 * (never one line left behind).
 */
function keepWithFollowingBox(previous: Row[]) {
  if (previous.some((row) => row.pageBreak)) return;
  const kept = previous.length <= 3 ? previous.length : 2;
  for (const row of previous.slice(previous.length - kept)) row.keepWithNext = true;
}

export function blocksRows(blocks: readonly Block[], frame: Frame, measurer: Measurer): Row[] {
  const rows: Row[] = [];
  let previous: Row[] = [];
  blocks.forEach((block, index) => {
    const own = blockRows(block, frame, measurer, index === 0);
    if (block.kind === "box" || block.kind === "qrNote") keepWithFollowingBox(previous);
    rows.push(...own);
    previous = own;
  });
  return rows;
}

/** Rows stacked into one, each at its offset (cards, the colophon): a unit that never splits. */
function stacked(rows: Row[], top: number): { runs: PlacedRun[]; graphics: Graphic[]; height: number } {
  let cursor = top;
  const runs: PlacedRun[] = [];
  const graphics: Graphic[] = [];
  rows.forEach((row, index) => {
    const y = cursor + (index === 0 ? 0 : row.spaceBefore);
    for (const run of row.runs) runs.push({ ...run, y: run.y + y });
    for (const graphic of row.graphics) graphics.push(shifted(graphic, y));
    cursor = y + row.height;
  });
  return { runs, graphics, height: cursor };
}

function shifted(graphic: Graphic, by: number): Graphic {
  return graphic.kind === "line" ? { ...graphic, y1: graphic.y1 + by, y2: graphic.y2 + by } : { ...graphic, y: graphic.y + by };
}

/** The side of a printed QR code: 2 cm, which a phone reads from a hand's length (0.7 mm modules). */
const qrSide = 56.7;
/** Light modules around the symbol that a reader needs to find it (the standard asks for four). */
const qrQuietModules = 4;

/** The caption under a lesson part's QR code: small, grey, centred under the code. */
const qrCaptionSize = 7;

/**
 * Text on the left, the QR code on the right with its quiet zone, top-aligned, its caption under it:
 * one row. The text's anchor and bookmark (a part's title) and the code's link travel with the row.
 */
function qrNoteRow(block: Extract<Block, { kind: "qrNote" }>, frame: Frame, measurer: Measurer, first: boolean): Row {
  const size = block.qr.rows.length;
  const module = qrSide / size;
  const quiet = qrQuietModules * module;
  const inner = blocksRows(block.blocks, { x: frame.x, width: frame.width - qrSide - quiet }, measurer);
  const text = stacked(inner, 0);
  const codeX = frame.x + frame.width - qrSide;
  const qr: Graphic = { kind: "qr", x: codeX, y: 0, module, rows: block.qr.rows, color: black, text: block.qr.text };
  // The caption after the text it stands beside: read in drawing order, the title block comes first.
  const caption = block.caption
    ? stacked(textRows([{ text: block.caption }], { x: codeX, width: qrSide }, measurer, { size: qrCaptionSize, color: grey, align: "center" }), qrSide + quiet)
    : null;
  const codeHeight = caption ? caption.height : qrSide;
  const links: PlacedLink[] = block.link ? [{ x: codeX, y: 0, width: qrSide, height: codeHeight, uri: block.link, description: block.caption }] : [];
  return {
    height: Math.max(text.height, codeHeight + quiet / 2),
    spaceBefore: first ? 0 : Math.max(8, quiet),
    keepWithNext: block.keepWithNext ?? false,
    runs: [...text.runs, ...(caption?.runs ?? [])],
    graphics: [...text.graphics, qr],
    links,
    anchor: inner.find((row) => row.anchor)?.anchor,
    outline: inner.find((row) => row.outline)?.outline,
  };
}

function tableRows(block: Extract<Block, { kind: "table" }>, frame: Frame, measurer: Measurer, first: boolean): Row[] {
  const padding = 4;
  const totalShare = block.columns.reduce((sum, column) => sum + column.share, 0);
  const widths = block.columns.map((column) => (frame.width * column.share) / totalShare);
  const lefts = widths.map((_, index) => frame.x + widths.slice(0, index).reduce((sum, width) => sum + width, 0));
  const size = sizes.body;
  const makeRow = (cells: Inline[][], kind: "header" | "body" | "footer"): Row => {
    const cellRows = cells.map((cell, index) => {
      const column = block.columns[index]!;
      const rows = textRows(cell, { x: lefts[index]! + padding, width: widths[index]! - 2 * padding }, measurer, {
        size,
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

/** Cards two to a row, every card of a row as tall as the tallest, framed by dashed cut lines that touch. */
function cardRows(block: Extract<Block, { kind: "cards" }>, frame: Frame, measurer: Measurer, first: boolean): Row[] {
  const columns = 2;
  const padding = 12;
  const minimumHeight = 150; // about 5 cm: a card a hand can hold, even when its text is short
  const width = frame.width / columns;
  const rows: Row[] = [];
  for (let start = 0; start < block.cards.length; start += columns) {
    const cards = block.cards.slice(start, start + columns).map((card, column) => {
      const inner = stacked(blocksRows(card, { x: frame.x + column * width + padding, width: width - 2 * padding }, measurer), padding);
      return { runs: inner.runs, graphics: inner.graphics, height: inner.height + padding, column };
    });
    const height = Math.max(minimumHeight, ...cards.map((card) => card.height));
    const graphics: Graphic[] = [];
    const runs: PlacedRun[] = [];
    for (const card of cards) {
      graphics.push({ kind: "rect", x: frame.x + card.column * width, y: 0, width, height, stroke: grey, lineWidth: 0.6, dashed: true }, ...card.graphics);
      runs.push(...card.runs);
    }
    rows.push({ height, spaceBefore: start === 0 && !first ? 10 : 0, keepWithNext: false, runs, graphics, links: [] });
  }
  return rows;
}

/** Entries with dotted leaders and right-aligned page numbers, filled in once pages are known. */
function tableOfContentsRows(block: Extract<Block, { kind: "tableOfContents" }>, frame: Frame, measurer: Measurer): Row[] {
  const numberColumn = 36;
  const rows: Row[] = textRows([{ text: block.title }], frame, measurer, { size: sizes.heading[1], color: brand, baseStyle: boldStyle, keepWithNext: true });
  rows[0]!.outline = { title: block.title, level: 0 };
  for (const entry of block.entries) {
    const indent = entry.level === 0 ? 0 : 16;
    const style = entry.level === 0 ? boldStyle : regular;
    const titleWidth = frame.width - indent - numberColumn - 8;
    const entryRows = textRows([{ text: entry.title, style }], { x: frame.x + indent, width: titleWidth }, measurer, {
      size: sizes.body,
      spaceBefore: entry.level === 0 ? 7 : 1,
    });
    const last = entryRows.at(-1)!;
    const lineEnd = last.runs.reduce((end, run) => Math.max(end, run.x + run.width), frame.x + indent);
    const baseline = sizes.body * ascentFactor;
    last.graphics.push({ kind: "line", x1: lineEnd + 4, y1: baseline, x2: frame.x + frame.width - numberColumn, y2: baseline, width: 0.5, color: rule });
    last.runs.push({ faceId: measurer.faceFor(48, style), size: sizes.body, pieces: [""], x: frame.x + frame.width, y: baseline, width: 0, color: black, pageOf: entry.anchor });
    const height = entryRows.reduce((sum, row) => sum + row.height, 0);
    entryRows[0]!.links.push({ x: frame.x, y: 0, width: frame.width, height, anchor: entry.anchor });
    rows.push(...entryRows);
  }
  return rows;
}

