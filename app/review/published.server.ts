// What is public: for each lesson language, its latest approved revision (the `published` table).
import type { Kysely } from "kysely";
import type { LessonSource } from "~/content/check";
import type { Database } from "~/db/schema";
import { isLanguage, type Language } from "~/i18n/languages";

export interface PublishedRevision {
  revisionId: number;
  approvedAt: string;
}

export interface PublishedContent {
  sources: LessonSource[];
  /** slug → language → the revision that is public. */
  revisions: Map<string, Partial<Record<Language, PublishedRevision>>>;
}

export async function loadPublishedContent(db: Kysely<Database>): Promise<PublishedContent> {
  const lessons = await db.selectFrom("lessons").select(["slug", "metadata"]).orderBy("slug").execute();
  const rows = await db
    .selectFrom("published")
    .innerJoin("revisions", "revisions.id", "published.revision_id")
    .select(["published.lesson_slug as slug", "published.language as language", "revisions.id as id", "revisions.content as content", "revisions.decided_at as decidedAt", "published.published_at as publishedAt"])
    .execute();
  const revisions = new Map<string, Partial<Record<Language, PublishedRevision>>>();
  const texts = new Map<string, Partial<Record<Language, string>>>();
  for (const row of rows) {
    if (!isLanguage(row.language)) continue;
    const byLanguage = texts.get(row.slug) ?? {};
    byLanguage[row.language] = row.content;
    texts.set(row.slug, byLanguage);
    const info = revisions.get(row.slug) ?? {};
    info[row.language] = { revisionId: row.id, approvedAt: row.decidedAt ?? row.publishedAt };
    revisions.set(row.slug, info);
  }
  return {
    sources: lessons.map((lesson) => ({
      slug: lesson.slug,
      folder: `lessons/${lesson.slug}`,
      metadataText: lesson.metadata,
      languageTexts: texts.get(lesson.slug) ?? {},
    })),
    revisions,
  };
}
