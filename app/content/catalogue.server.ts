// The catalogue of lessons the portal serves: checked once, held in memory, asked by the routes.
// In development it reloads when a file under lessons/ changes; in production it is built at start.
import { watch } from "node:fs";
import path from "node:path";
import { languages, type Language } from "~/i18n/languages";
import { buildSearchIndex, type SearchIndex } from "~/search/search";
import { checkCurriculum } from "./check";
import { formatProblem, type Lesson, type LessonDocument } from "./document";
import { readLessonSources } from "./sources.server";
import type { Topic } from "./topics";
import { lessonSummary, type LessonSummary } from "./views";

export interface Catalogue {
  lessons: Lesson[];
  bySlug: Map<string, Lesson>;
  searchIndexes: Record<Language, SearchIndex>;
  problemCount: number;
}

export const lessonsDirectory = path.resolve(process.env.LESSONS_DIR ?? path.join(process.cwd(), "lessons"));

let cached: Catalogue | null = null;
let watching = false;

function loadCatalogue(): Catalogue {
  const { lessons, problems } = checkCurriculum(readLessonSources(lessonsDirectory));
  for (const problem of problems) {
    // The server serves the valid lessons; say why anything was left out.
    console.warn(`[content] left out: ${formatProblem(problem)}`);
  }
  const searchIndexes = Object.fromEntries(
    languages.map((language) => [language, buildSearchIndex(language, documentsIn(lessons, language))]),
  ) as Record<Language, SearchIndex>;
  return { lessons, bySlug: new Map(lessons.map((lesson) => [lesson.slug, lesson])), searchIndexes, problemCount: problems.length };
}

function documentsIn(lessons: Lesson[], language: Language): LessonDocument[] {
  return lessons.flatMap((lesson) => (lesson.documents[language] ? [lesson.documents[language]!] : []));
}

export function getCatalogue(): Catalogue {
  if (!cached) {
    cached = loadCatalogue();
    if (process.env.NODE_ENV === "development" && !watching) {
      watching = true;
      watch(lessonsDirectory, { recursive: true }, () => {
        cached = null;
      });
    }
  }
  return cached;
}

/** A lesson in one language, or null when the lesson or that language version does not exist. */
export function getLessonDocument({ slug, language }: { slug: string; language: Language }) {
  const lesson = getCatalogue().bySlug.get(slug);
  const document = lesson?.documents[language];
  if (!lesson || !document) return null;
  return { lesson, document, availableLanguages: languages.filter((code) => lesson.documents[code]) };
}

export function languagesOfLesson(slug: string): Language[] {
  const lesson = getCatalogue().bySlug.get(slug);
  return lesson ? languages.filter((code) => lesson.documents[code]) : [];
}

/** The lessons that exist in a language, in curriculum order. */
export function listLessons(language: Language): LessonSummary[] {
  return getCatalogue().lessons.flatMap((lesson) => {
    const document = lesson.documents[language];
    return document ? [lessonSummary(lesson, document)] : [];
  });
}

export interface LessonFilters {
  grade?: number;
  topic?: Topic;
  query?: string;
}

/** The catalogue filtered by grade and topic; with a query, the matches in order of relevance. */
export function findLessons(language: Language, { grade, topic, query }: LessonFilters): LessonSummary[] {
  const lessons = listLessons(language).filter(
    (lesson) => (grade === undefined || lesson.grades.includes(grade)) && (topic === undefined || lesson.topics.includes(topic)),
  );
  if (!query?.trim()) return lessons;
  const ranked = getCatalogue().searchIndexes[language].search(query);
  const bySlug = new Map(lessons.map((lesson) => [lesson.slug, lesson]));
  return ranked.flatMap((slug) => (bySlug.has(slug) ? [bySlug.get(slug)!] : []));
}
