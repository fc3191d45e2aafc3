// The look of a document as data: colours, type sizes, leading and the page. The layout reads it;
// nothing here knows about lessons.
export type Color = readonly [number, number, number];
export const black: Color = [0, 0, 0];
export const grey: Color = [0.35, 0.35, 0.35];
export const brand: Color = [0.114, 0.306, 0.537];
export const tint: Color = [0.93, 0.95, 0.97];
export const rule: Color = [0.7, 0.75, 0.8];
/** The draft mark's colour, drawn at `markOpacity`: red reads as "not valid" and is in no other element. */
export const draftRed: Color = [0.8, 0.1, 0.1];
/** Translucent enough that the text under the mark reads as usual, opaque enough to be seen at a glance. */
export const markOpacity = 0.22;

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

export const sizes = { body: 10.5, small: 8.5, large: 14, display: 34, heading: { 1: 18, 2: 13.5, 3: 11.5 } } as const;
export const lineHeightFactor = 1.42;
export const ascentFactor = 1.02;
