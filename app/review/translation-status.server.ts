// Lesson × language: what is public, what waits, what is missing, what follows an older source.
import type { Kysely } from "kysely";
import type { Database } from "~/db/schema";
import { languages, type Language } from "~/i18n/languages";
import { publishedRevisions } from "~/publication/published.server";

type MatrixState = "published" | "in_review" | "changes_requested" | "missing" | "outdated";

interface MatrixRow {
  slug: string;
  cells: Record<Language, { state: MatrixState; revisionId: number | null }>;
}

/** Lesson × language: what is public, what waits, what is missing, what follows an older source. */
export async function translationMatrix(db: Kysely<Database>): Promise<MatrixRow[]> {
  const lessons = await db.selectFrom("lessons").select(["slug", "source_language"]).orderBy("slug").execute();
  const published = await publishedRevisions(db);
  const pending = await db
    .selectFrom("revisions")
    .select(["lesson_slug", "language", "id", "status"])
    .where("status", "in", ["in_review", "changes_requested"])
    .orderBy("id", "desc")
    .execute();
  return lessons.map((lesson) => {
    const cells = {} as MatrixRow["cells"];
    const sourceRevision = published.find((entry) => entry.slug === lesson.slug && entry.language === lesson.source_language);
    for (const language of languages) {
      const waiting = pending.find((entry) => entry.lesson_slug === lesson.slug && entry.language === language);
      const current = published.find((entry) => entry.slug === lesson.slug && entry.language === language);
      if (waiting?.status === "in_review") cells[language] = { state: "in_review", revisionId: waiting.id };
      else if (waiting?.status === "changes_requested" && (!current || waiting.id > current.revisionId)) cells[language] = { state: "changes_requested", revisionId: waiting.id };
      else if (!current) cells[language] = { state: "missing", revisionId: null };
      else if (language !== lesson.source_language && sourceRevision && current.follows !== null && current.follows !== sourceRevision.revisionId)
        cells[language] = { state: "outdated", revisionId: current.revisionId };
      else cells[language] = { state: "published", revisionId: current.revisionId };
    }
    return { slug: lesson.slug, cells };
  });
}
