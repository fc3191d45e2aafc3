import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import path from "node:path";
import { sql, type Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import { listAudit, recordAudit } from "~/db/audit.server";
import { firstImportComment, migrationProvider } from "~/db/migrations";
import {
  createDatabase,
  dialectOf,
  migrateToLatest,
  parseDatabaseUrl,
  violatedConstraint,
  type ConstraintKind,
} from "~/db/database.server";
import { timestampOf, type Database, type RevisionStatus } from "~/db/schema";
import { describeEachDatabase } from "./databases";

const runId = randomBytes(3).toString("hex");
let sequence = 0;
/** Names no other test in the same database uses. */
function unique(prefix: string): string {
  sequence += 1;
  return `${prefix}-${runId}-${sequence}`;
}

const sha256Hex = () => randomBytes(32).toString("hex");

async function createUser(db: Kysely<Database>, role: "admin" | "editor" | "reviewer" = "reviewer") {
  return db
    .insertInto("users")
    .values({ email: `${unique("user")}@example.ge`, name: "Nino", role, password_hash: "not-a-real-hash" })
    .returningAll()
    .executeTakeFirstOrThrow();
}

async function createLesson(db: Kysely<Database>) {
  return db
    .insertInto("lessons")
    .values({ slug: unique("lesson"), source_language: "ka", metadata: "order: 1\n" })
    .returningAll()
    .executeTakeFirstOrThrow();
}

async function createRevision(
  db: Kysely<Database>,
  lessonSlug: string,
  language = "ka",
  status: RevisionStatus = "in_review",
) {
  return db
    .insertInto("revisions")
    .values({
      lesson_slug: lessonSlug,
      language,
      content: "---\ntitle: Lesson\n---\n",
      content_hash: sha256Hex(),
      origin: "file",
      status,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Expects the statement to fail on the given kind of constraint, in either database. */
async function expectViolation(statement: Promise<unknown>, kind: ConstraintKind, constraintName?: RegExp) {
  const error = await statement.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error, "the statement succeeded").toBeInstanceOf(Error);
  expect(violatedConstraint(error), String(error)).toBe(kind);
  if (constraintName) expect((error as Error).message).toMatch(constraintName);
}

/** Resolves for everyone once `parties` callers have arrived. */
function barrier(parties: number) {
  let arrived = 0;
  let release: () => void = () => {};
  const everyone = new Promise<void>((resolve) => (release = resolve));
  return {
    async arrive() {
      arrived += 1;
      if (arrived === parties) release();
      await everyone;
    },
  };
}

const repositoryRoot = path.resolve(import.meta.dirname, "../..");

/** Run as `node -e`: argv[1] is the SQLite file, argv[2] the revision id. */
const decideInAnotherProcess = `
  const Database = require("better-sqlite3");
  const database = new Database(process.argv[1]);
  database.pragma("busy_timeout = 5000");
  database.exec("begin immediate");
  process.stdout.write("locked\\n");
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
  database.prepare("update revisions set status = 'changes_requested' where id = ?").run(Number(process.argv[2]));
  database.exec("commit");
`;

const isoUtcTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describeEachDatabase("the schema", (getDb) => {
  it("has every table after migrating, and migrating again runs nothing", async () => {
    const { db } = getDb();
    const tables = (await db.introspection.getTables()).map((table) => table.name).sort();
    expect(tables).toEqual([
      "audit_log",
      "lessons",
      "login_attempts",
      "pdf_documents",
      "published",
      "revisions",
      "sessions",
      "users",
    ]);
    expect(await migrateToLatest(db)).toEqual([]);
  });

  it("0003 takes the English first-import comment off the revisions the first import approved, and nothing else", async () => {
    const { db } = getDb();
    const lesson = await createLesson(db);
    const reviewer = await createUser(db);
    const at = timestampOf(new Date());
    const imported = await createRevision(db, lesson.slug, "ka", "approved");
    await db.updateTable("revisions").set({ comment: firstImportComment, decided_at: at }).where("id", "=", imported.id).execute();
    // A reviewer who happened to write the same words keeps them.
    const byReviewer = await createRevision(db, lesson.slug, "hy", "changes_requested");
    await db.updateTable("revisions").set({ comment: firstImportComment, decided_by: reviewer.id, decided_at: at }).where("id", "=", byReviewer.id).execute();
    const migration = (await migrationProvider(dialectOf(db)).getMigrations())["0003-first-import-comment"]!;
    await migration.up(db as unknown as Kysely<unknown>);
    const comments = await db.selectFrom("revisions").select(["id", "comment"]).where("id", "in", [imported.id, byReviewer.id]).orderBy("id").execute();
    expect(comments).toEqual([
      { id: imported.id, comment: null },
      { id: byReviewer.id, comment: firstImportComment },
    ]);
  });

  it("numbers ids itself and stamps rows with ISO-8601 UTC text", async () => {
    const { db } = getDb();
    const first = await createUser(db);
    const second = await createUser(db);
    expect(typeof first.id).toBe("number");
    expect(second.id).toBeGreaterThan(first.id);
    expect(first.created_at).toMatch(isoUtcTimestamp);
    expect(Math.abs(Date.parse(first.created_at) - Date.now())).toBeLessThan(60_000);
  });

  it("refuses a second account with the same email", async () => {
    const { db } = getDb();
    const user = await createUser(db);
    await expectViolation(
      db.insertInto("users").values({ email: user.email, name: "Other", role: "editor", password_hash: "x" }).execute(),
      "unique",
    );
  });

  it("refuses an email that is not stored lowercase, so uniqueness ignores case", async () => {
    const { db } = getDb();
    await expectViolation(
      db.insertInto("users").values({ email: "Nino@Example.GE", name: "Nino", role: "editor", password_hash: "x" }).execute(),
      "check",
      /users_email_lowercase/,
    );
  });

  it("refuses a role other than admin, editor or reviewer", async () => {
    const { db } = getDb();
    const values = { email: `${unique("user")}@example.ge`, name: "X", role: "superuser", password_hash: "x" };
    await expectViolation(
      // The cast is the point: the check must hold even when the types are bypassed.
      db.insertInto("users").values(values as never).execute(),
      "check",
      /users_role_check/,
    );
  });

  it("refuses the revision status 'bogus'", async () => {
    const { db } = getDb();
    const lesson = await createLesson(db);
    await expectViolation(createRevision(db, lesson.slug, "ka", "bogus" as RevisionStatus), "check", /revisions_status_check/);
  });

  it("refuses a timestamp that is not ISO-8601 UTC with milliseconds (it would sort wrongly)", async () => {
    const { db } = getDb();
    const user = await createUser(db);
    await expectViolation(
      db.updateTable("users").set({ disabled_at: "2026-11-03 09:15:00" }).where("id", "=", user.id).execute(),
      "check",
      /users_disabled_at_timestamp/,
    );
    await expectViolation(
      db.updateTable("users").set({ disabled_at: "2026-11-03T09:15:00Z" }).where("id", "=", user.id).execute(),
      "check",
      /users_disabled_at_timestamp/,
    );
  });

  it("refuses a session id that is not a sha256 hex, such as the raw token", async () => {
    const { db } = getDb();
    const user = await createUser(db);
    const expiresAt = timestampOf(new Date(Date.now() + 3_600_000));
    await expectViolation(
      db.insertInto("sessions").values({ id: randomBytes(32).toString("base64url"), user_id: user.id, expires_at: expiresAt }).execute(),
      "check",
      /sessions_id_is_token_hash/,
    );
    await db.insertInto("sessions").values({ id: sha256Hex(), user_id: user.id, expires_at: expiresAt }).execute();
  });

  it("enforces foreign keys: no revision of a lesson that does not exist", async () => {
    const { db } = getDb();
    await expectViolation(createRevision(db, unique("missing-lesson")), "foreign_key");
  });

  it("keeps one publication per lesson and language (the primary key)", async () => {
    const { db } = getDb();
    const lesson = await createLesson(db);
    const first = await createRevision(db, lesson.slug, "ka", "approved");
    const second = await createRevision(db, lesson.slug, "ka", "approved");
    await db.insertInto("published").values({ lesson_slug: lesson.slug, language: "ka", revision_id: first.id }).execute();
    await expectViolation(
      db.insertInto("published").values({ lesson_slug: lesson.slug, language: "ka", revision_id: second.id }).execute(),
      "unique",
    );
    // Publishing a newer revision is an upsert on that key.
    await db
      .insertInto("published")
      .values({ lesson_slug: lesson.slug, language: "ka", revision_id: second.id })
      .onConflict((conflict) =>
        conflict.columns(["lesson_slug", "language"]).doUpdateSet((excluded) => ({
          revision_id: excluded.ref("excluded.revision_id"),
          published_at: excluded.ref("excluded.published_at"),
        })),
      )
      .execute();
    const rows = await db.selectFrom("published").selectAll().where("lesson_slug", "=", lesson.slug).execute();
    expect(rows.map((row) => [row.language, row.revision_id])).toEqual([["ka", second.id]]);
  });

  it("refuses to publish a revision under another language or lesson", async () => {
    const { db } = getDb();
    const lesson = await createLesson(db);
    const georgian = await createRevision(db, lesson.slug, "ka", "approved");
    await expectViolation(
      db.insertInto("published").values({ lesson_slug: lesson.slug, language: "hy", revision_id: georgian.id }).execute(),
      "foreign_key",
    );
  });
});

describeEachDatabase("transactions", (getDb, dialect) => {
  it("roll back completely when the work throws, audit entry included", async () => {
    const { db } = getDb();
    const slug = unique("lesson");
    const action = unique("lesson.import");
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto("lessons").values({ slug, source_language: "ka", metadata: "order: 1\n" }).execute();
        await createRevision(trx, slug);
        await recordAudit(trx, { actorId: null, actor: "system", action, subject: `lesson:${slug}` });
        throw new Error("the import was interrupted");
      }),
    ).rejects.toThrow("the import was interrupted");
    expect(await db.selectFrom("lessons").select("slug").where("slug", "=", slug).execute()).toEqual([]);
    expect(await db.selectFrom("revisions").select("id").where("lesson_slug", "=", slug).execute()).toEqual([]);
    expect(await listAudit(db, { action, limit: 10, offset: 0 })).toEqual([]);
  });

  it("roll back the earlier statements when a later one breaks a constraint", async () => {
    const { db } = getDb();
    const slug = unique("lesson");
    await expectViolation(
      db.transaction().execute(async (trx) => {
        await trx.insertInto("lessons").values({ slug, source_language: "ka", metadata: "" }).execute();
        await createRevision(trx, slug, "ka", "bogus" as RevisionStatus);
      }),
      "check",
    );
    expect(await db.selectFrom("lessons").select("slug").where("slug", "=", slug).execute()).toEqual([]);
  });

  it("let exactly one of two racing reviewers approve a revision in review", async () => {
    const { db } = getDb();
    const reviewers = [await createUser(db), await createUser(db)];
    const lesson = await createLesson(db);
    const revision = await createRevision(db, lesson.slug);
    // On PostgreSQL both transactions read the revision before either writes, so both have seen
    // "in_review" and only the conditional update can stop the second. SQLite queues transactions
    // on its one connection: waiting there for the other transaction would wait forever.
    const bothHaveRead = dialect === "postgres" ? barrier(2) : undefined;
    const approve = (reviewerId: number) =>
      db.transaction().execute(async (trx) => {
        const seen = await trx.selectFrom("revisions").select("status").where("id", "=", revision.id).executeTakeFirstOrThrow();
        await bothHaveRead?.arrive();
        const result = await trx
          .updateTable("revisions")
          .set({ status: "approved", decided_by: reviewerId, decided_at: timestampOf(new Date()) })
          .where("id", "=", revision.id)
          .where("status", "=", "in_review")
          .executeTakeFirstOrThrow();
        return { statusSeen: seen.status, updatedRows: Number(result.numUpdatedRows) };
      });

    const outcomes = await Promise.all(reviewers.map((reviewer) => approve(reviewer.id)));

    expect(outcomes.map((outcome) => outcome.updatedRows).sort()).toEqual([0, 1]);
    if (dialect === "postgres") expect(outcomes.map((outcome) => outcome.statusSeen)).toEqual(["in_review", "in_review"]);
    const winner = reviewers[outcomes.findIndex((outcome) => outcome.updatedRows === 1)];
    const stored = await db.selectFrom("revisions").selectAll().where("id", "=", revision.id).executeTakeFirstOrThrow();
    expect(stored.status).toBe("approved");
    expect(stored.decided_by).toBe(winner?.id);
  });
  it.runIf(dialect === "sqlite")("wait for another process's write on SQLite instead of failing", async () => {
    const { db, url } = getDb();
    const lesson = await createLesson(db);
    const revision = await createRevision(db, lesson.slug);
    // Another process (the CLI, say) takes the write lock, holds it 300 ms and decides first.
    const otherProcess = spawn(process.execPath, ["-e", decideInAnotherProcess, url, String(revision.id)], {
      cwd: repositoryRoot,
      stdio: ["ignore", "pipe", "inherit"],
    });
    const exited = once(otherProcess, "exit");
    await once(otherProcess.stdout, "data");

    // A plain BEGIN would read first and fail with SQLITE_BUSY on the write; BEGIN IMMEDIATE waits.
    const outcome = await db.transaction().execute(async (trx) => {
      const seen = await trx.selectFrom("revisions").select("status").where("id", "=", revision.id).executeTakeFirstOrThrow();
      const result = await trx
        .updateTable("revisions")
        .set({ status: "approved", decided_at: timestampOf(new Date()) })
        .where("id", "=", revision.id)
        .where("status", "=", "in_review")
        .executeTakeFirstOrThrow();
      return { statusSeen: seen.status, updatedRows: Number(result.numUpdatedRows) };
    });

    expect(await exited).toEqual([0, null]);
    expect(outcome).toEqual({ statusSeen: "changes_requested", updatedRows: 0 });
  });
});

