// The real curriculum of lessons/, read and checked the way the catalogue reads the published lessons
// (app/publication/catalogue.server.ts: checkCurriculum, then one search index per language).
import path from "node:path";
import type { Nodes } from "mdast";
import { toString as plainText } from "mdast-util-to-string";
import { checkCurriculum } from "~/content/check";
import type { LessonDocument } from "~/content/document";
import { readLessonSources } from "~/content/sources.server";
import type { Language } from "~/i18n/languages";
import { buildSearchIndex, type SearchIndex } from "~/search/search";

const lessonsDirectory = path.resolve(import.meta.dirname, "../../lessons");
const { lessons } = checkCurriculum(readLessonSources(lessonsDirectory));

export function documentsIn(language: Language): LessonDocument[] {
  return lessons.flatMap((lesson) => (lesson.documents[language] ? [lesson.documents[language]!] : []));
}

const indexes = new Map<Language, SearchIndex>();

/** The search index of a language's real lessons, built once per test file. */
export function realIndex(language: Language): SearchIndex {
  if (!indexes.has(language)) indexes.set(language, buildSearchIndex(language, documentsIn(language)));
  return indexes.get(language)!;
}

/** The searchable text of a lesson, as search.ts indexes it: to say what a query ought to find. */
export function searchableText(document: LessonDocument): string {
  const textOf = (nodes: Nodes[]) => nodes.map((node) => plainText(node)).join("\n");
  return [
    document.title,
    document.summary,
    textOf(document.reading),
    ...document.activities.map((activity) => `${activity.title}\n${textOf(activity.body)}`),
    textOf(document.discussion),
  ].join("\n");
}

/** The same lessons, whatever their order. */
export const sorted = (slugs: string[]) => [...slugs].sort();
