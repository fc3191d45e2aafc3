import path from "node:path";
import type { Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import { createUser, type User } from "~/auth/users.server";
import { checkCurriculum, type LessonSource } from "~/content/check";
import { readLessonSources } from "~/content/sources.server";
import { listAudit } from "~/db/audit.server";
import type { DatabaseDialect } from "~/db/database.server";
import type { Database } from "~/db/schema";
import { loadPublishedContent } from "~/publication/published.server";
import { checkRevision } from "~/review/check-revision.server";
import { decideRevision } from "~/review/decisions.server";
import { submitEditorRevision } from "~/review/editor.server";
import { ReviewConflict, ReviewRejected } from "~/review/review-errors";
import { translationMatrix } from "~/review/translation-status.server";
import { syncLessonFiles } from "~/publication/import.server";
import { verifyPdf } from "~/publication/verify.server";
import { openTestDatabase, testedDialects } from "../db/databases";
import { publishedText } from "../support/published";

const fixtures = readLessonSources(path.resolve(import.meta.dirname, "../fixtures/lessons/good"));
const sample = "sample-lesson";
const password = "a long enough password";

function withChangedFile(sources: LessonSource[], language: "ka" | "en", edit: (text: string) => string): LessonSource[] {
  return sources.map((source) =>
    source.slug === sample ? { ...source, languageTexts: { ...source.languageTexts, [language]: edit(source.languageTexts[language]!) } } : source,
  );
}

interface Installation {
  db: Kysely<Database>;
  reviewer: User;
  secondReviewer: User;
  georgianReviewer: User;
  editor: User;
}

/**
 * A fresh installation for one test: its own migrated database, the fixture curriculum imported (the
 * first import, approved by the system) and the staff accounts. No test sees another's rows.
 */
async function withInstallation(dialect: DatabaseDialect, test: (installation: Installation) => Promise<void>): Promise<void> {
  const database = await openTestDatabase(dialect);
  try {
    const { db } = database;
    await syncLessonFiles(db, fixtures, new Date("2026-11-01T09:00:00.000Z"));
    const account = (email: string, name: string, role: "reviewer" | "editor", languages: string) =>
      createUser(db, { email, name, role, languages, password }, { id: null, email: "test" });
    await test({
      db,
      reviewer: await account("reviewer@example.ge", "Reviewer", "reviewer", "en,hy"),
      secondReviewer: await account("second@example.ge", "Second", "reviewer", "en"),
      georgianReviewer: await account("ka@example.ge", "Georgian", "reviewer", "ka"),
      editor: await account("editor@example.ge", "Editor", "editor", "en"),
    });
  } finally {
    await database.dispose();
  }
}

describe.each(testedDialects())("the review workflow (%s)", (dialect) => {
  const installed = (test: (installation: Installation) => Promise<void>) => () => withInstallation(dialect, test);

  it("a fresh installation's first import is approved by the system, and the audit log says so", async () => {
    const database = await openTestDatabase(dialect);
    try {
      const { db } = database;
      const result = await syncLessonFiles(db, fixtures, new Date("2026-11-01T09:00:00.000Z"));
      expect(result.firstImport).toBe(true);
      expect(result.created).toHaveLength(3);
      const published = await db.selectFrom("published").selectAll().execute();
      expect(published).toHaveLength(3);
      const statuses = await db.selectFrom("revisions").select("status").execute();
      expect(statuses.every((row) => row.status === "approved")).toBe(true);
      const audit = await listAudit(db, { action: "curriculum.first-import", limit: 10, offset: 0 });
      expect(audit).toHaveLength(1);
      expect(audit[0]!.actor).toBe("system");
      // Nothing changed: a second sync creates nothing.
      expect((await syncLessonFiles(db, fixtures)).created).toEqual([]);
    } finally {
      await database.dispose();
    }
  });

  it(
    "a changed lesson file → in review, still private → approved → public",
    installed(async ({ db, reviewer }) => {
      const changed = withChangedFile(fixtures, "en", (text) => text.replace("Speak calmly.", "Speak calmly and slowly."));
      const { created, firstImport } = await syncLessonFiles(db, changed);
      expect(firstImport).toBe(false);
      expect(created).toHaveLength(1);
      const revisionId = created[0]!.revisionId;
      const before = await loadPublishedContent(db);
      expect(before.sources.find((source) => source.slug === sample)!.languageTexts.en).toContain("Speak calmly.");

      await decideRevision(db, revisionId, reviewer, { kind: "approve" }, "127.0.0.1");
      const after = await loadPublishedContent(db);
      expect(after.sources.find((source) => source.slug === sample)!.languageTexts.en).toContain("Speak calmly and slowly.");
      expect(after.revisions.get(sample)!.en!.revisionId).toBe(revisionId);
      const approvals = await listAudit(db, { action: "revision.approve", limit: 10, offset: 0 });
      expect(approvals.map((entry) => entry.subject)).toContain(`revision:${revisionId}`);
    }),
  );

  it(
    "changes requested → the revision stays private, with the reviewer's comment",
    installed(async ({ db, reviewer }) => {
      const changed = withChangedFile(fixtures, "en", (text) => text.replace("Speak calmly.", "Speak very loudly."));
      const { created } = await syncLessonFiles(db, changed);
      await decideRevision(db, created[0]!.revisionId, reviewer, { kind: "request-changes", comment: "Keep the calm tone." }, "127.0.0.1");
      const revision = await db.selectFrom("revisions").selectAll().where("id", "=", created[0]!.revisionId).executeTakeFirstOrThrow();
      expect(revision.status).toBe("changes_requested");
      expect(revision.comment).toBe("Keep the calm tone.");
      const published = await loadPublishedContent(db);
      expect(published.sources.find((source) => source.slug === sample)!.languageTexts.en).not.toContain("loudly");
    }),
  );

  it(
    "an editor's text becomes a revision in review that follows the published source; its author cannot approve it",
    installed(async ({ db, editor }) => {
      const current = await publishedText(db, sample, "en");
      const id = await submitEditorRevision(db, { slug: sample, language: "en", content: current.replace("Speak calmly", "Speak gently"), author: editor, ip: "127.0.0.1" });
      const revision = await db.selectFrom("revisions").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
      expect(revision.status).toBe("in_review");
      expect(revision.origin).toBe("editor");
      const georgianSource = (await loadPublishedContent(db)).revisions.get(sample)!.ka!.revisionId;
      expect(revision.follows).toBe(georgianSource);
      await expect(decideRevision(db, id, editor, { kind: "approve" }, "127.0.0.1")).rejects.toBeInstanceOf(ReviewRejected);
    }),
  );

  it(
    "refuses an editor's text that breaks the content rules, saving nothing",
    installed(async ({ db, editor }) => {
      const count = async () => Number((await db.selectFrom("revisions").select(db.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
      const before = await count();
      const broken = "---\ntitle: T\nsummary: S\n---\n\n# objectives\n\n<script>alert(1)</script>\n";
      await expect(submitEditorRevision(db, { slug: sample, language: "en", content: broken, author: editor, ip: "127.0.0.1" })).rejects.toBeInstanceOf(ReviewRejected);
      expect(await count()).toBe(before);
    }),
  );

  it(
    "a wrong term or a fact that differs from the source: the text is refused, with each problem at its line",
    installed(async ({ db, editor }) => {
      const current = await publishedText(db, sample, "en");
      const wrongTerm = current.replace("# teacher-notes\n\n", "# teacher-notes\n\nPeople smuggling is not trafficking.\n\n");
      const termRefusal = await submitEditorRevision(db, { slug: sample, language: "en", content: wrongTerm, author: editor, ip: "127.0.0.1" }).catch((error: unknown) => error);
      expect(termRefusal).toBeInstanceOf(ReviewRejected);
      expect((termRefusal as ReviewRejected).problems.map((problem) => problem.message)).toContain(
        '"People smuggling" is not the approved term (smuggling): use "smuggling of migrants"',
      );
      const otherNumber = current.replace("+995 32 2 91 34 61", "+995 32 2 91 34 62");
      const factRefusal = await submitEditorRevision(db, { slug: sample, language: "en", content: otherNumber, author: editor, ip: "127.0.0.1" }).catch((error: unknown) => error);
      expect((factRefusal as ReviewRejected).problems.map((problem) => problem.message)).toContain("the help line reads +995 32 2 91 34 62; ka.md has +995 32 2 91 34 61");
    }),
  );

  it(
    "two reviewers racing on one revision: exactly one wins, the other gets a conflict, and nothing is done twice",
    installed(async ({ db, reviewer, secondReviewer, editor }) => {
      const current = await publishedText(db, sample, "en");
      const id = await submitEditorRevision(db, { slug: sample, language: "en", content: current.replace("Speak", "Please speak"), author: editor, ip: "127.0.0.1" });
      const outcomes = await Promise.allSettled([
        decideRevision(db, id, reviewer, { kind: "approve" }, "127.0.0.1"),
        decideRevision(db, id, secondReviewer, { kind: "request-changes", comment: "No." }, "127.0.0.1"),
      ]);
      expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
      const rejected = outcomes.find((outcome) => outcome.status === "rejected") as PromiseRejectedResult;
      expect(rejected.reason).toBeInstanceOf(ReviewConflict);
      const decisions = await db.selectFrom("audit_log").select("action").where("subject", "=", `revision:${id}`).where("action", "like", "revision.%").execute();
      expect(decisions.map((entry) => entry.action).filter((action) => action !== "revision.submit")).toHaveLength(1);
      // Deciding it again is a conflict too.
      await expect(decideRevision(db, id, reviewer, { kind: "approve" }, "127.0.0.1")).rejects.toBeInstanceOf(ReviewConflict);
    }),
  );

  it(
    "the translation matrix marks a translation outdated when its source is approved again",
    installed(async ({ db, reviewer, georgianReviewer, editor }) => {
      // A fresh English text follows the current Georgian source and is published.
      const current = await publishedText(db, sample, "en");
      const english = await submitEditorRevision(db, { slug: sample, language: "en", content: current.replace("Read the cards with your group", "Read all the cards with your group"), author: editor, ip: "127.0.0.1" });
      await decideRevision(db, english, reviewer, { kind: "approve" }, "127.0.0.1");
      const matrixBefore = await translationMatrix(db);
      expect(matrixBefore.find((row) => row.slug === sample)!.cells.hy.state).toBe("missing");
      expect(matrixBefore.find((row) => row.slug === sample)!.cells.en.state).toBe("published");
      // The Georgian source changes; the English file stays as it was imported.
      const changed = withChangedFile(fixtures, "ka", (text) => text.replace("მშვიდად ისაუბრეთ.", "მშვიდად და ნელა ისაუბრეთ."));
      const { created } = await syncLessonFiles(db, changed);
      expect(created.map((entry) => entry.language)).toEqual(["ka"]);
      const georgian = created[0]!;
      await decideRevision(db, georgian.revisionId, georgianReviewer, { kind: "approve" }, "127.0.0.1");
      const row = (await translationMatrix(db)).find((entry) => entry.slug === sample)!;
      expect(row.cells.ka.state).toBe("published");
      expect(row.cells.en.state).toBe("outdated");
    }),
  );

  it(
    "a source approval that changes the structure leaves its translations public, marked outdated, and the reviewer is told first",
    installed(async ({ db, georgianReviewer }) => {
      // The Georgian source moves five minutes from one activity to the other: the English translation
      // (10 + 35 minutes) no longer keeps its structure.
      const changed = withChangedFile(fixtures, "ka", (text) => text.replace("## გახურება {10 min}", "## გახურება {15 min}").replace("{35 min}", "{30 min}"));
      const { created } = await syncLessonFiles(db, changed);
      expect(created.map((entry) => entry.language)).toEqual(["ka"]);
      const georgian = await db.selectFrom("revisions").select(["content", "metadata"]).where("id", "=", created[0]!.revisionId).executeTakeFirstOrThrow();
      const lessonRow = await db.selectFrom("lessons").select("metadata").where("slug", "=", sample).executeTakeFirstOrThrow();
      const before = await checkRevision(db, { slug: sample, language: "ka", content: georgian.content, metadata: georgian.metadata ?? lessonRow.metadata });
      expect(before.problems, JSON.stringify(before.problems)).toEqual([]);
      expect(before.affectedTranslations.map((entry) => entry.language)).toEqual(["en"]);
      expect(before.affectedTranslations[0]!.differences.map((difference) => difference.message).join("\n")).toMatch(/activity 1 lasts 10 min, but in the source .* it lasts 15 min/);

      await decideRevision(db, created[0]!.revisionId, georgianReviewer, { kind: "approve" }, "127.0.0.1");
      const { sources } = await loadPublishedContent(db);
      const served = checkCurriculum(sources, { keepOutdatedTranslations: true });
      const lesson = served.lessons.find((candidate) => candidate.slug === sample)!;
      expect(Object.keys(lesson.documents).sort()).toEqual(["en", "ka"]);
      expect(served.outdated.map((entry) => `${entry.slug}/${entry.language}`)).toEqual([`${sample}/en`]);
      expect(served.problems, JSON.stringify(served.problems)).toEqual([]);
      expect((await translationMatrix(db)).find((row) => row.slug === sample)!.cells.en.state).toBe("outdated");
      // A new translation must still match its source: checked strictly, the English is refused.
      expect(checkCurriculum(sources).problems.some((problem) => problem.file.endsWith("/en.md"))).toBe(true);
    }),
  );

  it(
    "/verify tells the current version from an earlier one and from an unknown hash",
    installed(async ({ db }) => {
      const published = await loadPublishedContent(db);
      const english = published.revisions.get(sample)!.en!.revisionId;
      const now = new Date().toISOString();
      await db.insertInto("pdf_documents").values({ sha256: "a".repeat(64), cache_key: "k1", kind: "handout", language: "en", revision_ids: JSON.stringify([{ slug: sample, language: "en", revisionId: english }]), created_at: now }).execute();
      await db.insertInto("pdf_documents").values({ sha256: "b".repeat(64), cache_key: "k2", kind: "handout", language: "en", revision_ids: JSON.stringify([{ slug: sample, language: "en", revisionId: 1 }]), created_at: now }).execute();
      expect((await verifyPdf(db, "a".repeat(64))).kind).toBe("current");
      const earlier = await verifyPdf(db, "b".repeat(64));
      expect(earlier.kind).toBe("earlier");
      if (earlier.kind === "earlier") expect(earlier.changes[0]).toMatchObject({ slug: sample, language: "en", from: 1, to: english });
      expect((await verifyPdf(db, "c".repeat(64))).kind).toBe("unknown");
    }),
  );

  it(
    "a revision with a wrong term that reached review from a file cannot be approved",
    installed(async ({ db, reviewer }) => {
      const changed = withChangedFile(fixtures, "en", (text) => text.replace("Speak calmly.", "Speak calmly about human smuggling."));
      const { created } = await syncLessonFiles(db, changed);
      const revisionId = created.find((entry) => entry.language === "en")!.revisionId;
      const refusal = await decideRevision(db, revisionId, reviewer, { kind: "approve" }, "127.0.0.1").catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(ReviewRejected);
      const row = await db.selectFrom("revisions").select("status").where("id", "=", revisionId).executeTakeFirstOrThrow();
      expect(row.status).toBe("in_review");
      await decideRevision(db, revisionId, reviewer, { kind: "request-changes", comment: "Use the approved term." }, "127.0.0.1");
    }),
  );
});

describe.each(testedDialects())("files that content check rejects (%s)", (dialect) => {
  const installed = (test: (installation: Installation) => Promise<void>) => () => withInstallation(dialect, test);

  it(
    "a broken lesson.yaml never takes a published lesson offline, and is not imported",
    installed(async ({ db }) => {
      const before = await db.selectFrom("lessons").select("metadata").where("slug", "=", sample).executeTakeFirstOrThrow();
      const broken = fixtures.map((source) => (source.slug === sample ? { ...source, metadataText: "order: 1\nminutes: many\n" } : source));
      const result = await syncLessonFiles(db, broken);
      expect(result.refused.map((problem) => `${problem.file}:${problem.line}`)).toContain("good/sample-lesson/lesson.yaml:2");
      const after = await db.selectFrom("lessons").select("metadata").where("slug", "=", sample).executeTakeFirstOrThrow();
      expect(after.metadata).toBe(before.metadata);
      const published = await loadPublishedContent(db);
      expect(published.sources.find((source) => source.slug === sample)!.metadataText).toBe(before.metadata);
    }),
  );

  it(
    "a lesson file with a problem never becomes a revision in review",
    installed(async ({ db }) => {
      const count = async () => Number((await db.selectFrom("revisions").select(db.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
      const before = await count();
      const broken = withChangedFile(fixtures, "en", (text) => text.replace("{35 min}", "{30 min}"));
      const result = await syncLessonFiles(db, broken);
      expect(result.created).toEqual([]);
      expect(result.refused.some((problem) => problem.file === "good/sample-lesson/en.md")).toBe(true);
      expect(await count()).toBe(before);
    }),
  );

  it(
    "a changed lesson.yaml goes through review: in force only once approved, and the audit log says what it was",
    installed(async ({ db, georgianReviewer }) => {
      const before = (await db.selectFrom("lessons").select("metadata").where("slug", "=", sample).executeTakeFirstOrThrow()).metadata;
      const proposed = before.replace("grades: [8, 9, 10, 11]", "grades: [9, 10, 11]");
      const changed = fixtures.map((source) => (source.slug === sample ? { ...source, metadataText: proposed } : source));
      const { created } = await syncLessonFiles(db, changed);
      // One Georgian (source) revision carries it; the lesson is unchanged meanwhile.
      expect(created.map((entry) => entry.language)).toEqual(["ka"]);
      const revision = await db.selectFrom("revisions").selectAll().where("id", "=", created[0]!.revisionId).executeTakeFirstOrThrow();
      expect(revision.metadata).toBe(proposed);
      expect((await db.selectFrom("lessons").select("metadata").where("slug", "=", sample).executeTakeFirstOrThrow()).metadata).toBe(before);
      // Syncing again submits nothing new.
      expect((await syncLessonFiles(db, changed)).created).toEqual([]);
      await decideRevision(db, revision.id, georgianReviewer, { kind: "approve" }, "127.0.0.1");
      expect((await db.selectFrom("lessons").select("metadata").where("slug", "=", sample).executeTakeFirstOrThrow()).metadata).toBe(proposed);
      const entries = await listAudit(db, { action: "lesson.metadata-change", limit: 10, offset: 0 });
      expect(entries).toHaveLength(1);
      expect(entries[0]!.actor).toBe("ka@example.ge");
      expect(JSON.stringify(entries[0]!.details)).toContain("grades: [8, 9, 10, 11]");
    }),
  );
});

describe("accounts", () => {
  it("refuse a password shorter than 12 characters", async () => {
    const { createDatabase, migrateToLatest } = await import("~/db/database.server");
    const handle = createDatabase(":memory:");
    await migrateToLatest(handle.db);
    await expect(createUser(handle.db, { email: "x@example.ge", name: "X", role: "editor", password: "short" }, { id: null, email: "test" })).rejects.toThrow(/at least 12/);
    await handle.close();
  });
});
