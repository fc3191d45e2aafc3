// What layout produces and drawing consumes: pages of positioned runs, graphics and links, the outline
// and the anchors. Plain data.
import type { StructureElement } from "./structure";
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
  /**
   * Page furniture, not content: the running header, the footer, "N / M", a pack's position, a blank
   * page's note. Always after all of its page's content runs, so that text read in drawing order never
   * has a page number or a header in the middle of a paragraph.
   */
  artifact?: true;
  /**
   * The one piece of furniture that differs between the copies of a part: the page's position in the
   * pack. Everything else a copy's page prints is its first copy's (content and furniture alike).
   */
  packPosition?: true;
  /** The structure element whose content this run is (an index into `structure`); absent on artifacts. */
  element?: number;
}

export type Graphic =
  | { kind: "line"; x1: number; y1: number; x2: number; y2: number; width: number; color: Color }
  | { kind: "rect"; x: number; y: number; width: number; height: number; fill?: Color; stroke?: Color; lineWidth?: number; dashed?: boolean }
  /** A QR code: its dark modules as filled squares of `module` points, top-left corner at (x, y); `text` is what it encodes. */
  | { kind: "qr"; x: number; y: number; module: number; rows: string[]; color: Color; text: string; element?: number };
// Rules, frames, fills and cut lines are decoration (artifacts); a QR code carries meaning: a Figure.

/** A clickable area: to an anchor of the document (the contents), or to an address (a QR code's). */
export interface PlacedLink {
  x: number;
  y: number;
  width: number;
  height: number;
  anchor?: string;
  uri?: string;
  /** What the link does, said in words (the annotation's /Contents). */
  description?: string;
  /** Its Link structure element, which holds the annotation and the content it covers. */
  element?: number;
}

export interface LaidOutPage {
  /**
   * In drawing order, which is reading order: content as it reads (a list's marker before its item,
   * a table row by row, cell by cell), then the page's furniture (`artifact`) after all of it.
   */
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
  /**
   * A copy (a pack's second and later handouts): this page prints what that earlier page prints, its
   * content and its furniture, from one shared form XObject, and adds its own pack position. Its own
   * `runs` and `graphics` are only its furniture (the same as the original's but for the position). It
   * adds nothing to the structure (a screen reader reads the handout once, not forty times).
   */
  contentOf?: number;
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
  /** The structure tree, element 0 the Document; runs, QR codes and links point into it. Elements say their language only where it differs from the document's. */
  structure: StructureElement[];
}
