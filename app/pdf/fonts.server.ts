// The fonts the PDF engine typesets with: WOFF files from npm packages (never WOFF2, never system
// fonts), converted to TrueType once per process and parsed once with fontkit. Every document shares
// these parsed fonts, so a large pack holds one copy of each font however many lessons it has.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import fontkit from "@pdf-lib/fontkit";
import type { Font } from "@pdf-lib/fontkit";
import type { FaceInfo, Measurer, TextStyle } from "./text-style";
import { fontFiles, type FontFileId } from "./font-files";
import { woffToSfnt } from "./woff";

const require = createRequire(import.meta.url);


/** Georgian and Armenian have no italic: their italic is the upright face slanted by this shear. */
const synthesizedSlant = 0.2;

function chain(weight: 400 | 700, italic: boolean): FaceInfo[] {
  const i = italic ? "i" : "";
  const slanted = (fileId: FontFileId): FaceInfo => ({ id: italic ? `${fileId}-slanted` : fileId, fileId, slant: italic ? synthesizedSlant : 0 });
  const face = (fileId: FontFileId): FaceInfo => ({ id: fileId, fileId, slant: 0 });
  return [
    face(`latin-${weight}${i}` as FontFileId),
    face(`latinext-${weight}${i}` as FontFileId),
    slanted(`georgian-${weight}` as FontFileId),
    slanted(`armenian-${weight}` as FontFileId),
    face(`dejavu-${weight}${i}` as FontFileId),
  ];
}

const chains: Record<string, FaceInfo[]> = {
  regular: chain(400, false),
  bold: chain(700, false),
  italic: chain(400, true),
  boldItalic: chain(700, true),
};

function chainFor(style: TextStyle): FaceInfo[] {
  return chains[style.bold ? (style.italic ? "boldItalic" : "bold") : style.italic ? "italic" : "regular"]!;
}

interface LoadedFont {
  id: FontFileId;
  /** TrueType bytes, for embedding. */
  bytes: Buffer;
  /** Parsed once; shared by measuring and by every document's embedding. */
  font: Font;
}

let loaded: Map<string, LoadedFont> | null = null;

/**
 * Shaping is the costly step (fontkit's layout); measuring and pdf-lib's encodeText both call it. Each
 * distinct text is shaped once per process: the glyph run is kept and handed out again.
 */
function withShapingCache(font: Font): Font {
  const shape = font.layout.bind(font);
  const runs = new Map<string, ReturnType<Font["layout"]>>();
  const canonical = canonicalCodePoints(font);
  font.layout = ((text: string, features?: unknown) => {
    if (features !== undefined) return shape(text, features as never);
    let run = runs.get(text);
    if (!run) {
      run = shape(text);
      for (const glyph of run.glyphs) {
        // A ligature (Armenian "մի" → ﬕ) keeps the characters it stands for: that is what copying gives.
        if (glyph.codePoints.length > 1) continue;
        const codePoint = canonical.get(glyph.id);
        if (codePoint !== undefined) (glyph as { codePoints: number[] }).codePoints = [codePoint];
      }
      runs.set(text, run);
    }
    return run;
  }) as Font["layout"];
  return font;
}

/**
 * fontkit keeps one glyph object per glyph id, carrying the code points it was first reached by; pdf-lib
 * writes those into the ToUnicode map. Where two characters share a glyph (a space and a no-break space),
 * the bytes would depend on which one this process met first. Pin each glyph to the lowest code point
 * that maps to it, so that the same content always gives the same bytes.
 */
function canonicalCodePoints(font: Font): Map<number, number> {
  const cmap = (font as unknown as { _cmapProcessor: { lookup(codePoint: number): number } })._cmapProcessor;
  const lowest = new Map<number, number>();
  for (const codePoint of [...font.characterSet].sort((a, b) => a - b)) {
    const glyphId = cmap.lookup(codePoint);
    if (glyphId !== 0 && !lowest.has(glyphId)) lowest.set(glyphId, codePoint);
  }
  return lowest;
}

