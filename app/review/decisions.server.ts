// Deciding a revision: approve (it becomes public) or request changes (with a comment). Atomic: the
// decision, the publication and the audit entry commit together or not at all.
import type { Kysely } from "kysely";
import { can } from "~/auth/policy";
import type { User } from "~/auth/users.server";
import { recordAudit } from "~/db/audit.server";
import { timestampOf, type Database } from "~/db/schema";
import type { Language } from "~/i18n/languages";
import { publishRevision } from "~/publication/published.server";
import { checkRevision } from "./check-revision.server";
import { ReviewConflict, ReviewRejected } from "./review-errors";

export type Decision = { kind: "approve" } | { kind: "request-changes"; comment: string };

/** Decides a revision. Throws ReviewConflict (→ 409) when it is no longer in review, and changes nothing. */
export async function decideRevision(db: Kysely<Database>, revisionId: number, reviewer: User, decision: Decision, ip: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const revision = await trx.selectFrom("revisions").selectAll().where("id", "=", revisionId).executeTakeFirst();
    if (!revision) throw new ReviewConflict("no such revision");
    // The policy again, inside the transaction: the rule is app/auth/policy.ts's, not the route's.
    if (!can(reviewer, "revision.decide", { language: revision.language as Language, authorId: revision.author_id })) {
      throw new ReviewRejected(revision.author_id === reviewer.id ? "the author of a revision cannot decide it" : "this reviewer may not decide this revision");
    }
    const now = timestampOf(new Date());
    if (decision.kind === "approve") {
      const lesson = await trx.selectFrom("lessons").select("metadata").where("slug", "=", revision.lesson_slug).executeTakeFirstOrThrow();
      const language = revision.language as Language;
      // A revision that carries a new lesson.yaml is checked with it: that is what it will publish.
      const { document, problems } = await checkRevision(trx, { slug: revision.lesson_slug, language, content: revision.content, metadata: revision.metadata ?? lesson.metadata });
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
      if (revision.metadata !== null) {
        const before = await trx.selectFrom("lessons").select("metadata").where("slug", "=", revision.lesson_slug).executeTakeFirstOrThrow();
        await trx.updateTable("lessons").set({ metadata: revision.metadata, updated_at: now }).where("slug", "=", revision.lesson_slug).execute();
        await recordAudit(trx, {
          actorId: reviewer.id,
          actor: reviewer.email,
          action: "lesson.metadata-change",
          subject: `lesson:${revision.lesson_slug}`,
          details: { revision: revisionId, before: before.metadata, after: revision.metadata },
        });
      }
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
