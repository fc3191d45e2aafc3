// The review queue: revisions by language and status, newest first.
import type { Kysely } from "kysely";
import type { Database, RevisionStatus } from "~/db/schema";
import { isLanguage, type Language } from "~/i18n/languages";

interface QueueEntry {
  id: number;
  slug: string;
  language: Language;
  status: RevisionStatus;
  author: string;
  createdAt: string;
  origin: string;
}

export async function reviewQueue(
  db: Kysely<Database>,
  filters: { languages: readonly Language[]; status: RevisionStatus | "all"; authorId?: number },
): Promise<QueueEntry[]> {
  let query = db
    .selectFrom("revisions")
    .leftJoin("users", "users.id", "revisions.author_id")
    .select(["revisions.id", "revisions.lesson_slug", "revisions.language", "revisions.status", "revisions.created_at", "revisions.origin", "users.email"])
    .where("revisions.language", "in", [...filters.languages]);
  if (filters.status !== "all") query = query.where("revisions.status", "=", filters.status);
  if (filters.authorId !== undefined) query = query.where("revisions.author_id", "=", filters.authorId);
  const rows = await query.orderBy("revisions.created_at", "asc").orderBy("revisions.id", "asc").limit(500).execute();
  return rows.flatMap((row) =>
    isLanguage(row.language)
      ? [{ id: row.id, slug: row.lesson_slug, language: row.language, status: row.status, author: row.email ?? "system", createdAt: row.created_at, origin: row.origin }]
      : [],
  );
}

/** Who may read a revision and its PDF previews: its language's reviewers, admins, and its author. */
