// The translation matrix as the status page shows it: each lesson by its title, each cell with its state
// (from translation-status.server.ts, whatever states it returns), the version still live while a newer
// one waits or was sent back, the reviewer's comment on a sent-back revision, and whether the reader
// may open the cell's revision and history (a reviewer reads only their languages).
import type { Kysely } from "kysely";
import { can } from "~/auth/policy";
import type { User } from "~/auth/users.server";
import type { Database } from "~/db/schema";
import { languages, type Language } from "~/i18n/languages";
import { publishedRevisions } from "~/publication/published.server";
import { excerpt } from "./diff-view";
import { titleFor, titleOf, type LessonTitle } from "./lesson-titles.server";
import { translationMatrix } from "./translation-status.server";

export interface StatusCell {
  state: string;
  revisionId: number | null;
  /** The revision public now, when the cell's revision is another one (waiting, or sent back). */
  live: number | null;
  /** A sent-back revision's comment, shortened; null when none or when the reader may not read it. */
  comment: string | null;
  /** Whether the reader may open the cell's revision. */
  revisionReadable: boolean;
  /** Whether the reader may open the lesson language's history (all its revisions, by anyone). */
  historyReadable: boolean;
}

export interface StatusRow {
  slug: string;
  title: LessonTitle | { title: string; language: null };
  cells: Record<Language, StatusCell>;
}

/** Words of a comment shown in a cell; the revision page has the rest. */
const commentWords = 16;

export async function statusBoard(db: Kysely<Database>, reader: User, readerLanguage: Language): Promise<StatusRow[]> {
  const matrix = await translationMatrix(db);
  const published = await publishedRevisions(db);
  const cellRevisions = matrix.flatMap((row) => languages.map((language) => row.cells[language]?.revisionId).filter((id): id is number => typeof id === "number"));
  const revisions = cellRevisions.length
    ? await db.selectFrom("revisions").select(["id", "status", "comment", "author_id", "language"]).where("id", "in", cellRevisions).execute()
    : [];
  const revisionById = new Map(revisions.map((revision) => [revision.id, revision]));
  const readerTitles = new Map<string, string>();
  for (const entry of published) {
    const title = entry.language === readerLanguage ? titleOf(entry.content) : null;
    if (title !== null) readerTitles.set(entry.slug, title);
  }
  const sourceLanguages = new Map((await db.selectFrom("lessons").select(["slug", "source_language"]).execute()).map((lesson) => [lesson.slug, lesson.source_language]));
  return matrix.map((row) => {
    // Without a title in the reader's language, the source language's.
    const source = published.find((entry) => entry.slug === row.slug && entry.language === sourceLanguages.get(row.slug));
    const cells = {} as Record<Language, StatusCell>;
    for (const language of languages) {
      const cell = row.cells[language] ?? { state: "missing", revisionId: null };
      const revision = cell.revisionId === null ? undefined : revisionById.get(cell.revisionId);
      const liveEntry = published.find((entry) => entry.slug === row.slug && entry.language === language);
      const live = liveEntry && liveEntry.revisionId !== cell.revisionId ? liveEntry.revisionId : null;
      const revisionReadable = can(reader, "revision.read", { language, authorId: revision?.author_id ?? null });
      cells[language] = {
        state: cell.state,
        revisionId: cell.revisionId,
        live,
        comment: revisionReadable && revision?.status === "changes_requested" && revision.comment ? excerpt(revision.comment, language, commentWords) : null,
        revisionReadable,
        historyReadable: can(reader, "revision.read", { language, authorId: null }),
      };
    }
    return {
      slug: row.slug,
      title: titleFor(row.slug, readerLanguage, readerTitles, source ? { language: source.language, title: titleOf(source.content) } : null),
      cells,
    };
  });
}