describeEachDatabase("the audit log", (getDb, dialect) => {
  it("records an entry and reads it back with its JSON details", async () => {
    const { db } = getDb();
    const reviewer = await createUser(db);
    const action = unique("revision.approve");
    const recorded = await recordAudit(db, {
      actorId: reviewer.id,
      actor: reviewer.email.toUpperCase(),
      action,
      subject: "revision:42",
      details: { language: "hy", previous: "in_review", followsRevision: null, languages: ["hy", "az"] },
      ip: "203.0.113.7",
    });
    expect(recorded.at).toMatch(isoUtcTimestamp);
    expect(await listAudit(db, { action, limit: 10, offset: 0 })).toEqual([
      {
        id: recorded.id,
        at: recorded.at,
        actorId: reviewer.id,
        actor: reviewer.email,
        action,
        subject: "revision:42",
        details: { language: "hy", previous: "in_review", followsRevision: null, languages: ["hy", "az"] },
        ip: "203.0.113.7",
      },
    ]);
  });

  it("lists entries newest first, filtered by action, actor and time, a page at a time", async () => {
    const { db } = getDb();
    const approve = unique("revision.approve");
    const requestChanges = unique("revision.request_changes");
    const ana = `${unique("ana")}@example.ge`;
    // A year no other test writes in, so the time filters see only these entries.
    const minute = (offset: number) => new Date(Date.UTC(2031, 0, 15, 10, offset));
    const events = [
      { at: minute(0), actor: ana, action: approve },
      { at: minute(1), actor: "system", action: approve },
      { at: minute(2), actor: ana, action: requestChanges },
      { at: minute(3), actor: ana, action: approve },
    ];
    for (const event of events) await recordAudit(db, { actorId: null, ...event });
    const shape = (entries: Awaited<ReturnType<typeof listAudit>>) =>
      entries.map((entry) => `${entry.at.slice(14, 16)} ${entry.actor === "system" ? "system" : "ana"} ${entry.action === approve ? "approve" : "changes"}`);
    const year = { since: new Date(Date.UTC(2031, 0, 1)), until: new Date(Date.UTC(2032, 0, 1)), limit: 50, offset: 0 };

    expect(shape(await listAudit(db, year))).toEqual(["03 ana approve", "02 ana changes", "01 system approve", "00 ana approve"]);
    expect(shape(await listAudit(db, { ...year, action: approve }))).toEqual(["03 ana approve", "01 system approve", "00 ana approve"]);
    expect(shape(await listAudit(db, { ...year, actor: ana.toUpperCase(), action: approve }))).toEqual(["03 ana approve", "00 ana approve"]);
    // since is inclusive, until exclusive: adjacent ranges never share an entry.
    expect(shape(await listAudit(db, { ...year, since: minute(1), until: minute(3) }))).toEqual(["02 ana changes", "01 system approve"]);
    expect(shape(await listAudit(db, { ...year, limit: 2, offset: 0 }))).toEqual(["03 ana approve", "02 ana changes"]);
    expect(shape(await listAudit(db, { ...year, limit: 2, offset: 2 }))).toEqual(["01 system approve", "00 ana approve"]);
    await expect(listAudit(db, { ...year, limit: 0 })).rejects.toThrow(RangeError);
  });

  it("is append-only: the database refuses to change or remove an entry", async () => {
    const { db } = getDb();
    const action = unique("user.disable");
    const entry = await recordAudit(db, { actorId: null, actor: "system", action });
    await expect(db.updateTable("audit_log").set({ actor: "someone-else" }).where("id", "=", entry.id).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(db.deleteFrom("audit_log").where("id", "=", entry.id).execute()).rejects.toThrow(/append-only/);
    if (dialect === "postgres") await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/);
    expect(await listAudit(db, { action, limit: 10, offset: 0 })).toEqual([entry]);
  });
});

