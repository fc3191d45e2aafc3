// The review workflow: the queue, a revision with what it changes, decisions, editors' revisions,
// the translation matrix. Decisions are conditional updates inside a transaction: of two reviewers
// deciding the same revision at once, exactly one wins and the other gets a conflict.
import type { Kysely } from "kysely";
import type { User } from "~/auth/users.server";
import { checkCurriculum } from "~/content/check";
import { lessonsDirectory, readTermbase } from "~/content/sources.server";
import type { ContentProblem, Lesson, LessonDocument } from "~/content/document";
import { recordAudit } from "~/db/audit.server";
import { timestampOf, type Database, type RevisionStatus } from "~/db/schema";
import { isLanguage, languages, type Language } from "~/i18n/languages";
import { contentHash } from "~/publication/import.server";
import { publishedRevisions, publishRevision } from "~/publication/published.server";

export class ReviewConflict extends Error {}
export class ReviewRejected extends Error {
  constructor(
    message: string,
    readonly problems: ContentProblem[] = [],
  ) {
    super(message);
  }
}

export interface QueueEntry {
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
export function canReadRevision(user: User, revision: { language: Language; authorId: number | null }): boolean {
  return (
    user.role === "admin" ||
    (user.role === "reviewer" && user.languages.includes(revision.language)) ||
    (user.role === "editor" && revision.authorId === user.id)
  );
}

export interface RevisionDetail {
  id: number;
  slug: string;
  language: Language;
  status: RevisionStatus;
  content: string;
  comment: string | null;
  createdAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  author: string;
  authorId: number | null;
  follows: number | null;
  /** The text that is public now for this lesson language (null when none is). */
  publishedContent: string | null;
  publishedRevisionId: number | null;
  /** For a translation: the source language's published revision, to tell whether this one is outdated. */
  sourceLanguage: Language;
  currentSourceRevisionId: number | null;
  /** The revision parsed and checked as the portal would serve it, with its problems. */
  document: LessonDocument | null;
  lesson: Lesson | null;
  problems: ContentProblem[];
}

export async function revisionDetail(db: Kysely<Database>, id: number): Promise<RevisionDetail | null> {
  const row = await db
    .selectFrom("revisions")
    .leftJoin("users as authors", "authors.id", "revisions.author_id")
    .leftJoin("users as deciders", "deciders.id", "revisions.decided_by")
    .innerJoin("lessons", "lessons.slug", "revisions.lesson_slug")
    .select([
      "revisions.id",
      "revisions.lesson_slug",
      "revisions.language",
      "revisions.status",
      "revisions.content",
      "revisions.comment",
      "revisions.created_at",
      "revisions.decided_at",
      "revisions.follows",
      "revisions.author_id",
      "authors.email as authorEmail",
      "deciders.email as deciderEmail",
      "lessons.metadata",
      "lessons.source_language",
    ])
    .where("revisions.id", "=", id)
    .executeTakeFirst();
  if (!row || !isLanguage(row.language)) return null;
  const sourceLanguage = isLanguage(row.source_language) ? row.source_language : "ka";
  const published = await publishedRevisions(db, { slug: row.lesson_slug });
  const publishedIn = (language: Language) => published.find((entry) => entry.language === language);
  const { document, problems, lesson } = await checkRevision(db, { slug: row.lesson_slug, language: row.language, content: row.content, metadata: row.metadata });
  return {
    lesson,
    id: row.id,
    slug: row.lesson_slug,
    language: row.language,
    status: row.status,
    content: row.content,
    comment: row.comment,
    createdAt: row.created_at,
    decidedAt: row.decided_at,
    decidedBy: row.deciderEmail ?? (row.decided_at ? "system" : null),
    author: row.authorEmail ?? "system",
    authorId: row.author_id,
    follows: row.follows,
    publishedContent: publishedIn(row.language)?.content ?? null,
    publishedRevisionId: publishedIn(row.language)?.revisionId ?? null,
    sourceLanguage,
    currentSourceRevisionId: publishedIn(sourceLanguage)?.revisionId ?? null,
    document,
    problems,
  };
}

/**
 * Checks a text by the rules of `content check`, as part of its lesson: the published texts of the
 * other languages stand beside it (a translation is compared with the published source; links must
 * lead to existing lessons).
 */
export async function checkRevision(
  db: Kysely<Database>,
  revision: { slug: string; language: Language; content: string; metadata: string },
): Promise<{ document: LessonDocument | null; problems: ContentProblem[]; lesson: Lesson | null }> {
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
  return { document, problems: relevant, lesson };
}

export type Decision = { kind: "approve" } | { kind: "request-changes"; comment: string };

/** Decides a revision. Throws ReviewConflict (→ 409) when it is no longer in review, and changes nothing. */
export async function decideRevision(db: Kysely<Database>, revisionId: number, reviewer: User, decision: Decision, ip: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const revision = await trx.selectFrom("revisions").selectAll().where("id", "=", revisionId).executeTakeFirst();
    if (!revision) throw new ReviewConflict("no such revision");
    if (revision.author_id === reviewer.id) throw new ReviewRejected("the author of a revision cannot decide it");
    const now = timestampOf(new Date());
    if (decision.kind === "approve") {
      const lesson = await trx.selectFrom("lessons").select("metadata").where("slug", "=", revision.lesson_slug).executeTakeFirstOrThrow();
      const language = revision.language as Language;
      const { document, problems } = await checkRevision(trx, { slug: revision.lesson_slug, language, content: revision.content, metadata: lesson.metadata });
      // A wrong term or a fact that differs from the source is served, but never approved.
      if (!document || problems.length > 0) throw new ReviewRejected("the revision does not pass the content checks", problems);
    }
    const updated = await trx
      .updateTable("revisions")
      .set({
        status: decision.kind === "approve" ? "approved" : "changes_requested",
        decided_by: reviewer.id,
        decided_at: now,
        comment: decision.kind === "approve" ? null : decision.comment,
      })
      .where("id", "=", revisionId)
      .where("status", "=", "in_review")
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new ReviewConflict("the revision is no longer in review");
    if (decision.kind === "approve") {
      await publishRevision(trx, { slug: revision.lesson_slug, language: revision.language as Language, revisionId, at: now });
    }
    await recordAudit(trx, {
      actorId: reviewer.id,
      actor: reviewer.email,
      action: decision.kind === "approve" ? "revision.approve" : "revision.request-changes",
      subject: `revision:${revisionId}`,
      details: { lesson: revision.lesson_slug, language: revision.language, ...(decision.kind === "request-changes" ? { comment: decision.comment } : {}) },
      ip,
    });
  });
}

