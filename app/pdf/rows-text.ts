// Rows, the unit of pagination, and the two things every row builder needs: lines of text placed as
// runs of one structure element, and rows stacked into one unit.
import type { Inline, PartStart } from "./model";
import type { Graphic, PlacedLink, PlacedRun } from "./laid-out";
import { breakLines, runsOfLine, wordsOf } from "./line-breaking";
import type { StructureBuilder, StructureElement, StructureRole } from "./structure";
import type { Measurer, TextStyle } from "./text-style";
import { ascentFactor, black, lineHeightFactor, type Color } from "./theme";

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
  /** The part laid out just before, again this many times (copies of a handout). */
  repeatPart?: number;
}

export interface Frame {
  x: number;
  width: number;
}

/**
 * What row builders share: the fonts, the document's structure, and the element that whatever they
 * build belongs to. Each block adds its element(s) under `parent`; every content run names its element.
 */
export interface Context {
  measurer: Measurer;
  structure: StructureBuilder;
  parent: number;
}

/** The same context, one level down: a new element of `role` under the current parent. */
export function within(context: Context, role: StructureRole, details?: Omit<StructureElement, "role" | "parent">): Context {
  return { ...context, parent: context.structure.add(role, context.parent, details) };
}

/** A new leaf element (a paragraph, a heading, a cell) under the current parent: its index, for runs. */
export function leaf(context: Context, role: StructureRole, details?: Omit<StructureElement, "role" | "parent">): number {
  return context.structure.add(role, context.parent, details);
}

const styledCache = new WeakMap<readonly Inline[], Map<string, Inline[]>>();

/**
 * A base style added to the inline's own (a bold heading keeps its italic words, and stays bold). The
 * same array each time for the same inlines: the word and line caches are keyed by identity.
 */
function withBaseStyle(inlines: readonly Inline[], base: Partial<TextStyle>): readonly Inline[] {
  const key = `${base.bold ? "b" : ""}${base.italic ? "i" : ""}`;
  let byStyle = styledCache.get(inlines);
  if (!byStyle) {
    byStyle = new Map();
    styledCache.set(inlines, byStyle);
  }
  let styled = byStyle.get(key);
  if (!styled) {
    styled = inlines.map((inline) => ({
      ...inline,
      style: { bold: Boolean(base.bold || inline.style?.bold), italic: Boolean(base.italic || inline.style?.italic) },
    }));
    byStyle.set(key, styled);
  }
  return styled;
}

export function textRows(
  inlines: readonly Inline[],
  frame: Frame,
  measurer: Measurer,
  options: {
    size: number;
    /** The structure element the text is the content of. */
    element: number;
    color?: Color;
    spaceBefore?: number;
    keepWithNext?: boolean;
    align?: "left" | "center";
    baseStyle?: Partial<TextStyle>;
  },
): Row[] {
  const styled = options.baseStyle ? withBaseStyle(inlines, options.baseStyle) : inlines;
  const lineHeight = options.size * lineHeightFactor;
  const lines = breakLines(wordsOf(styled, options.size, measurer), frame.width, options.size, measurer);
  return lines.map((line, index) => {
    const x = options.align === "center" ? frame.x + (frame.width - line.width) / 2 : frame.x;
    return {
      height: lineHeight,
      spaceBefore: index === 0 ? (options.spaceBefore ?? 0) : 0,
      keepWithNext: options.keepWithNext ?? false,
      runs: runsOfLine(line, x, options.size * ascentFactor, options.size, options.color ?? black, measurer, options.element),
      graphics: [],
      links: [],
    };
  });
}

/** Rows stacked into one, each at its offset (cards, the colophon): a unit that never splits. */
export function stacked(rows: Row[], top: number): { runs: PlacedRun[]; graphics: Graphic[]; height: number } {
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

export function shifted(graphic: Graphic, by: number): Graphic {
  return graphic.kind === "line" ? { ...graphic, y1: graphic.y1 + by, y2: graphic.y2 + by } : { ...graphic, y: graphic.y + by };
}

