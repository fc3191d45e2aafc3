// A word diff that works in every script of the curriculum. `diff`'s diffWordsWithSpace knows only Latin
// letters as word characters, so a Georgian or Armenian edit came out as letters and pieces of words;
// here the words are the ones Intl.Segmenter finds (ICU's rules for each language, whitespace and
// punctuation as tokens of their own), diffed with the `diff` library's generic array diff.
//
// Two passes, because segmenting is the slow part (about 50 ms for a 50 KB lesson): lines first (a
// lesson file has one paragraph or list item per line), then words, only in the lines that changed.
import { diffArrays } from "diff";

export type PartKind = "same" | "added" | "removed";

export interface DiffPart {
  kind: PartKind;
  text: string;
}

/** One line of the file as the diff shows it: unchanged, or its old and new words interleaved. */
export interface DiffLine {
  changed: boolean;
  parts: DiffPart[];
  /** Where the line starts in the old and the new text (1-based); null on the side it does not exist. */
  oldLine: number | null;
  newLine: number | null;
}

/** Words added and removed: words only, never the spaces and punctuation between them. */
export interface ChangeSize {
  added: number;
  removed: number;
}

export interface WordDiff {
  lines: DiffLine[];
  size: ChangeSize;
}

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(language: string): Intl.Segmenter {
  let segmenter = segmenters.get(language);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language, { granularity: "word" });
    segmenters.set(language, segmenter);
  }
  return segmenter;
}

/** A token that is (part of) a word: it has a letter or a digit. Spaces and punctuation are not. */
export function isWord(token: string): boolean {
  return /[\p{L}\p{N}]/u.test(token);
}

/**
 * The text as words, spaces and punctuation, in order (joined, they give the text back). Every line
 * break is a token of its own, so that lines can be told apart after the diff.
 */
export function wordTokens(text: string, language: string): string[] {
  const tokens: string[] = [];
  for (const { segment } of segmenterFor(language).segment(text)) {
    if (segment.length > 1 && segment.includes("\n")) tokens.push(...segment.split(/(\n)/).filter((piece) => piece !== ""));
    else tokens.push(segment);
  }
  return tokens;
}

export function countWords(text: string, language: string): number {
  let count = 0;
  for (const token of wordTokens(text, language)) if (isWord(token)) count += 1;
  return count;
}

