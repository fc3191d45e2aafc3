// The revisions of one lesson language, newest first, each with what it changed: its diff against the
// revision it replaced. The revisions table keeps every revision's text, so an approved revision goes
// on showing what it changed long after a newer one replaced it.
import type { Kysely } from "kysely";
import type { Database, RevisionOrigin, RevisionStatus } from "~/db/schema";
import { isLanguage, type Language } from "~/i18n/languages";
import { diffView, type DiffView } from "./diff-view";
import { publishedTitles, titleFor, titleOf, type LessonTitle } from "./lesson-titles.server";
import { approvedRevisions, replacedRevisionId } from "./replaced-revision.server";

export interface HistoryEntry {
  id: number;
  status: RevisionStatus;
  origin: RevisionOrigin;
  /** Null for a revision imported from the lesson file (no one wrote it in the portal). */
  author: string | null;
  createdAt: string;
  /** Null when no one decided, and for the first import, which approves itself (decidedAt is set). */
  decidedBy: string | null;
  decidedAt: string | null;
  comment: string | null;
  /** For a translation: the source revision it was made from. */
  follows: number | null;
  /** The text public now. */
  live: boolean;
  /** Carries a new lesson.yaml. */
  changesMetadata: boolean;
  diff: DiffView;
}

export interface LessonLanguageHistory {
  slug: string;
  language: Language;
  sourceLanguage: Language;
  title: LessonTitle | { title: string; language: null };
  entries: HistoryEntry[];
}

/** Revisions shown on one history page: the newest; older ones are in the audit log too. */
const historyLimit = 200;

export async function lessonLanguageHistory(
  db: Kysely<Database>,
  slug: string,
  language: Language,
  readerLanguage: Language,
): Promise<LessonLanguageHistory | null> {
  const lesson = await db.selectFrom("lessons").select(["slug", "source_language"]).where("slug", "=", slug).executeTakeFirst();
  if (!lesson) return null;
  const rows = await db
    .selectFrom("revisions")
    .leftJoin("users as authors", "authors.id", "revisions.author_id")
    .leftJoin("users as deciders", "deciders.id", "revisions.decided_by")
    .select([
      "revisions.id",
      "revisions.status",
      "revisions.origin",
      "revisions.content",
      "revisions.metadata",
      "revisions.comment",
      "revisions.follows",
      "revisions.created_at",
      "revisions.decided_at",
      "authors.email as authorEmail",
      "deciders.email as deciderEmail",
    ])
    .where("revisions.lesson_slug", "=", slug)
    .where("revisions.language", "=", language)
    .orderBy("revisions.id", "desc")
    .limit(historyLimit)
    .execute();
  const live = await db.selectFrom("published").select("revision_id").where("lesson_slug", "=", slug).where("language", "=", language).executeTakeFirst();
  const approved = await approvedRevisions(db, slug, language);
  const byId = new Map(rows.map((row) => [row.id, row]));
  // The oldest revision shown may have replaced one beyond the limit: fetched on its own.
  const missing = new Set<number>();
  const bases = new Map<number, number | null>();
  for (const row of rows) {
    const base = replacedRevisionId({ id: row.id, status: row.status, decidedAt: row.decided_at, createdAt: row.created_at }, approved);
    bases.set(row.id, base);
    if (base !== null && !byId.has(base)) missing.add(base);
  }
  const older = missing.size > 0 ? await db.selectFrom("revisions").select(["id", "content"]).where("id", "in", [...missing]).execute() : [];
  const contentOf = (id: number) => byId.get(id)?.content ?? older.find((row) => row.id === id)?.content ?? null;
  const newest = rows[0];
  return {
    slug,
    language,
    sourceLanguage: isLanguage(lesson.source_language) ? lesson.source_language : "ka",
    title: titleFor(slug, readerLanguage, await publishedTitles(db, readerLanguage, slug), newest ? { language, title: titleOf(newest.content) } : null),
    entries: rows.map((row) => {
      const baseId = bases.get(row.id) ?? null;
      const baseContent = baseId === null ? null : contentOf(baseId);
      return {
        id: row.id,
        status: row.status,
        origin: row.origin,
        author: row.authorEmail,
        createdAt: row.created_at,
        decidedBy: row.deciderEmail,
        decidedAt: row.decided_at,
        comment: row.comment,
        follows: row.follows,
        live: live?.revision_id === row.id,
        changesMetadata: row.metadata !== null,
        diff: diffView(baseId === null || baseContent === null ? null : { id: baseId, content: baseContent }, { id: row.id, content: row.content }, language),
      };
    }),
  };
}
