// Which revision a revision replaced (or, still in review, would replace): the one of its lesson
// language that was public before it. Its diff against that one is what it changed, and stays so after
// approval — never "the same as the published one".
import type { Kysely } from "kysely";
import type { Database, RevisionStatus } from "~/db/schema";
import type { Language } from "~/i18n/languages";

interface RevisionMoment {
  id: number;
  status: RevisionStatus;
  decidedAt: string | null;
  createdAt: string;
}

interface ApprovedRevision {
  id: number;
  decidedAt: string | null;
  createdAt: string;
}

/**
 * The approved revision that was public just before `revision`: for an approved one, the last approved
 * before its approval; in review, the last approved of all (what approving it replaces); sent back or
 * superseded, the last approved when it was written (what its author started from). Approvals are
 * ordered by their time, then by id (the first import approves many revisions in the same instant).
 */
export function replacedRevisionId(revision: RevisionMoment, approved: readonly ApprovedRevision[]): number | null {
  const momentOf = (entry: ApprovedRevision) => entry.decidedAt ?? entry.createdAt;
  const moment = revision.status === "approved" ? (revision.decidedAt ?? revision.createdAt) : revision.status === "in_review" ? null : revision.createdAt;
  let best: ApprovedRevision | null = null;
  for (const candidate of approved) {
    if (candidate.id === revision.id) continue;
    const at = momentOf(candidate);
    if (moment !== null && (at > moment || (at === moment && candidate.id > revision.id))) continue;
    if (best === null || at > momentOf(best) || (at === momentOf(best) && candidate.id > best.id)) best = candidate;
  }
  return best?.id ?? null;
}

/** Every approved revision of a lesson language, without texts: what replacedRevisionId chooses from. */
export async function approvedRevisions(db: Kysely<Database>, slug: string, language: Language): Promise<ApprovedRevision[]> {
  const rows = await db
    .selectFrom("revisions")
    .select(["id", "decided_at", "created_at"])
    .where("lesson_slug", "=", slug)
    .where("language", "=", language)
    .where("status", "=", "approved")
    .execute();
  return rows.map((row) => ({ id: row.id, decidedAt: row.decided_at, createdAt: row.created_at }));
}

/** The revision `revision` replaced, with its text; null when none was public before it. */
export async function replacedRevision(
  db: Kysely<Database>,
  revision: RevisionMoment & { slug: string; language: Language },
): Promise<{ id: number; content: string; status: RevisionStatus } | null> {
  const id = replacedRevisionId(revision, await approvedRevisions(db, revision.slug, revision.language));
  if (id === null) return null;
  return (await db.selectFrom("revisions").select(["id", "content", "status"]).where("id", "=", id).executeTakeFirst()) ?? null;
}
