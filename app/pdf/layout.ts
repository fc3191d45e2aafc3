// Layout is data: blocks → rows of positioned runs → pages. Pure: fonts come in through a Measurer,
// nothing is drawn here, and tests assert on the result (no line crosses the margin, headings are never
// the last thing on a page, …). draw.server.ts writes the result with pdf-lib.
import type { Block, DocumentSpec, Inline } from "./model";
import { bold as boldStyle, regular, type Measurer, type TextStyle } from "./text-style";

export type Color = readonly [number, number, number];
const black: Color = [0, 0, 0];
const grey: Color = [0.35, 0.35, 0.35];
const brand: Color = [0.114, 0.306, 0.537];
const tint: Color = [0.93, 0.95, 0.97];
const rule: Color = [0.7, 0.75, 0.8];

/** A run of text in one face on one baseline; `pieces` are the words and spaces it was measured as. */
export interface PlacedRun {
  faceId: string;
  size: number;
  pieces: string[];
  x: number;
  /** Baseline, measured down from the top of the page. */
  y: number;
  width: number;
  color: Color;
  /** Set on table-of-contents page numbers until the target's page is known. */
  pageOf?: string;
}

export type Graphic =
  | { kind: "line"; x1: number; y1: number; x2: number; y2: number; width: number; color: Color }
  | { kind: "rect"; x: number; y: number; width: number; height: number; fill?: Color; stroke?: Color; lineWidth?: number; dashed?: boolean };

export interface PlacedLink {
  x: number;
  y: number;
  width: number;
  height: number;
  anchor: string;
}

export interface LaidOutPage {
  runs: PlacedRun[];
  graphics: Graphic[];
  links: PlacedLink[];
  runningTitle: string;
  /** Footer text beside the page number: the help line, in the language of the page's part. */
  footer: string;
  isCover: boolean;
}

export interface OutlineEntry {
  title: string;
  level: number;
  page: number;
  y: number;
}

export interface LaidOutDocument {
  width: number;
  height: number;
  pages: LaidOutPage[];
  outline: OutlineEntry[];
  anchors: Record<string, { page: number; y: number }>;
}

