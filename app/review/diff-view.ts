// What the reviewer sees of a word diff: the changed lines, one unchanged line of context on each
// side, and the rest folded away — always at a line or a word boundary, never inside a word (the
// words are Intl.Segmenter's, as in word-diff.ts).
import { isWord, sizeOfChange, wordDiff, wordTokens, type ChangeSize, type DiffPart } from "./word-diff";

/** A part of a shown line: text, or words left out of a long unchanged stretch ("…"). */
export type ViewPart = DiffPart | { kind: "skip" };

export type DiffBlock =
  | { kind: "line"; changed: boolean; parts: ViewPart[]; oldLine: number | null; newLine: number | null }
  /** Unchanged lines not shown. */
  | { kind: "gap"; lines: number };

export interface DiffView {
  /** The revision compared with (the one this revision replaced), or null when there was none. */
  baseRevisionId: number | null;
  revisionId: number;
  language: string;
  size: ChangeSize;
  /** False when the two texts are the same. */
  changed: boolean;
  /** The changed lines with their context; empty when there is no base (the whole text is new). */
  blocks: DiffBlock[];
}

/** Words of unchanged text kept next to a change, on each side. */
const contextWords = 12;
/** An unchanged stretch is shortened only when that leaves out at least this many words. */
const minimumSkippedWords = 6;

/**
 * The first `count` words of the tokens, extended to the next space so that a word's punctuation or a
 * hyphenated ending ("ՄԱԿ-ի", "112-ს") stays with it.
 */
function headEnd(tokens: string[], count: number): number {
  let words = 0;
  let index = 0;
  for (; index < tokens.length && words < count; index += 1) if (isWord(tokens[index]!)) words += 1;
  while (index < tokens.length && !/^\s+$/u.test(tokens[index]!)) index += 1;
  return index;
}

/** Where the last `count` words begin, moved back to just after a space (the mirror of headEnd). */
function tailStart(tokens: string[], count: number): number {
  let words = 0;
  let index = tokens.length;
  while (index > 0 && words < count) {
    index -= 1;
    if (isWord(tokens[index]!)) words += 1;
  }
  while (index > 0 && !/^\s+$/u.test(tokens[index - 1]!)) index -= 1;
  return index;
}

function wordsIn(tokens: string[], from: number, to: number): number {
  let count = 0;
  for (let index = from; index < to; index += 1) if (isWord(tokens[index]!)) count += 1;
  return count;
}

/**
 * An unchanged text shortened to what matters next to a change: its end when the change follows, its
 * start when the change precedes, both when it stands between two changes.
 */
function shortened(text: string, language: string, keep: { head: boolean; tail: boolean }): ViewPart[] {
  // Short texts are never cut: not worth segmenting them.
  if (text.length < contextWords * 4) return [{ kind: "same", text }];
  const tokens = wordTokens(text, language);
  const head = keep.head ? headEnd(tokens, contextWords) : 0;
  const tail = keep.tail ? tailStart(tokens, contextWords) : tokens.length;
  if (tail <= head || wordsIn(tokens, head, tail) < minimumSkippedWords) return [{ kind: "same", text }];
  const parts: ViewPart[] = [];
  if (head > 0) parts.push({ kind: "same", text: tokens.slice(0, head).join("") });
  parts.push({ kind: "skip" });
  if (tail < tokens.length) parts.push({ kind: "same", text: tokens.slice(tail).join("") });
  return parts;
}

/** A changed line with its long unchanged stretches shortened around the changes. */
function shortenedChangedLine(parts: DiffPart[], language: string): ViewPart[] {
  return parts.flatMap((part, index): ViewPart[] =>
    part.kind === "same" ? shortened(part.text, language, { head: index > 0, tail: index < parts.length - 1 }) : [part],
  );
}

/** The diff as shown: changed lines, a line of context around them (shortened), gaps for the rest. */
export function diffView(
  base: { id: number; content: string } | null,
  revision: { id: number; content: string },
  language: string,
): DiffView {
  if (base === null) {
    return { baseRevisionId: null, revisionId: revision.id, language, size: sizeOfChange(null, revision.content, language), changed: true, blocks: [] };
  }
  const diff = wordDiff(base.content, revision.content, language);
  const { size } = diff;
  // The empty "line" after a text's final line break is no line of the file.
  const last = diff.lines.at(-1);
  const lines = last && !last.changed && last.parts.length === 0 ? diff.lines.slice(0, -1) : diff.lines;
  const changedAt = lines.map((line) => line.changed);
  const blank = (index: number) => !lines[index]!.changed && lines[index]!.parts.every((part) => part.text.trim() === "");
  // Context: the nearest unchanged line that says something, before and after each change (with the
  // blank lines between it and the change).
  const shown = new Set<number>();
  const contextBefore = new Set<number>();
  const contextAfter = new Set<number>();
  changedAt.forEach((changed, index) => {
    if (!changed) return;
    shown.add(index);
    for (let before = index - 1; before >= 0 && !changedAt[before]; before -= 1) {
      shown.add(before);
      if (!blank(before)) {
        contextBefore.add(before);
        break;
      }
    }
    for (let after = index + 1; after < lines.length && !changedAt[after]; after += 1) {
      shown.add(after);
      if (!blank(after)) {
        contextAfter.add(after);
        break;
      }
    }
  });
  const blocks: DiffBlock[] = [];
  let hidden = 0;
  lines.forEach((line, index) => {
    if (!shown.has(index)) {
      hidden += 1;
      return;
    }
    if (hidden > 0) blocks.push({ kind: "gap", lines: hidden });
    hidden = 0;
    const parts: ViewPart[] = line.changed
      ? shortenedChangedLine(line.parts, language)
      : shortened(line.parts.map((part) => part.text).join(""), language, { head: contextAfter.has(index), tail: contextBefore.has(index) });
    blocks.push({ kind: "line", changed: line.changed, parts, oldLine: line.oldLine, newLine: line.newLine });
  });
  if (hidden > 0) blocks.push({ kind: "gap", lines: hidden });
  return { baseRevisionId: base.id, revisionId: revision.id, language, size, changed: changedAt.some(Boolean), blocks };
}

/** The start of a text (a reviewer's comment) cut after `words` words, never inside one, with "…" when cut. */
export function excerpt(text: string, language: string, words: number): string {
  const tokens = wordTokens(text.replace(/\s+/g, " ").trim(), language);
  const end = headEnd(tokens, words);
  return end >= tokens.length ? tokens.join("") : `${tokens.slice(0, end).join("").trimEnd()} …`;
}
