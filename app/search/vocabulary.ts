// The words of one language's lessons, as written, for what needs whole words rather than lessons:
// transliteration asks whether a reading begins a word, and "Did you mean" asks for the words closest
// to a mistyped one. MiniSearch's own radix tree (SearchableMap) does the prefix and fuzzy look-ups.
import SearchableMap from "minisearch/SearchableMap";
import { looseForm } from "./folding";

/** Written forms of one loose word ("təhlükəsiz" for tehlukesiz) and how often each occurs. */
type Spellings = Map<string, number>;

export class Vocabulary {
  private readonly words = new SearchableMap<Spellings>();

  /** Adds case-folded words (folding.ts searchWords). */
  add(words: Iterable<string>): void {
    const counts = new Map<string, number>();
    for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
    for (const [word, count] of counts) {
      // Numbers and one-letter words are never what a suggestion should offer.
      if (word.length < 2 || !/\p{L}/u.test(word)) continue;
      const spellings = this.words.fetch(looseForm(word), () => new Map());
      spellings.set(word, (spellings.get(word) ?? 0) + count);
    }
  }

  /** Whether some word begins with this text, diacritics aside. */
  begins(text: string): boolean {
    for (const _ of this.words.atPrefix(looseForm(text)).keys()) return true;
    return false;
  }

  /** The word this text is, or else the most frequent word it begins, in its most frequent spelling. */
  completion(text: string): string | null {
    let best: { word: string; count: number } | null = null;
    for (const [key, spellings] of this.words.atPrefix(looseForm(text))) {
      const [word, count] = [...spellings].sort((a, b) => b[1] - a[1])[0]!;
      if (key === looseForm(text)) return word;
      if (!best || count > best.count) best = { word, count };
    }
    return best?.word ?? null;
  }

  /**
   * The words within `distance` edits of a word (diacritics aside), closest first and then the most
   * frequent, each in its most frequent spelling.
   */
  closest(word: string, distance: number): { word: string; distance: number; count: number }[] {
    return [...this.words.fuzzyGet(looseForm(word), distance).values()]
      .map(([spellings, editDistance]) => {
        const [spelling] = [...spellings].sort((a, b) => b[1] - a[1])[0]!;
        const count = [...spellings.values()].reduce((sum, n) => sum + n, 0);
        return { word: spelling, distance: editDistance, count };
      })
      .sort((a, b) => a.distance - b.distance || b.count - a.count || a.word.localeCompare(b.word));
  }
}
