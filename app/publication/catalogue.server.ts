// The published catalogue: the latest approved revision of each lesson language, checked once, held in
// memory, asked by the routes, never parsed per request. It is rebuilt after an approval
// (invalidateCatalogue) and, in development, when a lesson file changes (the change becomes a revision
// in review first, as everywhere).
import { config } from "~/config.server";
import { watch } from "node:fs";
import { getDatabase } from "~/db/database.server";
import { languages, type Language } from "~/i18n/languages";
import { loadPublishedContent, type PublishedRevision } from "~/publication/published.server";
import { syncLessonFiles } from "~/publication/import.server";
import { buildSearchIndex, type SearchIndex } from "~/search/search";
import { checkCurriculum, type OutdatedTranslation } from "~/content/check";
import { formatProblem, type Lesson, type LessonDocument } from "~/content/document";
import { lessonsDirectory, readLessonSources, readTermbase } from "~/content/sources.server";
import type { Topic } from "~/content/topics";
import { lessonSummary, type LessonSummary } from "~/content/views";

interface PublishedLesson extends Lesson {
  /** Which revision each language's public text is, and when it was approved. */
  published: Partial<Record<Language, PublishedRevision>>;
}

export interface Catalogue {
  lessons: PublishedLesson[];
  bySlug: Map<string, PublishedLesson>;
  searchIndexes: Record<Language, SearchIndex>;
  problemCount: number;
  /** Public translations whose source has changed since they were approved (still served). */
  outdated: OutdatedTranslation[];
}

export { lessonsDirectory };

let cached: Promise<Catalogue> | null = null;
/** What the published table looked like when the cached catalogue was built. */
let cachedVersion = "";
let lastVersionCheck = 0;
let lastVersionWarning = 0;
/** Several instances share one database: each checks this often whether another one approved something. */
const versionCheckMilliseconds = 500;
let filesSynced: Promise<unknown> | null = null;
let watching = false;

/** Imports the lesson files into revisions once per process (and again after a change in development). */
function syncFilesOnce(): Promise<unknown> {
  filesSynced ??= (async () => {
    const result = await syncLessonFiles(await getDatabase(), readLessonSources(lessonsDirectory), new Date(), readTermbase(lessonsDirectory).termbase);
    if (result.created.length > 0) {
      console.log(JSON.stringify({ event: "content-sync", firstImport: result.firstImport, revisions: result.created.length }));
    }
    for (const problem of result.refused) console.warn(`[content] not imported: ${formatProblem(problem)}`);
  })().catch((error: unknown) => {
    filesSynced = null;
    throw error;
  });
  return filesSynced;
}

/** A cheap signature of what is published: it changes with every approval, on any instance. */
async function publishedVersion(): Promise<string> {
  const db = await getDatabase();
  const row = await db
    .selectFrom("published")
    .select([db.fn.countAll<number>().as("count"), db.fn.max("published_at").as("latest"), db.fn.sum<number>("revision_id").as("revisions")])
    .executeTakeFirstOrThrow();
  return `${row.count}:${row.latest ?? ""}:${row.revisions ?? 0}`;
}

/** The version of the catalogue in memory, for validators (ETag) of public pages. */
export function catalogueVersion(): string {
  return cachedVersion;
}

/** The version of the catalogue in memory, or null while none is loaded (after an approval, say). */
export function currentCatalogueVersion(): string | null {
  return cached === null ? null : cachedVersion;
}

async function loadCatalogue(): Promise<Catalogue> {
  await syncFilesOnce();
  cachedVersion = await publishedVersion();
  lastVersionCheck = Date.now();
  const { sources, revisions } = await loadPublishedContent(await getDatabase());
  const { lessons: checked, problems, outdated } = checkCurriculum(sources, { keepOutdatedTranslations: true });
  for (const problem of problems) {
    // The server serves the valid lessons; say why anything was left out.
    console.warn(`[content] left out: ${formatProblem(problem)}`);
  }
  const lessons: PublishedLesson[] = checked.map((lesson) => ({ ...lesson, published: revisions.get(lesson.slug) ?? {} }));
  const searchIndexes = Object.fromEntries(
    languages.map((language) => [language, buildSearchIndex(language, documentsIn(lessons, language))]),
  ) as Record<Language, SearchIndex>;
  return { lessons, bySlug: new Map(lessons.map((lesson) => [lesson.slug, lesson])), searchIndexes, problemCount: problems.length, outdated };
}

