// What a query means, as MiniSearch query trees. Every word of the query must match (AND); a word matches
// through any of its variants (OR). The variants come in tiers, and search.ts lists the lessons of an earlier
// tier before those that only a later one finds:
//   1. the word as typed, case-folded (both readings of an Azerbaijani capital I), stemmed, as a prefix;
//   2. also its loose form against the loose fields (diacritics aside: "tehlukesiz" finds təhlükəsiz), and
//      on the Georgian and Armenian sites the readings of a Latin-typed word in the site's script;
//   3. also typo-tolerant (MiniSearch's fuzzy matching), tried only when the first two found nothing.
import type { Query, QueryCombination, SearchOptions } from "minisearch";
import type { Language } from "~/i18n/languages";
import { isLatin, looseForm, queryWordReadings, searchWords } from "./folding";
import { stem } from "./stemming";
import { plainTransliteration, transliterates, transliterations } from "./transliteration";
import type { Vocabulary } from "./vocabulary";

export const exactFields = ["title", "summary", "body"];
export const looseFields = ["looseTitle", "looseSummary", "looseBody"];
export const indexedFields = [...exactFields, ...looseFields, "slug"];
/** A word in a title says more about a lesson than the same word in its text. */
export const fieldBoosts: Record<string, number> = { title: 4, looseTitle: 4, summary: 2, looseSummary: 2 };

/** A query's first words only: students type a few, and each word costs a look-up per variant. */
export const mostWords = 10;

export interface Reader {
  language: Language;
  vocabulary: Vocabulary;
}

/**
 * How many typos a word may have: none in a word of up to four letters (it would match half the
 * vocabulary), one up to seven letters, two from eight on ("trafiking" is two edits from trafficking).
 */
export function typos(term: string): number | false {
  const letters = [...term].length;
  return letters < 5 ? false : letters < 8 ? 1 : 2;
}

const unique = (terms: (string | null | undefined)[]) => [...new Set(terms.filter((term): term is string => !!term))];

function leaf(term: string, fields: string[], options: SearchOptions = {}): QueryCombination {
  return { queries: [term], fields, prefix: true, ...options };
}

interface WordVariants {
  /** Stems of the word's readings. */
  stems: string[];
  /** The same, diacritics aside. */
  loose: string[];
  /** The loose readings unstemmed: a typo in the ending is still a typo to forgive. */
  typed: string[];
  /** Stems of the readings of a Latin-typed word in the site's script (transliteration.ts). */
  transliterated: string[];
  /** A reading letter by letter, whatever the lessons contain: typo tolerance starts from it. */
  plain: string | null;
}

function variantsOf(readings: string[], { language, vocabulary }: Reader): WordVariants {
  const stems = unique(readings.map((reading) => stem(reading, language)));
  const latin = transliterates(language) && isLatin(readings[0]!);
  const { whole, partial } = latin ? transliterations(readings[0]!, language, (text) => vocabulary.begins(text)) : { whole: [], partial: [] };
  return {
    stems,
    loose: unique(stems.map(looseForm)),
    typed: unique(readings.map(looseForm)),
    transliterated: unique([...whole, ...partial].map((reading) => stem(reading, language))),
    plain: latin ? plainTransliteration(readings[0]!, language) : null,
  };
}

/** The query of each tier, in order; none for a query without a word. */
export function tierQueries(query: string, reader: Reader): Query[] {
  const words = queryWordReadings(query, reader.language)
    .slice(0, mostWords)
    .map((readings) => variantsOf(readings, reader));
  if (words.length === 0) return [];
  const tier = (alternatives: (word: WordVariants) => QueryCombination[]): Query => ({
    combineWith: "AND",
    queries: words.map((word) => ({ combineWith: "OR", queries: alternatives(word) })),
  });
  const exact = (word: WordVariants) => word.stems.map((term) => leaf(term, exactFields));
  const loose = (word: WordVariants) => [
    ...exact(word),
    ...word.loose.map((term) => leaf(term, looseFields)),
    ...word.transliterated.map((term) => leaf(term, exactFields)),
  ];
  const fuzzy = (word: WordVariants) => [
    ...word.loose.map((term) => leaf(term, looseFields, { fuzzy: typos(term) })),
    ...word.typed.map((term) => leaf(term, looseFields, { prefix: false, fuzzy: typos(term) })),
    ...unique([...word.transliterated, word.plain]).map((term) => leaf(term, exactFields, { fuzzy: typos(term) })),
  ];
  return [tier(exact), tier(loose), tier(fuzzy)];
}

/**
 * For closestLessons: any word of the text (OR, so that the lesson matching most words comes first)
 * against the slug and the title, with prefixes and typos, the way a mistyped address goes wrong
 * ("safe-onlin", "traffiking", "Safe_Online").
 */
export function closestQuery(text: string, reader: Reader): Query | null {
  const words = searchWords(text.replace(/_/g, " "), reader.language).slice(0, mostWords);
  if (words.length === 0) return null;
  const boost = { slug: 1, title: 1, looseTitle: 1 };
  // An address is one short text, not a query over all the lessons: a four-letter word may have a typo too.
  const fuzzy = (term: string) => ({ boost, fuzzy: typos(term) || ([...term].length >= 4 ? 1 : false) });
  return {
    combineWith: "OR",
    queries: words.flatMap((word) => {
      const variants = variantsOf([word], reader);
      return [
        // The word as written counts besides its stem: "insan-alveri" is closer to "İnsan alveri nədir?"
        // than to "İnsan alverçiləri …".
        leaf(word, ["title"], { boost, prefix: false }),
        leaf(looseForm(word), ["slug"], fuzzy(word)),
        ...variants.stems.map((term) => leaf(term, ["title"], fuzzy(term))),
        ...variants.loose.map((term) => leaf(term, ["looseTitle"], fuzzy(term))),
        ...unique([...variants.transliterated, variants.plain]).map((term) => leaf(term, ["title"], fuzzy(term))),
      ];
    }),
  };
}
