// Light stemmers: a query word loses its case, number and postposition endings, and the search then
// matches the stem as a prefix of the words in the lessons (search.ts). So "ინტერნეტი", "ინტერნეტში" and
// "ინტერნეტ" all become ინტერნეტ and find the same lessons. Only the query is stemmed; the index keeps the
// words as written, which is also what the suggestions show. The rules are deliberately few: a missed
// ending still finds its word by prefix, while a wrong cut would match unrelated words.
import type { Language } from "~/i18n/languages";
import { looseForm } from "./folding";

/** An ending, and what replaces it (nothing, unless a stem changes its last letters). */
type Rule = readonly [ending: string, replacement: string, condition?: (stem: string) => boolean];

/** Stems shorter than this are not cut: short words are mostly roots, and their prefixes match too much. */
const shortestStem = 3;
/** Endings stack (plural, case, postposition, as in უფლებ-ებ-ის-თვის): a word loses at most this many. */
const passes = 4;

// Georgian: the postpositions written on the word (-ში, -ზე, -თან, -თვის, -გან, -დან, -მდე, -ვით), the cases
// (-ი, -ის/-ს, -ით, -ად, -მა, -ო), -ა of vowel stems, then the plural -ებ-. Nouns in -ება (უფლება,
// დახმარება) have a genitive in -ების like a plural, so -ებ falls off them too: უფლება, უფლების, უფლებები
// and უფლებებზე all become უფლ. -ია ("is") falls off as -ა then -ი.
const georgian: Rule[] = [
  ...["ისთვის", "ისგან", "იდან", "ისას", "ისა", "ივით", "თვის", "თან", "გან", "დან", "მდე", "ში", "ზე"],
  ...["ით", "ად", "ის", "მა", "ს", "ი", "ა", "ო", "ებ"],
].map((ending) => [ending, ""] as const);

const armenianVowels = /[աեէիոօ]/g;
/** -եր makes the plural of one-syllable words only (գործ → գործեր); ընկեր is not ընկ + եր. */
const oneSyllable = (stem: string) => (stem.match(armenianVowels)?.length ?? 0) === 1;

// Armenian: plural -եր/-ներ, the article -ը/-ն, the cases -ի, -ին, -ից, -ով, -ում, nouns in -ում whose
// genitive is -ման (շահագործում, շահագործման), -ություն and its genitive -ության, and the glide
// of vowel stems (երեխա, երեխայի).
const armenian: Rule[] = [
  ...["ներից", "ներով", "ներում", "ներին", "ների", "ները", "ներն", "ներ"].map((ending) => [ending, ""] as const),
  ...["երից", "երով", "երում", "երին", "երի", "երը", "երն", "եր"].map((ending) => [ending, "", oneSyllable] as const),
  ["ություն", "ությ"],
  ["ության", "ությ"],
  ["ությամբ", "ությ"],
  ...["այի", "այից", "այով", "այում", "ային"].map((ending) => [ending, "ա"] as const),
  ...["մամբ", "ման", "ից", "ով", "ում", "ին", "ի", "ը", "ն"].map((ending) => [ending, ""] as const),
];

// Azerbaijani, written as the loose form (ı→i, ə→e, ü→u, ö→o) so that one rule serves vowel harmony
// and diacritic-free typing alike: plural -lar/-lər, possessive -sı/-si, the cases (genitive -(n)ın,
// accusative -(n)ı, dative -(y)a, locative -da, ablative -dan) and -dır ("is"). Endings that many roots
// also end in (-la, -ta) are left alone.
const azerbaijani: Rule[] = [
  ...["larindan", "lerinden", "larinin", "lerinin", "larinda", "lerinde", "larina", "lerine", "larini", "lerini"],
  ...["lari", "leri", "lar", "ler", "ndan", "nden", "nda", "nde", "nin", "nun", "dan", "den", "da", "de", "dir", "dur"],
  ...["in", "un", "ni", "nu", "na", "ne", "ya", "ye", "si", "su", "a", "e", "i", "u"],
].map((ending) => [ending, ""] as const);

// English: plurals only; prefix matching does the rest (traffick → trafficking, traffickers).
const english: Rule[] = [
  ["ies", "y"],
  ["sses", "ss"],
  ["s", "", (stem) => !/[siu]$/.test(stem)],
];

const byLongestEnding = (rules: Rule[]) => [...rules].sort((a, b) => b[0].length - a[0].length);
const rules: Record<Language, Rule[]> = {
  ka: byLongestEnding(georgian),
  hy: byLongestEnding(armenian),
  az: byLongestEnding(azerbaijani),
  en: byLongestEnding(english),
};

/**
 * The stem of a case-folded word. Endings are matched on the loose form (which has the same length),
 * so "alverçilərin" and "alvercilerin" are cut at the same place.
 */
export function stem(word: string, language: Language): string {
  let current = word;
  for (let pass = 0; pass < passes; pass++) {
    const loose = looseForm(current);
    const rule = rules[language].find(([ending, replacement, condition]) => {
      if (!loose.endsWith(ending)) return false;
      const rest = current.slice(0, current.length - ending.length);
      return rest.length + replacement.length >= shortestStem && (condition?.(rest) ?? true);
    });
    if (!rule) break;
    current = current.slice(0, current.length - rule[0].length) + rule[1];
  }
  return current;
}
