// Search over the lessons of one language. MiniSearch indexes, scores (BM25 with field boosts), matches
// prefixes, tolerates typos and combines sub-queries; what is ours are the language rules it is given
// (folding.ts, stemming.ts, transliteration.ts) and the order of the tiers (query.ts).
import type { Nodes } from "mdast";
import { toString as plainText } from "mdast-util-to-string";
import MiniSearch, { type Query } from "minisearch";
import type { LessonDocument } from "~/content/document";
import type { Language } from "~/i18n/languages";
import { looseForm, searchWords } from "./folding";
import { closestQuery, fieldBoosts, indexedFields, tierQueries, type Reader } from "./query";
import { suggestionsFor } from "./suggestions";
import { Vocabulary } from "./vocabulary";

export { foldCase, searchWords } from "./folding";

interface IndexedLesson {
  id: string;
  title: string;
  summary: string;
  body: string;
}

export interface SearchIndex {
  /** The slugs of the lessons that match every word of the query, best first. */
  search(query: string): string[];
  /** When a query finds nothing: queries built from the lessons' own words that do find something. */
  suggestions(query: string): string[];
  /** The lessons whose slug or title is closest to a mistyped text (a path segment), closest first. */
  closestLessons(text: string): string[];
}

/** closestLessons keeps the lessons scoring at least this share of the closest one. */
const closeEnough = 0.25;

// Each text is indexed twice: as written (case-folded) and in its loose form, without diacritics, so that
// a diacritic-free query can be told apart from an exact one (query.ts ranks exact matches first).
const looseOf: Record<string, keyof IndexedLesson> = { looseTitle: "title", looseSummary: "summary", looseBody: "body" };

export function buildSearchIndex(language: Language, documents: LessonDocument[]): SearchIndex {
  // Each text is split into words twice (as written, and loose): the second time comes from here.
  const wordsOf = new Map<string, string[]>();
  const words = (text: string) => {
    if (!wordsOf.has(text)) wordsOf.set(text, searchWords(text, language));
    return wordsOf.get(text)!;
  };
  const index = new MiniSearch<IndexedLesson>({
    fields: [...indexedFields],
    storeFields: [],
    extractField: (lesson, field) => (field === "slug" ? lesson.id : lesson[looseOf[field] ?? (field as keyof IndexedLesson)]),
    // Slugs are English words joined by hyphens, the same in every language.
    tokenize: (text, field) => (field === "slug" ? text.split("-") : words(text)),
    processTerm: (term, field) => (field && field in looseOf ? looseForm(term) : term),
    // Queries arrive as trees of terms already processed by query.ts: MiniSearch must take them as they are.
    searchOptions: { tokenize: (text) => [text], processTerm: (term) => term, boost: fieldBoosts },
  });
  const textOf = (nodes: Nodes[]) => nodes.map((node) => plainText(node)).join("\n");
  const lessons = documents.map((document) => ({
    id: document.slug,
    title: document.title,
    summary: document.summary,
    body: [
      textOf(document.reading),
      ...document.activities.map((activity) => `${activity.title}\n${textOf(activity.body)}`),
      textOf(document.discussion),
    ].join("\n"),
  }));
  index.addAll(lessons);
  const vocabulary = new Vocabulary();
  vocabulary.add(lessons.flatMap((lesson) => [lesson.title, lesson.summary, lesson.body].flatMap(words)));
  wordsOf.clear();
  const reader: Reader = { language, vocabulary };

  // MiniSearch multiplies a score by the number of distinct query terms matched; the variants of one word
  // (its readings, loose form, transliterations) are not separate words, so that factor is taken out.
  const ranked = (query: Query) =>
    index
      .search(query)
      .map((result) => ({ slug: String(result.id), score: result.score / Math.max(1, result.queryTerms.length) }))
      .sort((a, b) => b.score - a.score || a.slug.localeCompare(b.slug));

  const search = (query: string, { typos = true } = {}): string[] => {
    const tiers = tierQueries(query, reader);
    const found: string[] = [];
    for (const [tier, tierQuery] of tiers.entries()) {
      // The last tier tolerates typos: only tried when nothing matched as typed.
      if (tier === tiers.length - 1 && (found.length > 0 || !typos)) break;
      for (const { slug } of ranked(tierQuery)) if (!found.includes(slug)) found.push(slug);
    }
    return found;
  };

  return {
    search: (query) => search(query),
    suggestions: (query) => suggestionsFor(query, reader, search),
    closestLessons(text) {
      const query = closestQuery(text, reader);
      if (!query) return [];
      const results = index.search(query);
      // Lessons that share only a small word ("and") with the text are not close.
      const best = results[0]?.score ?? 0;
      return results.filter((result) => result.score >= best * closeEnough).map((result) => String(result.id));
    },
  };
}
