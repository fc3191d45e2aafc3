// Search over the lessons of one language. MiniSearch does the indexing and prefix matching; what is
// ours is how each language folds case and splits words.
import type { Nodes } from "mdast";
import { toString as plainText } from "mdast-util-to-string";
import MiniSearch from "minisearch";
import type { LessonDocument } from "~/content/document";
import type { Language } from "~/i18n/languages";

/** Locale used for case folding: Azerbaijani lowercases İ to i and I to ı, unlike English. */
const caseLocale: Record<Language, string> = { ka: "ka", hy: "hy", az: "az", en: "en" };

// Armenian writes its emphasis, exclamation and question marks (՛ ՜ ՞) and the abbreviation mark (՟)
// over a vowel inside the word: they must not split "ինչո՞ւ" into two words.
const inWordMarks = /[\u055B\u055C\u055E\u055F]/g;
const wordSeparator = /[^\p{L}\p{N}\p{M}]+/u;

export function foldCase(text: string, language: Language): string {
  return text
    .normalize("NFC")
    .replace(inWordMarks, "")
    .toLocaleLowerCase(caseLocale[language])
    // Outside Azerbaijani, İ lowercases to i + combining dot above; the dot carries no meaning here.
    .replace(/\u0307/g, "")
    .normalize("NFC");
}

export function searchWords(text: string, language: Language): string[] {
  return foldCase(text, language)
    .split(wordSeparator)
    .filter((word) => word.length > 0);
}

interface IndexedLesson {
  id: string;
  title: string;
  summary: string;
  body: string;
}

export interface SearchIndex {
  search(query: string): string[];
}

export function buildSearchIndex(language: Language, documents: LessonDocument[]): SearchIndex {
  const index = new MiniSearch<IndexedLesson>({
    fields: ["title", "summary", "body"],
    storeFields: [],
    tokenize: (text) => searchWords(text, language),
    processTerm: (term) => term,
    searchOptions: { prefix: true, combineWith: "AND", boost: { title: 3, summary: 2 } },
  });
  const textOf = (nodes: Nodes[]) => nodes.map((node) => plainText(node)).join("\n");
  index.addAll(
    documents.map((document) => ({
      id: document.slug,
      title: document.title,
      summary: document.summary,
      body: [
        textOf(document.reading),
        ...document.activities.map((activity) => `${activity.title}\n${textOf(activity.body)}`),
        textOf(document.discussion),
      ].join("\n"),
    })),
  );
  return {
    search(query) {
      if (searchWords(query, language).length === 0) return [];
      return index.search(query).map((result) => String(result.id));
    },
  };
}
