// The review as the staff pages ask for it: each function reaches the process's database itself, so
// route modules parse, authorize, call one of these and render. The functions that take a database
// (queue, revision-detail, history, status-board, decisions, editor, translation-status and db/audit) stay for tests and for work inside a transaction.
import type { User } from "~/auth/users.server";
import { listAudit } from "~/db/audit.server";
import { getDatabase } from "~/db/database.server";
import type { Language } from "~/i18n/languages";
import { checkRevision } from "./check-revision.server";
import { decideRevision, type Decision } from "./decisions.server";
import { editorStartingPoint, submitEditorRevision } from "./editor.server";
import { lessonLanguageHistory } from "./history.server";
import { reviewQueue } from "./queue.server";
import { revisionDetail } from "./revision-detail.server";
import { statusBoard } from "./status-board.server";
import { translationMatrix } from "./translation-status.server";

export async function queueOf(filter: Parameters<typeof reviewQueue>[1]) {
  return reviewQueue(await getDatabase(), filter);
}

export async function revisionFor(id: number) {
  return revisionDetail(await getDatabase(), id);
}

export async function decide(id: number, reviewer: User, decision: Decision, ip: string) {
  return decideRevision(await getDatabase(), id, reviewer, decision, ip);
}

export async function translationStatus() {
  return translationMatrix(await getDatabase());
}

/** Every revision of a lesson language, newest first, with what each changed (null: no such lesson). */
export async function historyOf(slug: string, language: Language, readerLanguage: Language) {
  return lessonLanguageHistory(await getDatabase(), slug, language, readerLanguage);
}

/** The translation matrix as the reader may see it, titles in the reader's language. */
export async function statusBoardFor(reader: User, readerLanguage: Language) {
  return statusBoard(await getDatabase(), reader, readerLanguage);
}

export async function auditEntries(filter: Parameters<typeof listAudit>[1]) {
  return listAudit(await getDatabase(), filter);
}

export async function editorStart(slug: string, language: Language, author: User) {
  return editorStartingPoint(await getDatabase(), slug, language, author);
}

/** An editor's text checked as it would be approved, without saving it: the editor's preview. */
export async function previewEdit(input: { slug: string; language: Language; content: string; author: User }) {
  const db = await getDatabase();
  const start = await editorStartingPoint(db, input.slug, input.language, input.author);
  if (!start) return null;
  return checkRevision(db, { slug: input.slug, language: input.language, content: input.content, metadata: start.metadata });
}

export async function submitEdit(input: Parameters<typeof submitEditorRevision>[1]) {
  return submitEditorRevision(await getDatabase(), input);
}
