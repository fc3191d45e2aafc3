import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase, migrateToLatest } from "~/db/database.server";
import { runCli } from "../support/server-process";

const directory = mkdtempSync(path.join(tmpdir(), "portal-backup-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** `npm run cli -- db backup <file>`, as an operator runs it. */
const backup = (file: string, databaseUrl: string) => runCli(databaseUrl, "db", "backup", file);

describe("npm run cli -- db backup <file>", () => {
  it("copies a live SQLite database, rows still in its WAL included, into one file that opens on its own", async () => {
    const source = path.join(directory, "live.db");
    const handle = createDatabase(source);
    try {
      await migrateToLatest(handle.db);
      const emails = ["editor-ka@backup.test", "editor-hy@backup.test", "admin@backup.test"];
      await handle.db
        .insertInto("users")
        .values(emails.map((email, index) => ({ email, name: `Person ${index}`, role: index === 2 ? "admin" : "editor", languages: null, password_hash: "not a real hash" })))
        .execute();
      // The server keeps its connection open: the rows are in portal.db-wal, not yet in the file itself.
      expect(statSync(`${source}-wal`).size).toBeGreaterThan(0);

      const target = path.join(directory, "backup.db");
      const result = backup(target, source);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`backed up ${source} to ${target}`);

      expect(existsSync(`${target}-wal`)).toBe(false);
      const copy = new SqliteDatabase(target, { readonly: true, fileMustExist: true });
      try {
        expect(copy.pragma("journal_mode", { simple: true })).toBe("delete");
        const rows = copy.prepare("select email, role from users order by email").all();
        expect(rows).toEqual([
          { email: "admin@backup.test", role: "admin" },
          { email: "editor-hy@backup.test", role: "editor" },
          { email: "editor-ka@backup.test", role: "editor" },
        ]);
      } finally {
        copy.close();
      }
    } finally {
      await handle.close();
    }
  });

  it("never overwrites an existing file", () => {
    const source = path.join(directory, "small.db");
    new SqliteDatabase(source).exec("create table notes (text text); insert into notes values ('new');").close();
    const target = path.join(directory, "older-backup.db");
    writeFileSync(target, "an older backup");
    const result = backup(target, source);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${target} exists already`);
    expect(readFileSync(target, "utf8")).toBe("an older backup");
  });

  it("refuses a PostgreSQL DATABASE_URL, points at pg_dump, and never prints the password", () => {
    const target = path.join(directory, "postgres.db");
    const result = backup(target, "postgres://portal:s3cret-password@db.internal:5432/portal?schema=portal");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("pg_dump --format=custom");
    expect(result.stderr).toContain("PostgreSQL");
    expect(`${result.stdout}${result.stderr}`).not.toContain("s3cret-password");
    expect(existsSync(target)).toBe(false);
  });
});
