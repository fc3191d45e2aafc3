// How a word is compared: case folding per language, and the "loose" form that forgets diacritics.
import type { Language } from "~/i18n/languages";

/** Locale used for case folding: Azerbaijani lowercases İ to i and I to ı, unlike English. */
const caseLocale: Record<Language, string> = { ka: "ka", hy: "hy", az: "az", en: "en" };

// Armenian writes its emphasis, exclamation and question marks (՛ ՜ ՞) and the abbreviation mark (՟)
// over a vowel inside the word: they must not split "ինչո՞ւ" into two words.
const inWordMarks = /[\u055B\u055C\u055E\u055F]/g;
const wordSeparator = /[^\p{L}\p{N}\p{M}]+/u;

export function foldCase(text: string, language: Language): string {
  return (
    text
      // NFKC: fullwidth and ligature Latin letters become plain ones, and the Armenian ligature և
      // becomes ե + ւ.
      .normalize("NFKC")
      .replace(inWordMarks, "")
      .toLocaleLowerCase(caseLocale[language])
      // և is written ԵՎ in capitals, and typed եվ (or, in the old spelling, եւ) where a keyboard lacks
      // it: one spelling for all three. Today's spelling writes ւ only in ու, so no other word changes.
      .replace(/եւ/g, "եվ")
      // Outside Azerbaijani, İ lowercases to i + combining dot above; the dot carries no meaning here.
      .replace(/\u0307/g, "")
      .normalize("NFC")
  );
}

export function searchWords(text: string, language: Language): string[] {
  return foldCase(text, language)
    .split(wordSeparator)
    .filter((word) => word.length > 0);
}

/**
 * The words of a query as the reader may have meant them. On the Azerbaijani site a capital I is
 * ambiguous: Azerbaijani keyboards write ı as I, but a phone with an English or Russian keyboard writes
 * "Insan" and "INTERNET" for insan and internet. Both readings are tried at the first tier.
 */
export function queryWordReadings(text: string, language: Language): string[][] {
  const folded = searchWords(text, language);
  if (language !== "az" || !text.includes("I")) return folded.map((word) => [word]);
  const dotted = searchWords(text.replace(/I/g, "İ"), language);
  // Both foldings keep the same word boundaries: I and İ are letters either way.
  return folded.map((word, index) => [...new Set([word, dotted[index] ?? word])]);
}

// Letters that the decomposition below does not take apart, typed as the nearest Latin letter.
const looseLetters = new Map(Object.entries({ "ə": "e", "ı": "i", "ø": "o", "ł": "l", "đ": "d", "ß": "s" }));
const combiningMarks = /\p{M}/gu;
/** Printable ASCII, Armenian and Georgian have nothing to lose: most words are returned at once. */
const nothingToLose = /^[\u0020-\u007F\u0530-\u058F\u10A0-\u10FF\u1C90-\u1CBF]*$/;

function looseLetter(letter: string): string {
  let loose = looseLetters.get(letter);
  if (loose === undefined) {
    const mapped = letter.normalize("NFD").replace(combiningMarks, "");
    // A letter that was only a mark (rare) keeps its place, so that lengths stay equal.
    loose = mapped.length === letter.length ? mapped : letter;
    // Letters are few: remembering each one's loose form keeps indexing fast.
    looseLetters.set(letter, loose);
  }
  return loose;
}

/**
 * A word without its diacritics (ə→e, ü→u, ö→o, ş→s, ç→c, ğ→g, ı→i, é→e …), one letter for one letter,
 * so that a cut made in the loose form (stemming.ts) can be made at the same place in the word.
 * Georgian and Armenian letters have no diacritics to lose and stay as they are.
 */
export function looseForm(word: string): string {
  if (nothingToLose.test(word)) return word;
  let loose = "";
  for (const letter of word) loose += looseLetter(letter);
  return loose;
}

/** Whether a word is written in Latin letters only (after its diacritics are dropped). */
export function isLatin(word: string): boolean {
  return /^[a-z]+$/.test(looseForm(word));
}
