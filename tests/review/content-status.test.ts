// What reaches the authors of the lesson files: `content sync` refuses a broken file (file:line, exit 1)
// and imports the rest; `content status` lists what awaits review and what was sent back, with the
// reviewer's comment at the line it quotes. Run as an editor runs them: the CLI on a real database file.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createUser } from "~/auth/users.server";
import { createDatabase, migrateToLatest } from "~/db/database.server";
import { decideRevision } from "~/review/decisions.server";
import { lineQuotedBy } from "~/review/content-status.server";
import { runCli } from "../support/server-process";

const directory = mkdtempSync(path.join(tmpdir(), "portal-content-status-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
const fixtures = path.resolve(import.meta.dirname, "../fixtures/lessons/good");

const cli = runCli;

describe("content sync and content status, for the authors of the files", () => {
  it("refuses a broken file with file:line and imports the rest; lists revisions and the comments sent back", async () => {
    const lessons = path.join(directory, "lessons");
    cpSync(fixtures, lessons, { recursive: true });
    const databaseUrl = path.join(directory, "portal.db");
    const handle = createDatabase(databaseUrl);
    await migrateToLatest(handle.db);
    await handle.close();
    expect(cli(databaseUrl, "content", "sync", "--dir", lessons).code).toBe(0);

    // One good change in English, one broken Georgian file (the activities' minutes no longer add up).
    const english = path.join(lessons, "sample-lesson/en.md");
    writeFileSync(english, readFileSync(english, "utf8").replace("Read the cards with your group", "Read all the cards with your group"));
    const georgian = path.join(lessons, "sample-lesson/ka.md");
    writeFileSync(georgian, readFileSync(georgian, "utf8").replace("{35 min}", "{40 min}"));
    const sync = cli(databaseUrl, "content", "sync", "--dir", lessons);
    expect(sync.code).toBe(1);
    expect(sync.stdout).toMatch(/^lessons\/sample-lesson\/en\.md awaits review|revision \d+: lessons\/sample-lesson\/en\.md awaits review/m);
    expect(sync.stdout).toMatch(/lessons\/sample-lesson\/ka\.md:\d+: the activities' minutes add up to 50/);
    expect(sync.stdout).not.toMatch(/revision \d+: lessons\/sample-lesson\/ka\.md/);

    const database = createDatabase(databaseUrl);
    try {
      const reviewer = await createUser(database.db, { email: "reviewer@status.test", name: "R", role: "reviewer", languages: "en", password: "a long enough password" }, { id: null, email: "test" });
      const revision = await database.db.selectFrom("revisions").select("id").where("status", "=", "in_review").executeTakeFirstOrThrow();
      expect(cli(databaseUrl, "content", "status").stdout).toMatch(new RegExp(`^lessons/sample-lesson/en\\.md: revision ${revision.id} awaits review \\(from the lesson files\\)$`, "m"));
      await decideRevision(database.db, Number(revision.id), reviewer, { kind: "request-changes", comment: "“Read all the cards with your group” — say who reads aloud." }, "127.0.0.1");
    } finally {
      await database.close();
    }
    const line = readFileSync(english, "utf8").split("\n").findIndex((text) => text.includes("Read all the cards with your group")) + 1;
    const status = cli(databaseUrl, "content", "status");
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(new RegExp(`^lessons/sample-lesson/en\\.md:${line}: revision \\d+ sent back by reviewer@status\\.test on \\d{4}-\\d\\d-\\d\\d: “Read all the cards`, "m"));
    expect(status.stderr).toContain("0 awaiting review, 1 sent back");
  }, 60_000);

  it("points a comment at the line whose text it quotes, in any language's quotation marks", () => {
    const content = "# reading\n\nნინო სამსახურის შეთავაზებას იღებს.\n\nNarek reads «the contract» twice.";
    expect(lineQuotedBy("„სამსახურის შეთავაზებას“ — სხვა სიტყვა სჯობს", content)).toBe(3);
    expect(lineQuotedBy("«the contract»: which one?", content)).toBe(5);
    expect(lineQuotedBy("Too long overall.", content)).toBeNull();
  });
});