/** An editor's text, saved as a new revision in review once it passes the content checks. */
export async function submitEditorRevision(
  db: Kysely<Database>,
  input: { slug: string; language: Language; content: string; author: User; ip: string },
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const lesson = await trx.selectFrom("lessons").select(["metadata", "source_language"]).where("slug", "=", input.slug).executeTakeFirst();
    if (!lesson) throw new ReviewRejected("no such lesson");
    const { document, problems } = await checkRevision(trx, { slug: input.slug, language: input.language, content: input.content, metadata: lesson.metadata });
    if (!document || problems.length > 0) throw new ReviewRejected("the text does not pass the content checks", problems);
    const follows =
      input.language === lesson.source_language
        ? null
        : ((await publishedRevisions(trx, { slug: input.slug, language: lesson.source_language as Language }))[0]?.revisionId ?? null);
    await trx
      .updateTable("revisions")
      .set({ status: "superseded" })
      .where("lesson_slug", "=", input.slug)
      .where("language", "=", input.language)
      .where("status", "=", "in_review")
      .execute();
    const revision = await trx
      .insertInto("revisions")
      .values({
        lesson_slug: input.slug,
        language: input.language,
        content: input.content,
        content_hash: contentHash(input.content),
        follows,
        author_id: input.author.id,
        origin: "editor",
        status: "in_review",
        comment: null,
        decided_by: null,
        decided_at: null,
        created_at: timestampOf(new Date()),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: input.author.id,
      actor: input.author.email,
      action: "revision.submit",
      subject: `revision:${revision.id}`,
      details: { lesson: input.slug, language: input.language, origin: "editor" },
      ip: input.ip,
    });
    return revision.id;
  });
}

export type MatrixState = "published" | "in_review" | "changes_requested" | "missing" | "outdated";

export interface MatrixRow {
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

/** What an editor starts from: their own pending revision, or the published text, or nothing. */
export async function editorStartingPoint(db: Kysely<Database>, slug: string, language: Language, author: User) {
  const lesson = await db.selectFrom("lessons").select(["metadata", "source_language"]).where("slug", "=", slug).executeTakeFirst();
  if (!lesson) return null;
  const own = await db
    .selectFrom("revisions")
    .select(["id", "content", "status", "comment", "created_at"])
    .where("lesson_slug", "=", slug)
    .where("language", "=", language)
    .where("author_id", "=", author.id)
    .orderBy("id", "desc")
    .limit(20)
    .execute();
  const [published] = await publishedRevisions(db, { slug, language });
  const pending = own.find((revision) => revision.status === "in_review" || revision.status === "changes_requested");
  return {
    metadata: lesson.metadata,
    content: pending?.content ?? published?.content ?? "",
    history: own.map((revision) => ({ id: revision.id, status: revision.status, comment: revision.comment, createdAt: revision.created_at })),
  };
}
