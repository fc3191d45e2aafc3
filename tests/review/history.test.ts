// What a revision changed stays on record: an approved revision is still shown against the revision it
// replaced, the history of a lesson language lists every revision with its decision and its diff, the
// queue names lessons by title with the size of each change, and the status matrix says what is still
// live. On SQLite and, with TEST_DATABASE_URL, on PostgreSQL.
import path from "node:path";
import type { Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import { createUser, type User } from "~/auth/users.server";
import type { LessonSource } from "~/content/check";
import { readLessonSources } from "~/content/sources.server";
import type { DatabaseDialect } from "~/db/database.server";
import type { Database } from "~/db/schema";
import { syncLessonFiles } from "~/publication/import.server";
import { decideRevision } from "~/review/decisions.server";
import { diffView, type DiffView } from "~/review/diff-view";
import { lessonLanguageHistory } from "~/review/history.server";
import { reviewQueue } from "~/review/queue.server";
import { revisionDetail } from "~/review/revision-detail.server";
import { statusBoard } from "~/review/status-board.server";
import { openTestDatabase, testedDialects } from "../db/databases";

const fixtures = readLessonSources(path.resolve(import.meta.dirname, "../fixtures/lessons/good"));
const sample = "sample-lesson";
const password = "a long enough password";

interface Installation {
  db: Kysely<Database>;
  georgianReviewer: User;
  englishReviewer: User;
  admin: User;
  /** The Georgian text of the sample lesson as imported first, and its revision. */
  firstGeorgian: number;
  /** Makes the sample lesson's Georgian file `edit(previous)` and imports it: the new revision's id. */
  editGeorgian(edit: (text: string) => string): Promise<number>;
  editEnglish(edit: (text: string) => string): Promise<number>;
}

async function withInstallation(dialect: DatabaseDialect, test: (installation: Installation) => Promise<void>): Promise<void> {
  const database = await openTestDatabase(dialect);
  try {
    const { db } = database;
    await syncLessonFiles(db, fixtures, new Date("2026-11-01T09:00:00.000Z"));
    let sources: LessonSource[] = fixtures;
    const edit = async (language: "ka" | "en", change: (text: string) => string) => {
      sources = sources.map((source) =>
        source.slug === sample ? { ...source, languageTexts: { ...source.languageTexts, [language]: change(source.languageTexts[language]!) } } : source,
      );
      const { created, refused } = await syncLessonFiles(db, sources);
      expect(refused).toEqual([]);
      expect(created).toHaveLength(1);
      return created[0]!.revisionId;
    };
    const account = (email: string, role: "reviewer" | "admin", languages?: string) =>
      createUser(db, { email, name: email, role, languages, password }, { id: null, email: "test" });
    const first = await db.selectFrom("revisions").select("id").where("lesson_slug", "=", sample).where("language", "=", "ka").executeTakeFirstOrThrow();
    await test({
      db,
      georgianReviewer: await account("ka@history.test", "reviewer", "ka"),
      englishReviewer: await account("en@history.test", "reviewer", "en"),
      admin: await account("admin@history.test", "admin"),
      firstGeorgian: first.id,
      editGeorgian: (change) => edit("ka", change),
      editEnglish: (change) => edit("en", change),
    });
  } finally {
    await database.dispose();
  }
}

/** The marked words (an inserted phrase carries one of the spaces around it: which one is the diff's choice). */
function marks(view: DiffView) {
  const parts = view.blocks.flatMap((block) => (block.kind === "line" ? block.parts : []));
  const texts = (kind: "removed" | "added") => parts.flatMap((part) => (part.kind === kind ? [part.text.trim()] : []));
  return { removed: texts("removed"), added: texts("added") };
}

async function shownDiff(db: Kysely<Database>, id: number) {
  const revision = (await revisionDetail(db, id))!;
  return { revision, view: diffView(revision.replaced, revision, revision.language) };
}

// A Georgian word's ending changed (notebook → notebooks), and a sentence of the teacher notes extended.
const notebooks = (text: string) => text.replace("წერენ რვეულში.", "წერენ რვეულებში.");
const calmly = (text: string) => text.replace("მშვიდად ისაუბრეთ.", "მშვიდად და ნელა ისაუბრეთ.");

describe.each(testedDialects())("what a revision changed, on record (%s)", (dialect) => {
  const installed = (test: (installation: Installation) => Promise<void>) => () => withInstallation(dialect, test);

  it(
    "an approved revision still shows its diff against the revision it replaced, also after a newer one",
    installed(async ({ db, georgianReviewer, firstGeorgian, editGeorgian }) => {
      const first = await editGeorgian(notebooks);
      const waiting = await shownDiff(db, first);
      expect(waiting.revision.replaced?.id).toBe(firstGeorgian);
      expect(marks(waiting.view)).toEqual({ removed: ["რვეულში"], added: ["რვეულებში"] });
      expect(waiting.view.size).toEqual({ added: 1, removed: 1 });

      await decideRevision(db, first, georgianReviewer, { kind: "approve" }, "127.0.0.1");
      const approved = await shownDiff(db, first);
      expect(approved.revision.status).toBe("approved");
      // It is the published text now, and its page still says what it changed.
      expect(approved.revision.publishedRevisionId).toBe(first);
      expect(approved.revision.replaced?.id).toBe(firstGeorgian);
      expect(approved.view.changed).toBe(true);
      expect(marks(approved.view)).toEqual({ removed: ["რვეულში"], added: ["რვეულებში"] });

      const second = await editGeorgian(calmly);
      await decideRevision(db, second, georgianReviewer, { kind: "approve" }, "127.0.0.1");
      expect(marks((await shownDiff(db, first)).view)).toEqual({ removed: ["რვეულში"], added: ["რვეულებში"] });
      const later = await shownDiff(db, second);
      expect(later.revision.replaced?.id).toBe(first);
      expect(marks(later.view)).toEqual({ removed: [], added: ["და ნელა"] });
      expect(later.view.size).toEqual({ added: 2, removed: 0 });
    }),
  );

  it(
    "the history of a lesson language: every revision newest first, who decided and when, the comment, the size, each diff",
    installed(async ({ db, georgianReviewer, firstGeorgian, editGeorgian }) => {
      const approved = await editGeorgian(notebooks);
      await decideRevision(db, approved, georgianReviewer, { kind: "approve" }, "127.0.0.1");
      const sentBack = await editGeorgian(calmly);
      await decideRevision(db, sentBack, georgianReviewer, { kind: "request-changes", comment: "ნელა — ზედმეტია." }, "127.0.0.1");
      const superseded = await editGeorgian((text) => calmly(text).replace("და ნელა", "და მშვიდი ხმით"));
      const waiting = await editGeorgian((text) => text.replace("და მშვიდი ხმით", "და დინჯად"));

      const history = (await lessonLanguageHistory(db, sample, "ka", "en"))!;
      expect(history.title).toEqual({ title: "What is human trafficking?", language: "en" });
      const rows = history.entries.map((entry) => ({
        id: entry.id,
        status: entry.status,
        live: entry.live,
        decidedBy: entry.decidedBy,
        decided: entry.decidedAt !== null,
        comment: entry.comment,
        base: entry.diff.baseRevisionId,
        size: entry.diff.size,
      }));
      expect(rows).toEqual([
        { id: waiting, status: "in_review", live: false, decidedBy: null, decided: false, comment: null, base: approved, size: { added: 2, removed: 0 } },
        { id: superseded, status: "superseded", live: false, decidedBy: null, decided: false, comment: null, base: approved, size: { added: 3, removed: 0 } },
        { id: sentBack, status: "changes_requested", live: false, decidedBy: "ka@history.test", decided: true, comment: "ნელა — ზედმეტია.", base: approved, size: { added: 2, removed: 0 } },
        { id: approved, status: "approved", live: true, decidedBy: "ka@history.test", decided: true, comment: null, base: firstGeorgian, size: { added: 1, removed: 1 } },
        {
          id: firstGeorgian,
          status: "approved",
          live: false,
          // Decided by no one: the first import approves itself, and the page says so in the reader's language.
          decidedBy: null,
          decided: true,
          comment: null,
          base: null,
          size: { added: expect.any(Number), removed: 0 },
        },
      ]);
      expect(history.entries.at(-1)!.diff.size.added).toBeGreaterThan(100);
      expect(marks(history.entries[0]!.diff)).toEqual({ removed: [], added: ["და დინჯად"] });
      expect(await lessonLanguageHistory(db, "no-such-lesson", "ka", "en")).toBeNull();
      // A lesson language without revisions has an empty history, not an error.
      expect((await lessonLanguageHistory(db, sample, "hy", "hy"))!.entries).toEqual([]);
    }),
  );

  it(
    "the queue: lessons by title in the reader's language (else the revision's), the language, +N / −M, author, date",
    installed(async ({ db, editGeorgian, editEnglish }) => {
      const georgian = await editGeorgian(notebooks);
      const english = await editEnglish((text) => text.replace("Speak calmly.", "Speak calmly and slowly, in a low voice."));
      const inEnglish = await reviewQueue(db, { languages: ["ka", "en"], status: "in_review", readerLanguage: "en" });
      expect(inEnglish.map((entry) => ({ id: entry.id, title: entry.title, language: entry.language, size: entry.size, author: entry.author }))).toEqual([
        { id: georgian, title: { title: "What is human trafficking?", language: "en" }, language: "ka", size: { added: 1, removed: 1 }, author: null },
        { id: english, title: { title: "What is human trafficking?", language: "en" }, language: "en", size: { added: 6, removed: 0 }, author: null },
      ]);
      expect(inEnglish.every((entry) => /^\d{4}-\d\d-\d\dT/.test(entry.createdAt))).toBe(true);
      // No Armenian version: the title of the revision's own language. Georgian readers: the Georgian title.
      const inArmenian = await reviewQueue(db, { languages: ["ka", "en"], status: "in_review", readerLanguage: "hy" });
      expect(inArmenian.map((entry) => entry.title)).toEqual([
        { title: "რა არის ადამიანით ვაჭრობა?", language: "ka" },
        { title: "What is human trafficking?", language: "en" },
      ]);
      const inGeorgian = await reviewQueue(db, { languages: ["ka"], status: "in_review", readerLanguage: "ka" });
      expect(inGeorgian.map((entry) => entry.title)).toEqual([{ title: "რა არის ადამიანით ვაჭრობა?", language: "ka" }]);
      // Measured once; the second time (from the cache) is the same.
      expect((await reviewQueue(db, { languages: ["ka"], status: "in_review", readerLanguage: "ka" }))[0]!.size).toEqual({ added: 1, removed: 1 });
    }),
  );

  it(
    "the status matrix: waiting and sent-back cells name the version still live; a sent-back cell shows the comment to who may read it",
    installed(async ({ db, georgianReviewer, englishReviewer, admin, editGeorgian, editEnglish }) => {
      const georgian = await editGeorgian(notebooks);
      const english = await editEnglish((text) => text.replace("Speak calmly.", "Speak loudly."));
      const comment = "Keep the calm tone: a frightened student needs a calm voice, and the teacher notes say so in every language of this lesson.";
      await decideRevision(db, english, englishReviewer, { kind: "request-changes", comment }, "127.0.0.1");
      const live = async (language: "ka" | "en") =>
        (await db.selectFrom("published").select("revision_id").where("lesson_slug", "=", sample).where("language", "=", language).executeTakeFirstOrThrow()).revision_id;

      const asAdmin = (await statusBoard(db, admin, "en")).find((row) => row.slug === sample)!;
      expect(asAdmin.title).toEqual({ title: "What is human trafficking?", language: "en" });
      expect(asAdmin.cells.ka).toMatchObject({ state: "in_review", revisionId: georgian, live: await live("ka"), comment: null, historyReadable: true });
      expect(asAdmin.cells.en).toMatchObject({ state: "changes_requested", revisionId: english, live: await live("en"), historyReadable: true });
      expect(asAdmin.cells.en.comment).toMatch(/^Keep the calm tone: a frightened student needs a calm voice, and the teacher notes say …$/);
      expect(asAdmin.cells.hy).toMatchObject({ state: "missing", revisionId: null, live: null, comment: null });

      // A Georgian reviewer reads neither the English comment nor the English history.
      const asGeorgian = (await statusBoard(db, georgianReviewer, "ka")).find((row) => row.slug === sample)!;
      expect(asGeorgian.title).toEqual({ title: "რა არის ადამიანით ვაჭრობა?", language: "ka" });
      expect(asGeorgian.cells.en).toMatchObject({ state: "changes_requested", comment: null, revisionReadable: false, historyReadable: false });
      expect(asGeorgian.cells.ka).toMatchObject({ revisionReadable: true, historyReadable: true });
      // Once approved, the Georgian cell is published again, with nothing else live.
      await decideRevision(db, georgian, georgianReviewer, { kind: "approve" }, "127.0.0.1");
      const after = (await statusBoard(db, admin, "en")).find((row) => row.slug === sample)!;
      expect(after.cells.ka).toMatchObject({ state: "published", revisionId: georgian, live: null });
    }),
  );
});
