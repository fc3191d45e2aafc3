// A revision checked by the rules of `content check` (the termbase, the facts it shares with its
// source, the structure), as part of its lesson beside the published texts of the other languages.
import type { Kysely } from "kysely";
import { checkCurriculum, type LessonSource } from "~/content/check";
import type { ContentProblem, Lesson, LessonDocument } from "~/content/document";
import { lessonsDirectory, readTermbase } from "~/content/sources.server";
import type { Database } from "~/db/schema";
import { languages, type Language } from "~/i18n/languages";
import { publishedRevisions } from "~/publication/published.server";

export async function checkRevision(
  db: Kysely<Database>,
  revision: { slug: string; language: Language; content: string; metadata: string },
): Promise<{ document: LessonDocument | null; problems: ContentProblem[]; lesson: Lesson | null; affectedTranslations: AffectedTranslation[] }> {
  const lessons = await db.selectFrom("lessons").select(["slug", "metadata"]).execute();
  const languageTexts: Partial<Record<Language, string>> = {};
  for (const entry of await publishedRevisions(db, { slug: revision.slug })) languageTexts[entry.language] = entry.content;
  languageTexts[revision.language] = revision.content;
  const sources = lessons.map((lesson) =>
    lesson.slug === revision.slug
      ? { slug: lesson.slug, folder: `lessons/${lesson.slug}`, metadataText: revision.metadata, languageTexts }
      : { slug: lesson.slug, folder: `lessons/${lesson.slug}`, metadataText: lesson.metadata, languageTexts: {} },
  );
  const file = `lessons/${revision.slug}/${revision.language}.md`;
  // The same rules as `content check`: the termbase, the facts a translation shares with its source.
  const { lessons: checked, problems } = checkCurriculum(sources, { termbase: readTermbase(lessonsDirectory).termbase });
  // Other lessons are listed without texts here: only this lesson's problems count.
  const relevant = problems.filter((problem) => problem.file === file || problem.file === `lessons/${revision.slug}/lesson.yaml`);
  const lesson = checked.find((candidate) => candidate.slug === revision.slug) ?? null;
  const document = lesson?.documents[revision.language] ?? null;
  return { document, problems: relevant, lesson, affectedTranslations: affectedTranslations(sources, revision, lesson) };
}

/** A published translation that approving a source revision will make outdated (it stays public). */
export interface AffectedTranslation {
  language: Language;
  /** How it will differ from the new source's structure, if it will (activities, minutes, quiz). */
  differences: ContentProblem[];
}

/**
 * For a revision of the source language: the published translations it will leave behind, so that the
 * reviewer sees them before deciding. They stay public, marked outdated, until their own revisions come.
 */
function affectedTranslations(sources: LessonSource[], revision: { slug: string; language: Language }, lesson: Lesson | null): AffectedTranslation[] {
  if (!lesson || lesson.metadata.source !== revision.language) return [];
  const { lessons, outdated } = checkCurriculum(sources, { keepOutdatedTranslations: true });
  const kept = lessons.find((candidate) => candidate.slug === revision.slug);
  return languages
    .filter((language) => language !== revision.language && kept?.documents[language] !== undefined)
    .map((language) => ({
      language,
      differences: outdated.find((entry) => entry.slug === revision.slug && entry.language === language)?.differences ?? [],
    }));
}
