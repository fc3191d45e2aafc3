// What is public: for each lesson language, its latest approved revision (the `published` table).
import type { Kysely } from "kysely";
import type { LessonSource } from "~/content/check";
import type { Database } from "~/db/schema";
import { isLanguage, type Language } from "~/i18n/languages";

export interface PublishedRevision {
  revisionId: number;
  approvedAt: string;
}

interface PublishedContent {
  sources: LessonSource[];
  /** slug → language → the revision that is public. */
  revisions: Map<string, Partial<Record<Language, PublishedRevision>>>;
}

/** One published text: the revision that is public for a lesson in a language. */
interface PublishedText {
  slug: string;
  language: Language;
  revisionId: number;
  content: string;
  /** The source-language revision a translation was made from (null for the source itself). */
  follows: number | null;
  /** When a reviewer (or the first import) approved it. */
  approvedAt: string;
}

/**
 * The published revisions, all or those of one lesson (and one language): the one place that joins
 * `published` with `revisions`. Works inside a transaction too.
 */
export async function publishedRevisions(db: Kysely<Database>, filter: { slug?: string; language?: Language } = {}): Promise<PublishedText[]> {
  let query = db
    .selectFrom("published")
    .innerJoin("revisions", "revisions.id", "published.revision_id")
    .select([
      "published.lesson_slug as slug",
      "published.language as language",
      "revisions.id as revisionId",
      "revisions.content as content",
      "revisions.follows as follows",
      "revisions.decided_at as decidedAt",
      "published.published_at as publishedAt",
    ]);
  if (filter.slug !== undefined) query = query.where("published.lesson_slug", "=", filter.slug);
  if (filter.language !== undefined) query = query.where("published.language", "=", filter.language);
  const rows = await query.orderBy("published.lesson_slug").orderBy("published.language").execute();
  return rows.flatMap((row) =>
    isLanguage(row.language)
      ? [{ slug: row.slug, language: row.language, revisionId: row.revisionId, content: row.content, follows: row.follows, approvedAt: row.decidedAt ?? row.publishedAt }]
      : [],
  );
}

/** Makes a revision the public text of its lesson in its language: an upsert, in the caller's transaction. */
export async function publishRevision(db: Kysely<Database>, revision: { slug: string; language: Language; revisionId: number; at: string }): Promise<void> {
  await db
    .insertInto("published")
    .values({ lesson_slug: revision.slug, language: revision.language, revision_id: revision.revisionId, published_at: revision.at })
    .onConflict((conflict) => conflict.columns(["lesson_slug", "language"]).doUpdateSet({ revision_id: revision.revisionId, published_at: revision.at }))
    .execute();
}

export async function loadPublishedContent(db: Kysely<Database>): Promise<PublishedContent> {
  const lessons = await db.selectFrom("lessons").select(["slug", "metadata"]).orderBy("slug").execute();
  const revisions = new Map<string, Partial<Record<Language, PublishedRevision>>>();
  const texts = new Map<string, Partial<Record<Language, string>>>();
  for (const row of await publishedRevisions(db)) {
    const byLanguage = texts.get(row.slug) ?? {};
    byLanguage[row.language] = row.content;
    texts.set(row.slug, byLanguage);
    const info = revisions.get(row.slug) ?? {};
    info[row.language] = { revisionId: row.revisionId, approvedAt: row.approvedAt };
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
