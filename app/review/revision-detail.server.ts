// One revision as its page shows it: the text, the revision it replaced (what its diff is against, also
// once it is approved), what is published now, the source it follows, and its problems by the rules of
// `content check`.
import type { Kysely } from "kysely";
import type { ContentProblem, Lesson, LessonDocument } from "~/content/document";
import { type Database, type RevisionStatus } from "~/db/schema";
import { isLanguage, type Language } from "~/i18n/languages";
import { publishedRevisions } from "~/publication/published.server";
import { checkRevision, type AffectedTranslation } from "./check-revision.server";
import { replacedRevision } from "./replaced-revision.server";

export interface RevisionDetail {
  id: number;
  slug: string;
  language: Language;
  status: RevisionStatus;
  content: string;
  /** A new lesson.yaml this revision carries, beside the one in force now; null when it carries none. */
  metadataChange: { now: string; proposed: string } | null;
  comment: string | null;
  createdAt: string;
  decidedAt: string | null;
  /** Null when no one decided, and for the first import, which approves itself (decidedAt is set). */
  decidedBy: string | null;
  /** Null for a revision imported from the lesson file (no one wrote it in the portal). */
  author: string | null;
  authorId: number | null;
  follows: number | null;
  /**
   * The revision this one replaced when it was approved, or would replace if it were (the one public
   * before it): its diff is against this one, whatever happened since. Null when none was public.
   */
  replaced: { id: number; content: string; status: RevisionStatus } | null;
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
  /** A source revision: the published translations that approving it leaves outdated (still public). */
  affectedTranslations: AffectedTranslation[];
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
      "revisions.metadata as revisionMetadata",
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
  const replaced = await replacedRevision(db, { id: row.id, slug: row.lesson_slug, language: row.language, status: row.status, decidedAt: row.decided_at, createdAt: row.created_at });
  const { document, problems, lesson, affectedTranslations } = await checkRevision(db, { slug: row.lesson_slug, language: row.language, content: row.content, metadata: row.revisionMetadata ?? row.metadata });
  return {
    lesson,
    id: row.id,
    slug: row.lesson_slug,
    language: row.language,
    status: row.status,
    content: row.content,
    metadataChange: row.revisionMetadata === null ? null : { now: row.metadata, proposed: row.revisionMetadata },
    comment: row.comment,
    createdAt: row.created_at,
    decidedAt: row.decided_at,
    decidedBy: row.deciderEmail,
    author: row.authorEmail,
    authorId: row.author_id,
    follows: row.follows,
    replaced,
    publishedContent: publishedIn(row.language)?.content ?? null,
    publishedRevisionId: publishedIn(row.language)?.revisionId ?? null,
    sourceLanguage,
    currentSourceRevisionId: publishedIn(sourceLanguage)?.revisionId ?? null,
    document,
    problems,
    affectedTranslations,
  };
}