export interface PageGeometry {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** A4 with 2 cm side margins; the header and footer sit in the top and bottom margins. */
export const a4: PageGeometry = { width: 595.28, height: 841.89, left: 56.7, right: 56.7, top: 72, bottom: 72 };

const sizes = { body: 10.5, small: 8.5, large: 14, display: 34, heading: { 1: 18, 2: 13.5, 3: 11.5 } } as const;
const lineHeightFactor = 1.42;
const ascentFactor = 1.02;

// ——— Words and lines ———

interface Piece {
  faceId: string;
  text: string;
  width: number;
}

interface Word {
  pieces: Piece[];
  width: number;
  /** The style of its last character: the space after the word is set in it. */
  trailingStyle: TextStyle;
}

interface TextLine {
  words: Word[];
  width: number;
}

/**
 * Characters that separate words (a test per character: no regular expression in the hot loop). A
 * no-break space is not one: it joins its neighbours into one word (a phone number never breaks).
 */
function isWhitespace(character: string): boolean {
  return character === " " || character === "\n" || character === "\t" || character === "\r";
}

function styleOf(inline: Inline): TextStyle {
  return { bold: inline.style?.bold ?? false, italic: inline.style?.italic ?? false };
}

// Lesson documents live as long as the catalogue, and so do the inline arrays made from them: a
// paragraph is split into words and broken into lines once, then reused by every document that holds
// it (its plan, its handout, both books, any pack). Keyed by identity, so nothing stale is ever reused.
const wordCache = new WeakMap<readonly Inline[], Map<string, Word[]>>();
const lineCache = new WeakMap<Word[], Map<number, TextLine[]>>();

/** Splits styled text into words; each word into pieces, one per run of characters of one face. */
export function wordsOf(inlines: readonly Inline[], size: number, measurer: Measurer): Word[] {
  let bySize = wordCache.get(inlines);
  if (!bySize) {
    bySize = new Map();
    wordCache.set(inlines, bySize);
  }
  // The measurer is part of the key: tests may lay out with other fonts.
  const key = `${size}`;
  let words = bySize.get(key);
  if (!words || measurerOf.get(words) !== measurer) {
    words = splitIntoWords(inlines, size, measurer);
    measurerOf.set(words, measurer);
    bySize.set(key, words);
  }
  return words;
}
const measurerOf = new WeakMap<Word[], Measurer>();

function splitIntoWords(inlines: readonly Inline[], size: number, measurer: Measurer): Word[] {
  const words: Word[] = [];
  let pieces: { faceId: string; text: string }[] = [];
  let trailingStyle: TextStyle = regular;
  const finishWord = () => {
    if (pieces.length === 0) return;
    const measured = pieces.map((piece) => ({ ...piece, width: measurer.advance(piece.text, piece.faceId) * size }));
    words.push({ pieces: measured, width: measured.reduce((sum, piece) => sum + piece.width, 0), trailingStyle });
    pieces = [];
  };
  for (const inline of inlines) {
    const style = styleOf(inline);
    for (const character of inline.text) {
      if (isWhitespace(character)) {
        finishWord();
        continue;
      }
      if (character === "\u00a0") {
        // Drawn as an ordinary space (fonts without a no-break space glyph; extracted text stays plain).
        const spaceFace = measurer.faceFor(32, style);
        const last = pieces.at(-1);
        if (last && last.faceId === spaceFace) last.text += " ";
        else pieces.push({ faceId: spaceFace, text: " " });
        continue;
      }
      const faceId = measurer.faceFor(character.codePointAt(0)!, style);
      const last = pieces.at(-1);
      if (last && last.faceId === faceId) last.text += character;
      else pieces.push({ faceId, text: character });
      trailingStyle = style;
    }
  }
  finishWord();
  return words;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** A word wider than the line is cut between characters, never drawn across the margin. */
function splitOverlongWord(word: Word, maxWidth: number, size: number, measurer: Measurer): Word[] {
  const parts: Word[] = [];
  let current: Piece[] = [];
  let currentWidth = 0;
  for (const piece of word.pieces) {
    for (const { segment } of graphemes.segment(piece.text)) {
      const width = measurer.advance(segment, piece.faceId) * size;
      if (currentWidth + width > maxWidth && current.length > 0) {
        parts.push({ pieces: current, width: currentWidth, trailingStyle: word.trailingStyle });
        current = [];
        currentWidth = 0;
      }
      const last = current.at(-1);
      if (last && last.faceId === piece.faceId) {
        last.text += segment;
        last.width = measurer.advance(last.text, last.faceId) * size;
      } else current.push({ faceId: piece.faceId, text: segment, width });
      currentWidth = current.reduce((sum, part) => sum + part.width, 0);
    }
  }
  if (current.length > 0) parts.push({ pieces: current, width: currentWidth, trailingStyle: word.trailingStyle });
  return parts;
}

function spaceWidth(style: TextStyle, size: number, measurer: Measurer): number {
  return measurer.advance(" ", measurer.faceFor(32, style)) * size;
}

/** First-fit line breaking at word boundaries with exact widths. */
export function breakLines(words: Word[], maxWidth: number, size: number, measurer: Measurer): TextLine[] {
  let byWidth = lineCache.get(words);
  if (!byWidth) {
    byWidth = new Map();
    lineCache.set(words, byWidth);
  }
  let lines = byWidth.get(maxWidth);
  if (!lines) {
    lines = firstFit(words, maxWidth, size, measurer);
    byWidth.set(maxWidth, lines);
  }
  return lines;
}

function firstFit(words: Word[], maxWidth: number, size: number, measurer: Measurer): TextLine[] {
  const lines: TextLine[] = [];
  let current: Word[] = [];
  let width = 0;
  for (const original of words) {
    for (const word of original.width > maxWidth ? splitOverlongWord(original, maxWidth, size, measurer) : [original]) {
      const gap = current.length > 0 ? spaceWidth(current.at(-1)!.trailingStyle, size, measurer) : 0;
      if (current.length > 0 && width + gap + word.width > maxWidth) {
        lines.push({ words: current, width });
        current = [word];
        width = word.width;
      } else {
        current.push(word);
        width += gap + word.width;
      }
    }
  }
  if (current.length > 0) lines.push({ words: current, width });
  return lines;
}

/** A line's words and spaces as runs, merging neighbours of the same face. */
function runsOfLine(line: TextLine, x: number, baseline: number, size: number, color: Color, measurer: Measurer): PlacedRun[] {
  const runs: PlacedRun[] = [];
  let cursor = x;
  const add = (faceId: string, text: string, width: number) => {
    const last = runs.at(-1);
    if (last && last.faceId === faceId) {
      last.pieces.push(text);
      last.width += width;
    } else runs.push({ faceId, size, pieces: [text], x: cursor, y: baseline, width, color });
    cursor += width;
  };
  line.words.forEach((word, index) => {
    if (index > 0) {
      const style = line.words[index - 1]!.trailingStyle;
      add(measurer.faceFor(32, style), " ", spaceWidth(style, size, measurer));
    }
    for (const piece of word.pieces) add(piece.faceId, piece.text, piece.width);
  });
  return runs;
}

// ——— Rows: the unit of pagination ———

interface Row {
  height: number;
  spaceBefore: number;
  keepWithNext: boolean;
  /** Contents relative to the row's top-left corner at x = 0 of the page, y = 0 at the row's top. */
  runs: PlacedRun[];
  graphics: Graphic[];
  links: PlacedLink[];
  anchor?: string;
  outline?: { title: string; level: number };
  pageBreak?: { runningTitle?: string; footer?: string };
}

interface Frame {
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
      });
    case "list": {
      const indent = 16;
      return block.items.flatMap((item, index) => {
        const marker = block.markers?.[index] ?? (block.ordered ? `${(block.start ?? 1) + index}.` : "•");
        const rows = blocksRows(item, { x: frame.x + indent, width: frame.width - indent }, measurer);
        if (rows[0]) {
          rows[0].spaceBefore = index === 0 && first ? 0 : 3;
          const markerRows = textRows([{ text: marker }], { x: frame.x, width: indent }, measurer, { size: sizes.body });
          rows[0].runs.push(...(markerRows[0]?.runs ?? []));
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
          rows[0].runs.push(...(markerRows[0]?.runs ?? []));
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
      inner.forEach((row, index) => (row.keepWithNext = index < inner.length - 1));
      inner[0]!.graphics.push({ kind: "rect", x: frame.x, y: -padding, width: frame.width, height: total + 2 * padding, stroke: brand, lineWidth: 1.2 });
      // The space below the frame.
      return [...inner, { height: padding, spaceBefore: 0, keepWithNext: false, runs: [], graphics: [], links: [] }];
    }
    case "table":
      return tableRows(block, frame, measurer, first);
    case "tableOfContents":
      return tableOfContentsRows(block, frame, measurer);
    case "space":
      return [{ height: block.height, spaceBefore: 0, keepWithNext: false, runs: [], graphics: [], links: [] }];
    case "cards":
      return cardRows(block, frame, measurer, first);
    case "pageBreak":
      return [{ height: 0, spaceBefore: 0, keepWithNext: false, runs: [], graphics: [], links: [], pageBreak: { runningTitle: block.runningTitle, footer: block.footer } }];
  }
}

function blocksRows(blocks: readonly Block[], frame: Frame, measurer: Measurer): Row[] {
  return blocks.flatMap((block, index) => blockRows(block, frame, measurer, index === 0));
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
      const inner = blocksRows(card, { x: frame.x + column * width + padding, width: width - 2 * padding }, measurer);
      let cursor = padding;
      const runs: PlacedRun[] = [];
      const graphics: Graphic[] = [];
      inner.forEach((row, index) => {
        const top = cursor + (index === 0 ? 0 : row.spaceBefore);
        for (const run of row.runs) runs.push({ ...run, y: run.y + top });
        for (const graphic of row.graphics) graphics.push(graphic.kind === "line" ? { ...graphic, y1: graphic.y1 + top, y2: graphic.y2 + top } : { ...graphic, y: graphic.y + top });
        cursor = top + row.height;
      });
      return { runs, graphics, height: cursor + padding, column };
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

// ——— Pages ———

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