/** Line breaks as a file on Windows may write them would otherwise make every line differ. */
function normalized(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

/** A rewritten text has no useful word alignment; past this, it is shown as all removed and all added. */
const wordDiffTimeoutMilliseconds = 300;

interface TokenRun {
  kind: PartKind;
  tokens: string[];
}

/** The word diff of one changed region; null when the region is too different to align in time. */
function tokenDiff(before: string[], after: string[]): TokenRun[] | null {
  if (before.length === 0) return after.length === 0 ? [] : [{ kind: "added", tokens: after }];
  if (after.length === 0) return [{ kind: "removed", tokens: before }];
  const changes = diffArrays(before, after, { timeout: wordDiffTimeoutMilliseconds });
  if (!changes) return null;
  return changes.map((change) => ({ kind: change.added ? "added" : change.removed ? "removed" : "same", tokens: change.value }));
}

type Change = { removed: string[]; added: string[] };
type Group = { same: string[] } | Change;

/** Joins an unchanged stretch (never a line break) to the changes on both sides of it when `foldable` says so. */
function fold(groups: Group[], foldable: (same: string[], previous: Change, next: Change) => boolean): Group[] {
  const merged: Group[] = [];
  for (let index = 0; index < groups.length; index += 1) {
    const group = groups[index]!;
    const previous = merged.at(-1);
    const next = groups[index + 1];
    if ("same" in group && previous && !("same" in previous) && next && !("same" in next) && !group.same.includes("\n") && foldable(group.same, previous, next)) {
      merged[merged.length - 1] = { removed: [...previous.removed, ...group.same, ...next.removed], added: [...previous.added, ...group.same, ...next.added] };
      index += 1;
      continue;
    }
    merged.push(group);
  }
  return merged;
}

/**
 * Fewer, longer marks: an unchanged stretch between two changes that is only spaces or punctuation
 * ("foo bar" → "baz qux": one mark on each side, not two), or a single short common word inside a
 * rewritten sentence ("და", "and"), joins the changes around it. Line breaks are never folded in, so
 * lines stay lines.
 */
function consolidated(runs: TokenRun[]): TokenRun[] {
  const groups: Group[] = [];
  for (const run of runs) {
    const last = groups.at(-1);
    if (run.kind === "same") groups.push({ same: [...run.tokens] });
    else if (last && !("same" in last)) (run.kind === "removed" ? last.removed : last.added).push(...run.tokens);
    else groups.push(run.kind === "removed" ? { removed: [...run.tokens], added: [] } : { removed: [], added: [...run.tokens] });
  }
  const words = (tokens: string[]) => tokens.filter(isWord).length;
  const rewritten = (change: { removed: string[]; added: string[] }) => words(change.removed) + words(change.added) >= 4;
  // Spaces and punctuation first, so that a rewritten sentence is one change before its common words are weighed.
  const punctuation = fold(groups, (same) => words(same) === 0);
  const merged = fold(punctuation, (same, previous, next) => words(same) === 1 && same.length <= 3 && rewritten(previous) && rewritten(next));
  return merged.flatMap((group): TokenRun[] => {
    if ("same" in group) return [{ kind: "same", tokens: group.same }];
    // What both sides of a replacement begin or end with (a space, a comma) is not part of the change.
    let prefix = 0;
    while (prefix < group.removed.length && prefix < group.added.length && group.removed[prefix] === group.added[prefix]) prefix += 1;
    let suffix = 0;
    while (
      suffix < group.removed.length - prefix &&
      suffix < group.added.length - prefix &&
      group.removed[group.removed.length - 1 - suffix] === group.added[group.added.length - 1 - suffix]
    )
      suffix += 1;
    const result: TokenRun[] = [];
    if (prefix > 0) result.push({ kind: "same", tokens: group.removed.slice(0, prefix) });
    if (group.removed.length - prefix - suffix > 0) result.push({ kind: "removed", tokens: group.removed.slice(prefix, group.removed.length - suffix) });
    if (group.added.length - prefix - suffix > 0) result.push({ kind: "added", tokens: group.added.slice(prefix, group.added.length - suffix) });
    if (suffix > 0) result.push({ kind: "same", tokens: group.removed.slice(group.removed.length - suffix) });
    return result;
  });
}

class LineBuilder {
  readonly lines: DiffLine[] = [];
  private parts: DiffPart[] = [];
  private oldLine: number;
  private newLine: number;
  private startOld: number;
  private startNew: number;
  private hasOld = false;
  private hasNew = false;

  constructor(oldLine: number, newLine: number) {
    this.oldLine = this.startOld = oldLine;
    this.newLine = this.startNew = newLine;
  }

  add(kind: PartKind, text: string) {
    if (text === "") return;
    const last = this.parts.at(-1);
    if (last && last.kind === kind) last.text += text;
    else this.parts.push({ kind, text });
    if (kind !== "added") this.hasOld = true;
    if (kind !== "removed") this.hasNew = true;
    const breaks = text.split("\n").length - 1;
    if (kind !== "added") this.oldLine += breaks;
    if (kind !== "removed") this.newLine += breaks;
  }

  /**
   * Ends the line at a line break: one both texts share, or, after lines that only one side has, that
   * side's alone.
   */
  end(sides: { old: boolean; new: boolean } = { old: true, new: true }) {
    this.lines.push({
      changed: this.parts.some((part) => part.kind !== "same"),
      parts: this.parts,
      oldLine: this.hasOld || this.parts.length === 0 ? this.startOld : null,
      newLine: this.hasNew || this.parts.length === 0 ? this.startNew : null,
    });
    if (sides.old) this.oldLine += 1;
    if (sides.new) this.newLine += 1;
    this.parts = [];
    this.startOld = this.oldLine;
    this.startNew = this.newLine;
    this.hasOld = this.hasNew = false;
  }
}

/** Lines and words changed from `before` to `after`, tokenized by the rules of `language`. */
export function wordDiff(before: string, after: string, language: string): WordDiff {
  const oldLines = normalized(before).split("\n");
  const newLines = normalized(after).split("\n");
  const size: ChangeSize = { added: 0, removed: 0 };
  const builder = new LineBuilder(1, 1);
  const lineChanges = diffArrays(oldLines, newLines);
  for (let index = 0; index < lineChanges.length; index += 1) {
    const change = lineChanges[index]!;
    if (!change.added && !change.removed) {
      for (const line of change.value) {
        builder.add("same", line);
        builder.end();
      }
      continue;
    }
    // A changed region: the removed lines and the added lines that replace them, diffed word by word.
    let removed: string[] = [];
    let added: string[] = [];
    while (index < lineChanges.length && (lineChanges[index]!.added || lineChanges[index]!.removed)) {
      const part = lineChanges[index]!;
      if (part.removed) removed = removed.concat(part.value);
      else added = added.concat(part.value);
      index += 1;
    }
    index -= 1;
    const beforeTokens = removed.length > 0 ? wordTokens(removed.join("\n"), language) : [];
    const afterTokens = added.length > 0 ? wordTokens(added.join("\n"), language) : [];
    const runs = tokenDiff(beforeTokens, afterTokens);
    // Counted before the marks are joined up: the words that really changed.
    for (const run of runs ?? [{ kind: "removed" as const, tokens: beforeTokens }, { kind: "added" as const, tokens: afterTokens }]) {
      if (run.kind !== "same") size[run.kind] += run.tokens.filter(isWord).length;
    }
    // Too different to align: the old lines struck out, the new ones marked, each whole.
    const aligned = runs === null ? [{ kind: "removed" as const, tokens: beforeTokens }, { kind: "added" as const, tokens: afterTokens }] : consolidated(runs);
    for (const run of aligned) {
      if (run.kind !== "same") {
        builder.add(run.kind, run.tokens.join(""));
        continue;
      }
      // A line break both sides share ends a line of the diff.
      let text = "";
      for (const token of run.tokens) {
        if (token === "\n") {
          builder.add("same", text);
          text = "";
          builder.end();
        } else text += token;
      }
      builder.add("same", text);
    }
    // The region ends with the line break after its last line, on the sides that have lines in it.
    builder.end({ old: removed.length > 0, new: added.length > 0 });
  }
  return { lines: builder.lines, size };
}

export function sizeOfChange(before: string | null, after: string, language: string): ChangeSize {
  if (before === null) return { added: countWords(after, language), removed: 0 };
  return wordDiff(before, after, language).size;
}
