// Words and lines: styled text split into words (pieces per font face, a no-break space joining),
// measured once, broken first-fit at word boundaries; a line placed as runs. Cached per paragraph.
import type { Inline } from "./model";
import type { PlacedRun } from "./laid-out";
import { regular, type Measurer, type TextStyle } from "./text-style";
import type { Color } from "./theme";

interface Piece {
  faceId: string;
  text: string;
  width: number;
}

export interface Word {
  pieces: Piece[];
  width: number;
  /** The style of its last character: the space after the word is set in it. */
  trailingStyle: TextStyle;
}

interface TextLine {
  words: Word[];
  width: number;
  /**
   * The line was broken where a space was (not inside a word too long for the line): that space is drawn
   * at its end, invisible and outside its width, so that text read from the structure tree or copied
   * keeps the last word of one line apart from the first of the next.
   */
  breakAtSpace?: true;
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
// it (its plan, its handout, both books, any pack). Keyed by identity first (nothing stale is ever
// reused), then by content: a typesetting worker receives each document as a structured-clone copy, so
// the same paragraph arrives as new arrays every time, and only its text can find its words again
// (measured: 37 → 8 ms of layout for the Georgian student book, for about 30 MB of words and lines
// that the worker keeps for the four languages' curriculum).
const wordCache = new WeakMap<readonly Inline[], Map<string, Word[]>>();
const wordsByContent = new WeakMap<Measurer, Map<string, Word[]>>();
const lineCache = new WeakMap<Word[], Map<number, TextLine[]>>();
/**
 * Published texts and labels are bounded, drafts in review are not: past this many paragraphs the
 * content cache starts again (the four languages' curriculum holds about six thousand).
 */
const contentCacheLimit = 20_000;

function contentKey(inlines: readonly Inline[], size: number): string {
  let key = String(size);
  for (const inline of inlines) key += `\u0001${inline.style?.bold ? "b" : ""}${inline.style?.italic ? "i" : ""}\u0002${inline.text}`;
  return key;
}

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
    let byContent = wordsByContent.get(measurer);
    if (!byContent) {
      byContent = new Map();
      wordsByContent.set(measurer, byContent);
    }
    const content = contentKey(inlines, size);
    words = byContent.get(content);
    if (!words) {
      words = splitIntoWords(inlines, size, measurer);
      if (byContent.size >= contentCacheLimit) byContent.clear();
      byContent.set(content, words);
    }
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
  // The face of the text before: a space, digit or punctuation mark stays in it when it can (a
  // Georgian line is then one run), across the words of the paragraph.
  let previousFace: string | undefined;
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
      // A no-break space is drawn as an ordinary space (fonts without a no-break space glyph; extracted
      // text stays plain), and leaves the style of the space after the word to the word's last letter.
      const noBreakSpace = character === "\u00a0";
      const drawn = noBreakSpace ? " " : character;
      const faceId = measurer.faceBeside(drawn.codePointAt(0)!, style, previousFace);
      previousFace = faceId;
      const last = pieces.at(-1);
      if (last && last.faceId === faceId) last.text += drawn;
      else pieces.push({ faceId, text: drawn });
      if (!noBreakSpace) trailingStyle = style;
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

/** The face of the space after `word`: the face of its last piece when that has a space (see faceBeside). */
function spaceFaceAfter(word: Word, measurer: Measurer): string {
  return measurer.faceBeside(32, word.trailingStyle, word.pieces.at(-1)!.faceId);
}

function spaceWidth(word: Word, size: number, measurer: Measurer): number {
  return measurer.advance(" ", spaceFaceAfter(word, measurer)) * size;
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
    const parts = original.width > maxWidth ? splitOverlongWord(original, maxWidth, size, measurer) : [original];
    parts.forEach((word, part) => {
      const gap = current.length > 0 ? spaceWidth(current.at(-1)!, size, measurer) : 0;
      if (current.length > 0 && width + gap + word.width > maxWidth) {
        lines.push(part === 0 ? { words: current, width, breakAtSpace: true } : { words: current, width });
        current = [word];
        width = word.width;
      } else {
        current.push(word);
        width += gap + word.width;
      }
    });
  }
  if (current.length > 0) lines.push({ words: current, width });
  return lines;
}

/** A line's runs relative to its start: faces, pieces and widths, the same wherever the line is placed. */
interface RunTemplate {
  faceId: string;
  pieces: string[];
  offset: number;
  width: number;
}
const runTemplates = new WeakMap<TextLine, RunTemplate[]>();

/** A line's words and spaces as runs, merging neighbours of the same face (worked out once per line). */
function templateOf(line: TextLine, size: number, measurer: Measurer): RunTemplate[] {
  let template = runTemplates.get(line);
  if (template) return template;
  template = [];
  let cursor = 0;
  const add = (faceId: string, text: string, width: number) => {
    const last = template!.at(-1);
    if (last && last.faceId === faceId) {
      last.pieces.push(text);
      last.width += width;
    } else template!.push({ faceId, pieces: [text], offset: cursor, width });
    cursor += width;
  };
  line.words.forEach((word, index) => {
    if (index > 0) {
      const before = line.words[index - 1]!;
      add(spaceFaceAfter(before, measurer), " ", spaceWidth(before, size, measurer));
    }
    for (const piece of word.pieces) add(piece.faceId, piece.text, piece.width);
  });
  if (line.breakAtSpace && line.words.length > 0) {
    const spaceFace = spaceFaceAfter(line.words.at(-1)!, measurer);
    const last = template.at(-1);
    if (last && last.faceId === spaceFace) last.pieces.push(" ");
    else template.push({ faceId: spaceFace, pieces: [" "], offset: cursor, width: 0 });
  }
  runTemplates.set(line, template);
  return template;
}

/**
 * A line placed as runs. `element`: the structure element the line is content of (absent for page
 * furniture, an artifact). The runs share their template's pieces: nothing changes a run's pieces.
 */
export function runsOfLine(line: TextLine, x: number, baseline: number, size: number, color: Color, measurer: Measurer, element?: number): PlacedRun[] {
  const template = templateOf(line, size, measurer);
  const runs: PlacedRun[] = new Array(template.length);
  for (let index = 0; index < template.length; index += 1) {
    const { faceId, pieces, offset, width } = template[index]!;
    runs[index] = element === undefined ? { faceId, size, pieces, x: x + offset, y: baseline, width, color } : { faceId, size, pieces, x: x + offset, y: baseline, width, color, element };
  }
  return runs;
}