describeEachDatabase("connections", (getDb, dialect) => {
  it.runIf(dialect === "postgres")("put every pooled PostgreSQL connection in the ?schema= schema", async () => {
    const { db, url } = getDb();
    const schema = new URL(url).searchParams.get("schema");
    // Held open at once, so the pool has to use (and set up) several connections.
    const seen = await Promise.all(
      Array.from({ length: 4 }, () =>
        sql<{ schema: string }>`select current_schema() as schema from pg_sleep(0.05)`.execute(db),
      ),
    );
    expect(seen.map((result) => result.rows[0]?.schema)).toEqual([schema, schema, schema, schema]);
  });

  it.runIf(dialect === "sqlite")("open SQLite in WAL mode with foreign keys on", async () => {
    const { db } = getDb();
    const pragma = async (name: string) => Object.values((await sql.raw(`pragma ${name}`).execute(db)).rows[0] ?? {})[0];
    expect(await pragma("journal_mode")).toBe("wal");
    expect(await pragma("foreign_keys")).toBe(1);
    expect(await pragma("busy_timeout")).toBe(5000);
  });
});

describe("database URLs", () => {
  it("take postgres:// and postgresql:// for PostgreSQL, with ?schema= becoming the search_path", () => {
    expect(parseDatabaseUrl("postgres://portal@db.internal:5432/portal")).toEqual({
      dialect: "postgres",
      connectionString: "postgres://portal@db.internal:5432/portal",
      schema: null,
    });
    const withSchema = parseDatabaseUrl("postgresql://portal@db.internal/portal?schema=staging&sslmode=require");
    expect(withSchema).toMatchObject({ dialect: "postgres", schema: "staging" });
    const parameters = new URL(withSchema.dialect === "postgres" ? withSchema.connectionString : "").searchParams;
    expect(parameters.get("schema")).toBeNull();
    expect(parameters.get("options")).toBe("-c search_path=staging");
    expect(parameters.get("sslmode")).toBe("require");
  });

  it("take anything else as a SQLite file path", () => {
    expect(parseDatabaseUrl("data/portal.db")).toEqual({ dialect: "sqlite", file: path.resolve("data/portal.db") });
    expect(parseDatabaseUrl(":memory:")).toEqual({ dialect: "sqlite", file: ":memory:" });
  });

  it("refuse other schemes and unsafe schema names without repeating the password", () => {
    expect(() => parseDatabaseUrl("mysql://root:s3cret@localhost/portal")).toThrow(/neither a postgres:\/\/ URL nor a file path/);
    expect(() => parseDatabaseUrl("postgres://u:s3cret@host/db?schema=x;drop")).toThrow(/lowercase identifier/);
    expect(() => parseDatabaseUrl("  ")).toThrow(/empty/);
    for (const url of ["mysql://root:s3cret@localhost/portal", "postgres://u:s3cret@host/db?schema=Bad"]) {
      const message = (() => {
        try {
          parseDatabaseUrl(url);
          return "accepted";
        } catch (error) {
          return (error as Error).message;
        }
      })();
      expect(message).toMatch(/^Invalid database URL/);
      expect(message).not.toContain("s3cret");
    }
  });

  it("choose the dialect without connecting", async () => {
    const postgres = createDatabase("postgres://nobody@127.0.0.1:9/none");
    expect(postgres.dialect).toBe("postgres");
    await postgres.close();
    const sqlite = createDatabase(":memory:");
    expect(sqlite.dialect).toBe("sqlite");
    await sqlite.close();
  });
});
