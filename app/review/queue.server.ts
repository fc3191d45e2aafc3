// The review queue: revisions by language and status, oldest first, each with its lesson's title in the
// reader's language and the size of its change (words added and removed against the revision it
// replaces).
import type { Kysely } from "kysely";
import type { Database, RevisionStatus } from "~/db/schema";
import { isLanguage, type Language } from "~/i18n/languages";
import { publishedTitles, titleFor, titleOf, type LessonTitle } from "./lesson-titles.server";
import { replacedRevisionId } from "./replaced-revision.server";
import { sizeOfChange, type ChangeSize } from "./word-diff";

interface QueueEntry {
  id: number;
  slug: string;
  title: LessonTitle | { title: string; language: null };
  language: Language;
  status: RevisionStatus;
  /** Null for a revision imported from the lesson file (no one wrote it in the portal). */
  author: string | null;
  createdAt: string;
  origin: string;
  /** The revision it replaces (or replaced), null when nothing was public before it. */
  replaces: number | null;
  size: ChangeSize;
}

/**
 * Sizes and titles by content hash: a revision's text never changes, so neither does the size of its
 * change against another text. Segmenting a lesson takes tens of milliseconds; a queue of a few hundred
 * revisions is measured once per process, not at every visit.
 */
const sizes = new Map<string, ChangeSize>();
const titles = new Map<string, string | null>();
const cacheLimit = 5000;

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= cacheLimit) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
  return value;
}

export async function reviewQueue(
  db: Kysely<Database>,
  filters: { languages: readonly Language[]; status: RevisionStatus | "all"; authorId?: number; readerLanguage?: Language },
): Promise<QueueEntry[]> {
  if (filters.languages.length === 0) return [];
  let query = db
    .selectFrom("revisions")
    .leftJoin("users", "users.id", "revisions.author_id")
    .select([
      "revisions.id",
      "revisions.lesson_slug",
      "revisions.language",
      "revisions.status",
      "revisions.created_at",
      "revisions.decided_at",
      "revisions.origin",
      "revisions.content_hash",
      "users.email",
    ])
    .where("revisions.language", "in", [...filters.languages]);
  if (filters.status !== "all") query = query.where("revisions.status", "=", filters.status);
  if (filters.authorId !== undefined) query = query.where("revisions.author_id", "=", filters.authorId);
  const rows = (await query.orderBy("revisions.created_at", "asc").orderBy("revisions.id", "asc").limit(500).execute()).flatMap((row) =>
    isLanguage(row.language) ? [{ ...row, language: row.language }] : [],
  );
  if (rows.length === 0) return [];

  // What each revision replaces: chosen among the approved revisions of its lesson language.
  const slugs = [...new Set(rows.map((row) => row.lesson_slug))];
  const approved = await db
    .selectFrom("revisions")
    .select(["id", "lesson_slug", "language", "decided_at", "created_at", "content_hash"])
    .where("status", "=", "approved")
    .where("lesson_slug", "in", slugs)
    .where("language", "in", [...filters.languages])
    .execute();
  const hashOf = new Map(approved.map((row) => [row.id, row.content_hash]));
  const replaces = new Map(
    rows.map((row) => [
      row.id,
      replacedRevisionId(
        { id: row.id, status: row.status, decidedAt: row.decided_at, createdAt: row.created_at },
        approved.filter((entry) => entry.lesson_slug === row.lesson_slug && entry.language === row.language).map((entry) => ({ id: entry.id, decidedAt: entry.decided_at, createdAt: entry.created_at })),
      ),
    ]),
  );
  const sizeKey = (row: (typeof rows)[number]) => {
    const base = replaces.get(row.id);
    return `${row.language}:${base === null || base === undefined ? "-" : hashOf.get(base)}:${row.content_hash}`;
  };

  // Texts are read only for what is not measured yet.
  const needed = new Set<number>();
  for (const row of rows) {
    if (sizes.has(sizeKey(row)) && titles.has(row.content_hash)) continue;
    needed.add(row.id);
    const base = replaces.get(row.id);
    if (base !== null && base !== undefined) needed.add(base);
  }
  const texts = new Map<number, string>();
  const ids = [...needed];
  for (let start = 0; start < ids.length; start += 200) {
    const chunk = await db.selectFrom("revisions").select(["id", "content"]).where("id", "in", ids.slice(start, start + 200)).execute();
    for (const row of chunk) texts.set(row.id, row.content);
  }
  const readerTitles = filters.readerLanguage ? await publishedTitles(db, filters.readerLanguage) : new Map<string, string>();

  return rows.map((row) => {
    const base = replaces.get(row.id) ?? null;
    const key = sizeKey(row);
    const content = texts.get(row.id);
    const size = sizes.get(key) ?? remember(sizes, key, sizeOfChange(base === null ? null : (texts.get(base) ?? ""), content ?? "", row.language));
    const ownTitle = titles.has(row.content_hash) ? titles.get(row.content_hash)! : remember(titles, row.content_hash, titleOf(content ?? ""));
    return {
      id: row.id,
      slug: row.lesson_slug,
      title: titleFor(row.lesson_slug, filters.readerLanguage ?? row.language, readerTitles, { language: row.language, title: ownTitle }),
      language: row.language,
      status: row.status,
      author: row.email,
      createdAt: row.created_at,
      origin: row.origin,
      replaces: base,
      size,
    };
  });
}
