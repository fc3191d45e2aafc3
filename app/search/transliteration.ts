// A word typed in Latin letters on the Georgian or Armenian site ("internet", "trefikingi", "ufleba",
// "hamacanc"), read back into the site's script. Students type Georgian in the national romanisation
// without its apostrophes (t for თ and ტ), or as the Georgian keyboard lays the letters out (x for ხ,
// w for წ, q for ქ); Armenian in the informal Latin of chats (x for խ, q for ք, c for ց, u for ու).
// A Latin letter can stand for several letters, so a word has many readings: only those that begin some
// word of the lessons are kept, which both prunes the search and picks the reading that was meant.
import type { Language } from "~/i18n/languages";
import { looseForm } from "./folding";

type Table = ReadonlyArray<readonly [latin: string, letters: readonly string[]]>;

const georgian: Table = [
  ["sh", ["შ"]], ["ch", ["ჩ", "ჭ"]], ["ts", ["ც", "წ"]], ["dz", ["ძ"]], ["kh", ["ხ", "ქ"]], ["gh", ["ღ"]],
  ["zh", ["ჟ"]], ["ph", ["ფ"]], ["th", ["თ"]],
  ["a", ["ა"]], ["b", ["ბ"]], ["g", ["გ"]], ["d", ["დ"]], ["e", ["ე"]], ["v", ["ვ"]], ["z", ["ზ", "ძ"]],
  ["t", ["ტ", "თ"]], ["i", ["ი"]], ["k", ["კ", "ქ"]], ["l", ["ლ"]], ["m", ["მ"]], ["n", ["ნ"]], ["o", ["ო"]],
  ["p", ["პ", "ფ"]], ["r", ["რ", "ღ"]], ["s", ["ს", "შ"]], ["u", ["უ"]], ["f", ["ფ"]], ["q", ["ქ", "ყ"]],
  ["y", ["ყ"]], ["x", ["ხ"]], ["j", ["ჯ", "ჟ"]], ["h", ["ჰ", "ხ"]], ["c", ["ც", "ჩ", "ჭ"]], ["w", ["წ", "ჭ", "ვ"]],
];

// ու is one vowel written with two letters; և is եվ after case folding (folding.ts).
const armenian: Table = [
  ["tch", ["ճ"]], ["sh", ["շ"]], ["ch", ["չ", "ճ"]], ["zh", ["ժ"]], ["kh", ["խ"]], ["gh", ["ղ"]], ["ts", ["ց", "ծ"]],
  ["dz", ["ձ"]], ["th", ["թ"]], ["ph", ["փ"]], ["vo", ["ո"]], ["ou", ["ու"]], ["ye", ["ե"]],
  ["a", ["ա"]], ["b", ["բ"]], ["g", ["գ"]], ["d", ["դ"]], ["e", ["ե", "է"]], ["z", ["զ"]], ["y", ["յ", "ը", "ի"]],
  ["t", ["տ", "թ"]], ["i", ["ի"]], ["l", ["լ"]], ["x", ["խ"]], ["c", ["ց", "ծ", "չ"]], ["k", ["կ", "ք"]],
  ["h", ["հ"]], ["j", ["ջ", "ժ", "յ"]], ["m", ["մ"]], ["n", ["ն"]], ["o", ["ո", "օ"]], ["p", ["պ", "փ"]],
  ["r", ["ր", "ռ"]], ["s", ["ս"]], ["v", ["վ"]], ["u", ["ու"]], ["f", ["ֆ"]], ["q", ["ք"]], ["w", ["ու", "վ"]],
];

const tables: Partial<Record<Language, Table>> = { ka: georgian, hy: armenian };

/** Whether a language's site reads Latin-typed words through a transliteration. */
export function transliterates(language: Language): boolean {
  return tables[language] !== undefined;
}

/** Enough readings to keep: more would mostly be accidents of the vocabulary. */
const mostReadings = 6;
/** A bound on the work for one word, whatever the vocabulary. */
const mostSteps = 5000;
/** A reading that stops this many Latin letters short of the end is still used: they were an ending. */
const longestUnreadEnding = 4;

/**
 * The readings of a Latin word in the site's script that begin a word of the lessons (`begins` says
 * whether any word starts with a text). When no reading covers the whole word (an ending the lessons do
 * not use), the longest readings that cover all but its last few letters.
 */
export function transliterations(word: string, language: Language, begins: (text: string) => boolean): { whole: string[]; partial: string[] } {
  const table = tables[language];
  const latin = looseForm(word);
  if (!table || !/^[a-z]+$/.test(latin)) return { whole: [], partial: [] };
  const whole: string[] = [];
  let partial: string[] = [];
  let partialLength = 0;
  let steps = 0;
  const walk = (position: number, reading: string) => {
    if (whole.length >= mostReadings || ++steps > mostSteps) return;
    if (position === latin.length) {
      whole.push(reading);
      return;
    }
    if (position > partialLength) {
      partialLength = position;
      partial = [];
    }
    if (position === partialLength && partial.length < mostReadings && reading) partial.push(reading);
    for (const [sequence, letters] of table) {
      if (!latin.startsWith(sequence, position)) continue;
      for (const letter of letters) {
        if (begins(reading + letter)) walk(position + sequence.length, reading + letter);
      }
    }
  };
  walk(0, "");
  const coversEnough = partialLength >= Math.max(4, latin.length - longestUnreadEnding);
  return { whole, partial: whole.length === 0 && coversEnough ? partial : [] };
}

/** The most likely reading, letter by letter, whether or not the lessons have it: for typo tolerance. */
export function plainTransliteration(word: string, language: Language): string | null {
  const table = tables[language];
  const latin = looseForm(word);
  if (!table || !/^[a-z]+$/.test(latin)) return null;
  let reading = "";
  for (let position = 0; position < latin.length; ) {
    const entry = table.find(([sequence]) => latin.startsWith(sequence, position));
    if (!entry) return null;
    reading += entry[1][0];
    position += entry[0].length;
  }
  return reading;
}
