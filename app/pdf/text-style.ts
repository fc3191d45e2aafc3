// Faces and styles shared by the pure layout and the drawing step.

export interface TextStyle {
  bold: boolean;
  italic: boolean;
}

export const regular: TextStyle = { bold: false, italic: false };
export const bold: TextStyle = { bold: true, italic: false };

/** One face of the chain: which font file, and whether italic is synthesized by slanting it. */
export interface FaceInfo {
  id: string;
  /** The font file; two faces may share it (the synthesized italic of Georgian and Armenian). */
  fileId: string;
  /** Horizontal shear for synthesized italic (0 for upright or true italic faces). */
  slant: number;
}

/** What layout asks of fonts: which face draws a character, and how wide a run is (at size 1). */
export interface Measurer {
  faceFor(codePoint: number, style: TextStyle): string;
  /**
   * The face for a character of no script of its own (a space, a digit, punctuation) that follows text
   * set in `neighbour`: that face when it has the glyph, so that a Georgian or Armenian line is one run
   * rather than a run per word and per comma; otherwise the chain's choice (faceFor).
   */
  faceBeside(codePoint: number, style: TextStyle, neighbour: string | undefined): string;
  /** Width of `text` in the face, in ems (multiply by the font size). */
  advance(text: string, faceId: string): number;
  face(faceId: string): FaceInfo;
  /** True when some face of the chain covers the character. */
  covers(codePoint: number, style: TextStyle): boolean;
}
