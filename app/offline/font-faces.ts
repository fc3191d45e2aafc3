// Which of the stylesheet's font files a set of pages needs. The stylesheet declares about forty
// @font-face rules (every subset of Noto Sans, Georgian and Armenian, each with a unicode-range); a browser
// downloads a file only when a page has a character in its range, from the first family of the text's
// font-family that has a face for it, and within a family from the face declared last. An offline copy
// holds the files that rule leads to for the pages' characters, in every weight (a character's weight is
// not known here): what the pages will ask for, a little more, never less. Pure: the built stylesheet is
// passed in.

export interface FontFace {
  /** The whole rule, as the stylesheet has it. */
  rule: string;
  family: string;
  weight: string;
  /** The WOFF2 file, as the stylesheet addresses it ("/assets/…woff2"), or null. */
  woff2: string | null;
  /** Inclusive code point ranges. */
  ranges: [number, number][];
}

/** "U+0000-00FF", "U+0131", "U+4??" → inclusive ranges. */
export function parseUnicodeRange(value: string): [number, number][] {
  return value.split(",").flatMap((part): [number, number][] => {
    const match = /^\s*U\+([0-9A-F?]{1,6})(?:-([0-9A-F]{1,6}))?\s*$/i.exec(part);
    if (!match) return [];
    const [, start = "", end] = match;
    if (start.includes("?")) return [[parseInt(start.replace(/\?/g, "0"), 16), parseInt(start.replace(/\?/g, "F"), 16)]];
    const first = parseInt(start, 16);
    return [[first, end === undefined ? first : parseInt(end, 16)]];
  });
}

export function fontFaces(css: string): FontFace[] {
  return [...css.matchAll(/@font-face\s*\{[^}]*\}/g)].map(([rule]) => {
    const woff2 = /url\(\s*["']?([^)"']+\.woff2)["']?\s*\)/.exec(rule)?.[1] ?? null;
    const range = /unicode-range\s*:\s*([^;}]+)/.exec(rule)?.[1];
    const family = (/font-family\s*:\s*([^;}]+)/.exec(rule)?.[1] ?? "").trim().replace(/^["']|["']$/g, "");
    const weight = (/font-weight\s*:\s*([^;}]+)/.exec(rule)?.[1] ?? "400").trim();
    // A face without a unicode-range covers every character.
    return { rule, family, weight, woff2, ranges: range ? parseUnicodeRange(range) : [[0, 0x10ffff]] };
  });
}

/** The code points of a text, once each. */
export function codePointsOf(texts: Iterable<string>): Set<number> {
  const points = new Set<number>();
  for (const text of texts) for (const character of text) points.add(character.codePointAt(0)!);
  return points;
}

const covers = (face: FontFace, character: number) => face.ranges.some(([start, end]) => character >= start && character <= end);

/**
 * The faces a browser would fetch for these characters in text set in `stack` (families in order): for
 * each character, the first family with a face whose range holds it, and there the face declared last,
 * in each weight.
 */
export function facesFor(faces: FontFace[], characters: Set<number>, stack: readonly string[]): FontFace[] {
  const chosen = new Set<FontFace>();
  for (const character of characters) {
    for (const family of stack) {
      const covering = faces.filter((face) => face.family === family && covers(face, character));
      if (covering.length === 0) continue;
      const lastOfEachWeight = new Map(covering.map((face) => [face.weight, face]));
      for (const face of lastOfEachWeight.values()) chosen.add(face);
      break;
    }
  }
  // In the stylesheet's order: the same files in the same order for the same pages.
  return faces.filter((face) => chosen.has(face));
}

/**
 * The stylesheet of a copy that holds only the `kept` faces, beside the stylesheet in one folder: every
 * other @font-face rule goes (its file is not in the copy), a kept face names only its WOFF2 file, and
 * addresses become relative ("/assets/x.woff2" → "x.woff2").
 */
export function stylesheetForCopy(css: string, kept: FontFace[]): string {
  const keptRules = new Set(kept.map((face) => face.rule));
  return css
    .replace(/@font-face\s*\{[^}]*\}/g, (rule) => {
      if (!keptRules.has(rule)) return "";
      const woff2 = fontFaces(rule)[0]?.woff2;
      return woff2 ? rule.replace(/src\s*:[^;}]+/, `src:url(${woff2}) format("woff2")`) : rule;
    })
    .replace(/url\(\s*(["']?)\/assets\//g, "url($1");
}