function documentsIn(lessons: Lesson[], language: Language): LessonDocument[] {
  return lessons.flatMap((lesson) => (lesson.documents[language] ? [lesson.documents[language]!] : []));
}

export async function getCatalogue(): Promise<Catalogue> {
  if (cached && Date.now() - lastVersionCheck > versionCheckMilliseconds) {
    lastVersionCheck = Date.now();
    try {
      if ((await publishedVersion()) !== cachedVersion) cached = null;
    } catch (error) {
      // The database is unreachable: keep serving what is in memory (and say so every 10 s at most).
      if (Date.now() - lastVersionWarning > 10_000) {
        lastVersionWarning = Date.now();
        console.warn(JSON.stringify({ event: "catalogue-version-check-failed", error: String(error) }));
      }
    }
  }
  if (!cached) {
    cached = loadCatalogue().catch((error: unknown) => {
      cached = null;
      throw error;
    });
    if (config().development && !watching) {
      watching = true;
      watch(lessonsDirectory, { recursive: true }, () => {
        filesSynced = null;
        cached = null;
      });
    }
  }
  return cached;
}

/** After an approval: the next request sees the new text. */
export function invalidateCatalogue(): void {
  cached = null;
}

/** A lesson in one language, or null when the lesson or that language version is not public. */
export async function getLessonDocument({ slug, language }: { slug: string; language: Language }) {
  const lesson = (await getCatalogue()).bySlug.get(slug);
  const document = lesson?.documents[language];
  if (!lesson || !document) return null;
  return { lesson, document, availableLanguages: languages.filter((code) => lesson.documents[code]) };
}

/** The lessons that exist in a language, in curriculum order. */
export async function listLessons(language: Language): Promise<LessonSummary[]> {
  return (await getCatalogue()).lessons.flatMap((lesson) => {
    const document = lesson.documents[language];
    return document ? [lessonSummary(lesson, document)] : [];
  });
}

/** Whether the lesson supplies printable materials in this language (translations keep the source's). */
export async function lessonHasMaterials(slug: string, language: Language): Promise<boolean> {
  return ((await getCatalogue()).bySlug.get(slug)?.documents[language]?.printables.length ?? 0) > 0;
}

interface LessonFilters {
  grade?: number;
  topic?: Topic;
  query?: string;
}

/** The catalogue filtered by grade and topic; with a query, the matches in order of relevance. */
export async function findLessons(language: Language, { grade, topic, query }: LessonFilters): Promise<LessonSummary[]> {
  const lessons = (await listLessons(language)).filter(
    (lesson) => (grade === undefined || lesson.grades.includes(grade)) && (topic === undefined || lesson.topics.includes(topic)),
  );
  if (!query?.trim()) return lessons;
  const ranked = (await getCatalogue()).searchIndexes[language].search(query);
  const bySlug = new Map(lessons.map((lesson) => [lesson.slug, lesson]));
  return ranked.flatMap((slug) => (bySlug.has(slug) ? [bySlug.get(slug)!] : []));
}

/** For a query that finds nothing: queries made of the lessons' own words that do ("Did you mean …"). */
export async function searchSuggestions(language: Language, query: string): Promise<string[]> {
  if (!query.trim()) return [];
  return (await getCatalogue()).searchIndexes[language].suggestions(query);
}

/**
 * The slugs of the lessons in this language whose slug or title is closest to a mistyped text, such as
 * the last segment of a path that does not exist ("safe-onlin", "trafficking"), closest first.
 */
export async function closestLessons(language: Language, text: string): Promise<string[]> {
  return (await getCatalogue()).searchIndexes[language].closestLessons(text);
}

/**
 * A public translation whose source has changed since it was approved (still served), with how it now
 * differs from the source, and the revision that is public; null when it is current (or not public).
 */
export async function outdatedTranslation(slug: string, language: Language): Promise<(OutdatedTranslation & { revisionId: number | null }) | null> {
  const catalogue = await getCatalogue();
  const entry = catalogue.outdated.find((candidate) => candidate.slug === slug && candidate.language === language);
  if (!entry) return null;
  return { ...entry, revisionId: catalogue.bySlug.get(slug)?.published[language]?.revisionId ?? null };
}
