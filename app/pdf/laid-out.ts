// What layout produces and drawing consumes: pages of positioned runs, graphics and links, the outline
// and the anchors. Plain data.
import type { Color } from "./theme";

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
  /** Degrees, counter-clockwise about the run's origin (the draft mark); absent for level text. */
  angle?: number;
}

export type Graphic =
  | { kind: "line"; x1: number; y1: number; x2: number; y2: number; width: number; color: Color }
  | { kind: "rect"; x: number; y: number; width: number; height: number; fill?: Color; stroke?: Color; lineWidth?: number; dashed?: boolean }
  /** A QR code: its dark modules as filled squares of `module` points, top-left corner at (x, y). */
  | { kind: "qr"; x: number; y: number; module: number; rows: string[]; color: Color };

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
  /** The part of a pack the page belongs to, counting from 0 (every page of other documents: 0). */
  part: number;
  /** Printed on a blank left-hand page before the next part ("intentionally blank"); absent elsewhere. */
  blank?: string;
  /** The page's position in a pack ("pack p. {page}"), in its part's language; absent outside packs. */
  position?: string;
  /** Translucent text drawn over the fills and under the text: the draft mark. */
  marks: PlacedRun[];
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
