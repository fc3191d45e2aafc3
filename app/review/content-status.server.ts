// What the authors of the lesson files need to hear: every revision that awaits a decision or was sent
// back, with the reviewer's comment, pointing at the file's line where the comment quotes its text.
// Revisions imported from files have no author account to read the comment on the site: this is how
// the comment reaches whoever edits the files (`npm run cli -- content status`).
import type { Kysely } from "kysely";
import type { Database } from "~/db/schema";
import { tbilisiDay } from "~/i18n/format";

export interface RevisionStatusLine {
  revisionId: number;
  file: string;
  /** The line the comment points to (by quoting text of the revision), or null. */
  line: number | null;
  status: "in_review" | "changes_requested";
  author: string;
  decidedBy: string | null;
  decidedAt: Date | null;
  comment: string | null;
}

/** Text in quotation marks of any of our languages' conventions: "…", “…”, „…“, «…». */
const quoted = /["“„«]([^"“”„«»]{4,})["”“»]/gu;

/** The first line of `content` that holds a fragment the comment quotes, 1-based. */
export function lineQuotedBy(comment: string | null, content: string): number | null {
  if (!comment) return null;
  const lines = content.split("\n");
  for (const match of comment.matchAll(quoted)) {
    const fragment = match[1]!.trim();
    const index = lines.findIndex((line) => line.includes(fragment));
    if (index !== -1) return index + 1;
  }
  return null;
}

/** Revisions awaiting review or sent back, the newest first within each lesson language. */
export async function revisionsAwaitingAuthors(db: Kysely<Database>): Promise<RevisionStatusLine[]> {
  const rows = await db
    .selectFrom("revisions")
    .leftJoin("users as authors", "authors.id", "revisions.author_id")
    .leftJoin("users as deciders", "deciders.id", "revisions.decided_by")
    .select([
      "revisions.id",
      "revisions.lesson_slug",
      "revisions.language",
      "revisions.status",
      "revisions.comment",
      "revisions.content",
      "revisions.decided_at",
      "authors.email as authorEmail",
      "deciders.email as deciderEmail",
    ])
    .where("revisions.status", "in", ["in_review", "changes_requested"])
    .orderBy("revisions.lesson_slug")
    .orderBy("revisions.language")
    .orderBy("revisions.id", "desc")
    .execute();
  return rows.map((row) => ({
    revisionId: Number(row.id),
    file: `lessons/${row.lesson_slug}/${row.language}.md`,
    line: lineQuotedBy(row.comment, row.content),
    status: row.status as RevisionStatusLine["status"],
    author: row.authorEmail ?? "the lesson files",
    decidedBy: row.deciderEmail,
    decidedAt: row.decided_at === null ? null : new Date(row.decided_at),
    comment: row.comment,
  }));
}

/** One entry as `content status` prints it: `file:line: revision N sent back by … on …: comment`. */
export function formatStatusLine(entry: RevisionStatusLine): string {
  const where = entry.line === null ? entry.file : `${entry.file}:${entry.line}`;
  if (entry.status === "in_review") return `${where}: revision ${entry.revisionId} awaits review (from ${entry.author})`;
  const when = entry.decidedAt ? ` on ${tbilisiDay(entry.decidedAt)}` : "";
  return `${where}: revision ${entry.revisionId} sent back by ${entry.decidedBy ?? "a reviewer"}${when}: ${entry.comment ?? "(no comment)"}`;
}
