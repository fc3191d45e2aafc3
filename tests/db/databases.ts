// Test databases for every dialect this machine can run: SQLite always (a file in a temporary
// directory), PostgreSQL when TEST_DATABASE_URL is set (a schema of its own, dropped afterwards, so
// runs never see each other's rows and leave nothing behind). Each is migrated before its tests.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, describe } from "vitest";
import { createDatabase, migrateToLatest, type DatabaseDialect } from "~/db/database.server";
import type { Database } from "~/db/schema";

export interface TestDatabase {
  db: Kysely<Database>;
  dialect: DatabaseDialect;
  /** What the database was opened from: a second handle on the same data opens this. */
  url: string;
}

interface OpenTestDatabase extends TestDatabase {
  dispose(): Promise<void>;
}

const postgresUrl = process.env.TEST_DATABASE_URL?.trim() || undefined;

/** The dialects this run tests: SQLite, and PostgreSQL when TEST_DATABASE_URL is set. */
export function testedDialects(): DatabaseDialect[] {
  return postgresUrl === undefined ? ["sqlite"] : ["sqlite", "postgres"];
}

/** A fresh, migrated database. The caller must call `dispose()`, which also deletes its data. */
export async function openTestDatabase(dialect: DatabaseDialect): Promise<OpenTestDatabase> {
  return dialect === "sqlite" ? openSqliteTestDatabase() : openPostgresTestDatabase();
}

async function openSqliteTestDatabase(): Promise<OpenTestDatabase> {
  const directory = mkdtempSync(path.join(tmpdir(), "portal-db-test-"));
  const url = path.join(directory, "portal.db");
  const handle = createDatabase(url);
  const dispose = async () => {
    await handle.close();
    // The directory, not only the file: WAL mode leaves portal.db-wal and portal.db-shm beside it.
    rmSync(directory, { recursive: true, force: true });
  };
  try {
    await migrateToLatest(handle.db);
  } catch (error) {
    await dispose();
    throw error;
  }
  return { db: handle.db, dialect: "sqlite", url, dispose };
}

async function openPostgresTestDatabase(): Promise<OpenTestDatabase> {
  if (postgresUrl === undefined) throw new Error("TEST_DATABASE_URL is not set");
  const schema = `test_${randomBytes(6).toString("hex")}`;
  const serverUrl = new URL(postgresUrl);
  serverUrl.searchParams.delete("schema");
  const admin = createDatabase(serverUrl.toString());
  await sql`create schema ${sql.id(schema)}`.execute(admin.db);
  const schemaUrl = new URL(serverUrl);
  schemaUrl.searchParams.set("schema", schema);
  const url = schemaUrl.toString();
  const handle = createDatabase(url);
  const dispose = async () => {
    await handle.close();
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin.db);
    await admin.close();
  };
  try {
    await migrateToLatest(handle.db);
  } catch (error) {
    await dispose();
    throw error;
  }
  return { db: handle.db, dialect: "postgres", url, dispose };
}

/**
 * `describe` once per tested dialect, each with its own migrated database for the whole block:
 *
 *     describeEachDatabase("revisions", (getDb, dialect) => {
 *       it("…", async () => { const { db } = getDb(); … });
 *     });
 *
 * The tests of one block share their database, so each test makes the rows it needs.
 * Without TEST_DATABASE_URL the PostgreSQL block is reported as skipped rather than left out silently.
 */
export function describeEachDatabase(
  name: string,
  body: (getDb: () => TestDatabase, dialect: DatabaseDialect) => void,
): void {
  describe.each(testedDialects())(`${name} (%s)`, (dialect) => {
    let database: OpenTestDatabase | undefined;
    beforeAll(async () => {
      database = await openTestDatabase(dialect);
    });
    afterAll(async () => {
      await database?.dispose();
      database = undefined;
    });
    body(() => {
      if (database === undefined) throw new Error("the test database opens in beforeAll: call getDb() inside a test");
      return database;
    }, dialect);
  });
  if (postgresUrl === undefined) {
    describe.skip(`${name} (postgres: set TEST_DATABASE_URL to run)`, () => {
      body(() => {
        throw new Error("PostgreSQL tests are skipped");
      }, "postgres");
    });
  }
}