const scriptless = new Map<number, boolean>();
/** Neither a letter nor a mark: a space, a digit, punctuation, a symbol (Unicode's "Common" characters, roughly). */
function isScriptless(codePoint: number): boolean {
  let answer = scriptless.get(codePoint);
  if (answer === undefined) {
    answer = !/[\p{L}\p{M}]/u.test(String.fromCodePoint(codePoint));
    scriptless.set(codePoint, answer);
  }
  return answer;
}

/** A font file's TrueType bytes (a WOFF file converted). */
function readFontFile(id: FontFileId): Buffer {
  const file = readFileSync(require.resolve(fontFiles[id]));
  return fontFiles[id].endsWith(".woff") ? woffToSfnt(file) : file;
}

/** Reads and converts every font file once (about 20 ms), then returns the same objects. */
export function loadFonts(): Map<string, LoadedFont> {
  if (loaded) return loaded;
  loaded = new Map(
    (Object.keys(fontFiles) as FontFileId[]).map((id) => {
      const bytes = readFontFile(id);
      return [id, { id, bytes, font: withShapingCache(fontkit.create(bytes)) }];
    }),
  );
  return loaded;
}

/** Widths from cached glyph advances: each distinct (face, text) is shaped once per process. */
export function createMeasurer(): Measurer {
  const fonts = loadFonts();
  const faces = new Map(Object.values(chains).flat().map((face) => [face.id, face]));
  // Nested maps, not string keys: layout asks these questions hundreds of thousands of times a book.
  const advances = new Map<string, Map<string, number>>();
  const faceChoices = [new Map<number, string>(), new Map<number, string>(), new Map<number, string>(), new Map<number, string>()];
  const hasGlyph = (fileId: string, codePoint: number) => fonts.get(fileId)!.font.hasGlyphForCodePoint(codePoint);
  // Every style's chain lists the same families in the same order: a face's place in its chain is its family.
  const placeInChain = new Map(Object.values(chains).flatMap((faces) => faces.map((face, place) => [face.id, place] as const)));

  const faceFor = (codePoint: number, style: TextStyle): string => {
    const choices = faceChoices[(style.bold ? 2 : 0) + (style.italic ? 1 : 0)]!;
    let choice = choices.get(codePoint);
    if (choice === undefined) {
      const candidates = chainFor(style);
      choice = (candidates.find((face) => hasGlyph(face.fileId, codePoint)) ?? candidates.at(-1)!).id;
      choices.set(codePoint, choice);
    }
    return choice;
  };

  return {
    face: (faceId) => faces.get(faceId)!,
    faceFor,
    faceBeside(codePoint, style, neighbour) {
      if (neighbour !== undefined && isScriptless(codePoint)) {
        // The neighbour's family in this character's style: after a bold Armenian word, a regular «։» is
        // still Armenian (the chain alone would take it from the Georgian font, which comes first).
        const beside = chainFor(style)[placeInChain.get(neighbour)!]!;
        if (hasGlyph(beside.fileId, codePoint)) return beside.id;
      }
      return faceFor(codePoint, style);
    },
    covers(codePoint, style) {
      return chainFor(style).some((face) => hasGlyph(face.fileId, codePoint));
    },
    advance(text, faceId) {
      let ofFace = advances.get(faceId);
      if (!ofFace) {
        ofFace = new Map();
        advances.set(faceId, ofFace);
      }
      let width = ofFace.get(text);
      if (width === undefined) {
        const { font } = fonts.get(faces.get(faceId)!.fileId)!;
        // Sum of advance widths, exactly as pdf-lib writes the glyphs' /W entries (no kerning).
        width = font.layout(text).glyphs.reduce((sum, glyph) => sum + glyph.advanceWidth, 0) / font.unitsPerEm;
        ofFace.set(text, width);
      }
      return width;
    },
  };
}
