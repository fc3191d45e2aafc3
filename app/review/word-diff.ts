// A word-level diff between the published text and a revision, with the well-kept `diff` library.
import { diffWordsWithSpace } from "diff";

interface DiffPart {
  kind: "same" | "added" | "removed";
  text: string;
}

export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWordsWithSpace(before, after).map((part) => ({
    kind: part.added ? "added" : part.removed ? "removed" : "same",
    text: part.value,
  }));
}
