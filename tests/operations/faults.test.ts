// Faults the portal must survive: a broken lesson file at start, a crash in the middle of an approval.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { createUser } from "~/auth/users.server";
import { readLessonSources } from "~/content/sources.server";
import { decideRevision } from "~/review/decisions.server";
import { submitEditorRevision } from "~/review/editor.server";
import { syncLessonFiles } from "~/publication/import.server";
import { describeEachDatabase } from "../db/databases";
import { publishedText } from "../support/published";
import { root, startServer, type ServerProcess } from "../support/server-process";

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe("a broken lesson file at start", () => {
  it("leaves that lesson out, logs why, and serves the others", async () => {
    const lessons = mkdtempSync(path.join(tmpdir(), "portal-broken-lessons-"));
    cleanups.push(() => rmSync(lessons, { recursive: true, force: true }));
    cpSync(path.join(root, "lessons"), lessons, { recursive: true });
    const broken = path.join(lessons, "safe-online", "ka.md");
    writeFileSync(broken, readFileSync(broken, "utf8").replace("# quiz", "# quiz\n\n<script>alert(1)</script>"));

    const server: ServerProcess = await startServer({ LESSONS_DIR: lessons });
    cleanups.push(() => server.dispose());
    expect((await fetch(`${server.url}/ka/lessons/what-is-trafficking`)).status).toBe(200);
    // The source language is broken: the lesson is left out in every language.
    expect((await fetch(`${server.url}/ka/lessons/safe-online`)).status).toBe(404);
    expect((await fetch(`${server.url}/en/lessons/safe-online`)).status).toBe(404);
    expect(server.output()).toMatch(/not imported: \S*safe-online\/ka\.md:\d+: raw HTML is not allowed/);
    const catalogue = await (await fetch(`${server.url}/en/lessons`)).text();
    expect(catalogue.match(/class="lesson-card"/g)).toHaveLength(7);
  }, 60_000);
});

describeEachDatabase("a crash in the middle of an approval", (getDb, dialect) => {
  it("leaves nothing half-done: the revision stays in review and the public text unchanged", async () => {
    const { db } = getDb();
    await syncLessonFiles(db, readLessonSources(path.resolve(import.meta.dirname, "../fixtures/lessons/good")));
    const password = "a long enough password";
    const reviewer = await createUser(db, { email: "crash-reviewer@example.ge", name: "R", role: "reviewer", languages: "en", password }, { id: null, email: "test" });
    const editor = await createUser(db, { email: "crash-editor@example.ge", name: "E", role: "editor", languages: "en", password }, { id: null, email: "test" });
    const before = await publishedText(db, "sample-lesson", "en");
    const id = await submitEditorRevision(db, { slug: "sample-lesson", language: "en", content: before.replace("Speak calmly.", "Speak calmly, always."), author: editor, ip: "127.0.0.1" });

    // The last step of an approval, the audit entry, fails: as if the process died there.
    if (dialect === "sqlite") {
      await sql`create trigger simulated_crash before insert on audit_log begin select raise(abort, 'simulated crash'); end`.execute(db);
    } else {
      await sql`create function simulated_crash() returns trigger language plpgsql as $$ begin raise exception 'simulated crash'; end $$`.execute(db);
      await sql`create trigger simulated_crash before insert on audit_log for each row execute function simulated_crash()`.execute(db);
    }
    await expect(decideRevision(db, id, reviewer, { kind: "approve" }, "127.0.0.1")).rejects.toThrow(/simulated crash/);
    if (dialect === "sqlite") await sql`drop trigger simulated_crash`.execute(db);
    else {
      await sql`drop trigger simulated_crash on audit_log`.execute(db);
      await sql`drop function simulated_crash()`.execute(db);
    }

    const revision = await db.selectFrom("revisions").select(["status", "decided_by", "decided_at"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(revision).toEqual({ status: "in_review", decided_by: null, decided_at: null });
    const after = await publishedText(db, "sample-lesson", "en");
    expect(after).toBe(before);
    // And the approval goes through once the fault is gone.
    await decideRevision(db, id, reviewer, { kind: "approve" }, "127.0.0.1");
    expect(await publishedText(db, "sample-lesson", "en")).toContain("always");
  });
});
