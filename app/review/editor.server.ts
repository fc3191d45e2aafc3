// The in-browser editor: where an editor starts from, and a text saved as a new revision in review.
import type { Kysely } from "kysely";
import type { User } from "~/auth/users.server";
import { recordAudit } from "~/db/audit.server";
import { timestampOf, type Database } from "~/db/schema";
import type { Language } from "~/i18n/languages";
import { contentHash } from "~/publication/import.server";
import { publishedRevisions } from "~/publication/published.server";
import { checkRevision } from "./check-revision.server";
import { ReviewRejected } from "./review-errors";

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
