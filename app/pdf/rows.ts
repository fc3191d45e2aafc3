// Rows, the unit of pagination: each block kind becomes rows of runs and graphics relative to the row's
// top-left corner, and structure elements for what it is (a heading, a list item, a quote). A row never
// splits across pages; keep-with-next chains keep headings with what follows, a box whole and with the
// lines before it, a quiz question with its options.
// Beside this: rows-text.ts (rows, lines of one element), rows-tables.ts (the timetable, the contents).
import type { Block } from "./model";
import type { Graphic, PlacedLink, PlacedRun } from "./laid-out";
import { leaf, stacked, textRows, within, type Context, type Frame, type Row } from "./rows-text";
import { tableOfContentsRows, tableRows } from "./rows-tables";
import { headingRole } from "./structure";
import { bold as boldStyle } from "./text-style";
import { black, brand, grey, sizes, tint } from "./theme";

export type { Context, Frame, Row } from "./rows-text";

function indentRows(rows: Row[], graphics: (row: Row, index: number) => Graphic[]): Row[] {
  return rows.map((row, index) => ({ ...row, graphics: [...row.graphics, ...graphics(row, index)] }));
}

function blockRows(block: Block, frame: Frame, context: Context, first: boolean): Row[] {
  const { measurer } = context;
  switch (block.kind) {
    case "heading": {
      const size = block.display ? sizes.display : sizes.heading[block.level];
      const rows = textRows(block.inlines, frame, measurer, {
        size,
        element: leaf(context, headingRole(block.level)),
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
        element: leaf(context, "P"),
        spaceBefore: first ? 0 : 5,
        align: block.align,
        keepWithNext: block.keepWithNext,
      });
    case "list": {
      const indent = 16;
      const list = within(context, "L");
      return block.items.flatMap((item, index) => {
        const marker = block.markers?.[index] ?? (block.ordered ? `${(block.start ?? 1) + index}.` : "•");
        const listItem = within(list, "LI");
        const label = leaf(listItem, "Lbl");
        const rows = blocksRows(item, { x: frame.x + indent, width: frame.width - indent }, within(listItem, "LBody"));
        if (rows[0]) {
          rows[0].spaceBefore = index === 0 && first ? 0 : 3;
          // The marker is drawn before its item's text: tools that read in drawing order give "1. When…".
          const markerRows = textRows([{ text: marker }], { x: frame.x, width: indent }, measurer, { size: sizes.body, element: label });
          rows[0].runs.unshift(...(markerRows[0]?.runs ?? []));
        }
        return rows;
      });
    }
    case "options": {
      const indent = 30;
      const list = within(context, "L");
      return block.items.flatMap((item, index) => {
        const letter = `${String.fromCharCode(97 + index)})`;
        const right = block.showAnswer && item.right === true;
        const listItem = within(list, "LI");
        const label = leaf(listItem, "Lbl");
        const rows = textRows(item.inlines, { x: frame.x + indent, width: frame.width - indent }, measurer, {
          size: sizes.body,
          element: leaf(listItem, "LBody"),
          spaceBefore: index === 0 ? 4 : 2,
          baseStyle: right ? boldStyle : undefined,
        });
        if (rows[0]) {
          const markerRows = textRows([{ text: letter, style: right ? boldStyle : undefined }], { x: frame.x + 13, width: 17 }, measurer, { size: sizes.body, element: label });
          rows[0].runs.unshift(...(markerRows[0]?.runs ?? [])); // "a)" before its option, as a reader reads it
          // The box to tick is decoration; in the answer key the right option also stands in bold and is
          // named in words just after the options, which is what a screen reader reads.
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
      const inner = blocksRows(block.blocks, { x: frame.x + 12, width: frame.width - 16 }, within(context, "BlockQuote"));
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
      const inner = blocksRows(block.blocks, { x: frame.x + padding, width: frame.width - 2 * padding }, within(context, "Div"));
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
      return tableRows(block, frame, context, first);
    case "tableOfContents":
      return tableOfContentsRows(block, frame, context);
    case "space":
      return [{ height: block.height, spaceBefore: 0, keepWithNext: false, runs: [], graphics: [], links: [] }];
    case "cards":
      return cardRows(block, frame, context, first);
    case "qrNote":
      return [qrNoteRow(block, frame, context, first)];
    case "group":
      // Laid out as if its blocks stood in its place (a group's first block is first where the group is).
      return blocksRows(block.blocks, frame, within(context, block.role, { language: block.language }), first);
    case "repeatPart":
      return [{ height: 0, spaceBefore: 0, keepWithNext: false, runs: [], graphics: [], links: [], repeatPart: block.times }];
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

/** `first`: whether the blocks start their container (no space before the first). */
export function blocksRows(blocks: readonly Block[], frame: Frame, context: Context, first = true): Row[] {
  const rows: Row[] = [];
  let previous: Row[] = [];
  blocks.forEach((block, index) => {
    const own = blockRows(block, frame, context, first && index === 0);
    if (block.kind === "box" || block.kind === "qrNote") keepWithFollowingBox(previous);
    rows.push(...own);
    previous = own;
  });
  return rows;
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
 * Structure: the text's own elements, then the code as a Figure whose alternative text is its address,
 * inside a Link that holds the caption's words and the clickable annotation.
 */
function qrNoteRow(block: Extract<Block, { kind: "qrNote" }>, frame: Frame, context: Context, first: boolean): Row {
  const { measurer } = context;
  const size = block.qr.rows.length;
  const module = qrSide / size;
  const quiet = qrQuietModules * module;
  const inner = blocksRows(block.blocks, { x: frame.x, width: frame.width - qrSide - quiet }, context);
  const text = stacked(inner, 0);
  const codeX = frame.x + frame.width - qrSide;
  const link = block.link ? leaf(context, "Link") : null;
  const alternative = block.caption ? `${block.caption}: ${block.qr.text}` : block.qr.text;
  const figure = leaf(link === null ? context : { ...context, parent: link }, "Figure", { alternative });
  const qr: Graphic = { kind: "qr", x: codeX, y: 0, module, rows: block.qr.rows, color: black, text: block.qr.text, element: figure };
  // The caption after the text it stands beside: read in drawing order, the title block comes first.
  const caption = block.caption
    ? stacked(
        textRows([{ text: block.caption }], { x: codeX, width: qrSide }, measurer, { size: qrCaptionSize, element: link ?? leaf(context, "P"), color: grey, align: "center" }),
        qrSide + quiet,
      )
    : null;
  const codeHeight = caption ? caption.height : qrSide;
  const links: PlacedLink[] = block.link && link !== null ? [{ x: codeX, y: 0, width: qrSide, height: codeHeight, uri: block.link, description: block.caption, element: link }] : [];
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

/**
 * Cards two to a row, every card of a row as tall as the tallest, framed by dashed cut lines that touch.
 * Each card is a Div of its own.
 */
function cardRows(block: Extract<Block, { kind: "cards" }>, frame: Frame, context: Context, first: boolean): Row[] {
  const columns = 2;
  const padding = 12;
  const minimumHeight = 150; // about 5 cm: a card a hand can hold, even when its text is short
  const width = frame.width / columns;
  const rows: Row[] = [];
  for (let start = 0; start < block.cards.length; start += columns) {
    const cards = block.cards.slice(start, start + columns).map((card, column) => {
      const inner = stacked(blocksRows(card, { x: frame.x + column * width + padding, width: width - 2 * padding }, within(context, "Div")), padding);
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
