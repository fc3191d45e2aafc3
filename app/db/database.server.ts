// Opens the portal's database: a SQLite file by default (nothing to install or run), PostgreSQL when
// DATABASE_URL says postgres://. Both speak through the same Kysely<Database> and the same migrations.
//
// Transactions, and what they mean for code written against this module:
// - PostgreSQL: a pool of connections; transactions really run side by side. A conditional update
//   (`... where id = ? and status = 'in_review'`) takes the row lock, and a second transaction
//   updating the same row waits, re-reads it after the first commits, and updates nothing.
// - SQLite: better-sqlite3 is synchronous and Kysely gives it a single connection behind a mutex,
//   so transactions of one process queue up and never interleave. The same conditional update is
//   therefore just as decisive. The catch: inside `db.transaction().execute(async (trx) => …)` use
//   `trx` only. A query on `db` there waits for the connection the transaction holds: a deadlock.
// - Between processes (the CLI importing while the server runs), SQLite transactions start with
//   BEGIN IMMEDIATE: they take the write lock up front and wait (busy_timeout) for another process
//   to finish, instead of reading first and failing with SQLITE_BUSY when they try to write.
import { config } from "~/config.server";
import { mkdirSync } from "node:fs";
import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import {
  CompiledQuery,
  Kysely,
  Migrator,
  PostgresAdapter,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  sql,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  type MigrationResult,
  type SqliteDialectConfig,
} from "kysely";
import pg from "pg";
import { z } from "zod";
import { migrationProvider, type DatabaseDialect } from "./migrations";
import type { Database } from "./schema";

export type { DatabaseDialect };

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DatabaseDialect;
  /** Closes the SQLite file or ends the PostgreSQL pool. */
  close(): Promise<void>;
}

type DatabaseLocation =
  | { dialect: "sqlite"; file: string }
  | { dialect: "postgres"; connectionString: string; schema: string | null };

/** Relative to the working directory, like data/pdf-cache. */
export const defaultDatabaseFile = path.join("data", "portal.db");

const postgresScheme = /^postgres(?:ql)?:\/\//i;
const anyUrlScheme = /^[a-z][a-z0-9+.-]*:\/\//i;
// Lowercase only: PostgreSQL folds unquoted names to lowercase, and search_path is parsed unquoted.
const schemaName = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * `postgres://…` or `postgresql://…` (optionally `?schema=name`) or a SQLite file path.
 * Error messages never repeat the URL: it may hold a password.
 */
const databaseUrlSchema = z
  .string()
  .trim()
  .min(1, "is empty")
  .transform((url, context): DatabaseLocation => {
    if (postgresScheme.test(url)) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        context.addIssue({ code: z.ZodIssueCode.custom, message: "is not a valid PostgreSQL URL" });
        return z.NEVER;
      }
      const schema = parsed.searchParams.get("schema");
      parsed.searchParams.delete("schema");
      if (schema !== null) {
        if (!schemaName.test(schema)) {
          context.addIssue({
            code: z.ZodIssueCode.custom,
            message: "has a schema that is not a lowercase identifier ([a-z_][a-z0-9_]*)",
          });
          return z.NEVER;
        }
        // A startup option, so every connection of the pool has the search_path before its first
        // query; setting it from a pool "connect" handler would race the first query.
        const options = [parsed.searchParams.get("options"), `-c search_path=${schema}`].filter(Boolean).join(" ");
        parsed.searchParams.set("options", options);
      }
      return { dialect: "postgres", connectionString: parsed.toString(), schema };
    }
    if (anyUrlScheme.test(url)) {
      context.addIssue({ code: z.ZodIssueCode.custom, message: "is neither a postgres:// URL nor a file path" });
      return z.NEVER;
    }
    return { dialect: "sqlite", file: url === ":memory:" ? url : path.resolve(url) };
  });

export function parseDatabaseUrl(url: string): DatabaseLocation {
  const result = databaseUrlSchema.safeParse(url);
  if (!result.success) {
    throw new Error(`Invalid database URL: it ${result.error.issues.map((issue) => issue.message).join("; ")}`);
  }
  return result.data;
}

/** Opens a database; no query runs (and nothing connects to PostgreSQL) until the first use. */
export function createDatabase(url: string = defaultDatabaseFile): DatabaseHandle {
  return openDatabase(parseDatabaseUrl(url));
}

function openDatabase(location: DatabaseLocation): DatabaseHandle {
  const db = location.dialect === "postgres" ? openPostgres(location.connectionString) : openSqlite(location.file);
  return { db, dialect: location.dialect, close: () => db.destroy() };
}

function openSqlite(file: string): Kysely<Database> {
  if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
  const database = new SqliteDatabase(file);
  // busy_timeout first: switching to WAL needs a lock another process may briefly hold.
  database.pragma("busy_timeout = 5000");
  // WAL: readers never block the writer nor the writer the readers (page views during a review).
  database.pragma("journal_mode = WAL");
  // Off by default in SQLite, per connection; without it the schema's references are decoration.
  database.pragma("foreign_keys = ON");
  return new Kysely<Database>({ dialect: new PortalSqliteDialect({ database }) });
}

function openPostgres(connectionString: string): Kysely<Database> {
  // A database host that drops packets must not hold requests for the operating system's TCP timeout
  // (minutes): after 5 s the request answers 503 and the next one tries again.
  // A server that accepts connections and never answers must not hold requests either: every statement
  // ends after 10 s on the server (statement_timeout) and the client stops waiting 2 s later.
  const pool = new pg.Pool({ connectionString, connectionTimeoutMillis: 5_000, statement_timeout: 10_000, query_timeout: 12_000 });
  // An idle pooled connection that the server drops is reported as an "error" event on the pool;
  // unlistened, that event would end the process. The pool replaces the connection by itself.
  pool.on("error", (error) => console.error(`PostgreSQL: idle connection lost: ${error.message}`));
  // The pool listens only while a connection lies idle in it. A connection lost while in use (a query
  // running, a transaction between statements) is reported on its client too, and that event, unlistened,
  // ended the server. Nothing is lost by ignoring it: the running query, or the next one on that client,
  // fails with the same error, which its request answers with 503; the pool then drops the client.
  pool.on("connect", (client) => client.on("error", ignoreErrorAlsoGivenToTheQuery));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

function ignoreErrorAlsoGivenToTheQuery(): void {}

class ImmediateTransactionSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  // SQLite rolls back CREATE TABLE and friends like any other statement; Kysely's stock adapter
  // says no only because it cannot know every SQLite build. Saying yes makes Kysely run each
  // migration batch in one transaction, so a failed migration leaves no half-made schema behind.
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class PortalSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateTransactionSqliteDriver(this.#config);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

export function dialectOf<Tables>(db: Kysely<Tables>): DatabaseDialect {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof PostgresAdapter) return "postgres";
  if (adapter instanceof SqliteAdapter) return "sqlite";
  throw new Error("Only SQLite and PostgreSQL databases are supported");
}

/** Applies every pending migration (all of them in one transaction) and returns what ran. */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResult[]> {
  const dialect = dialectOf(db);
  // Kysely looks for its migration tables in every schema unless told which: with another schema of the
  // same database already migrated (another instance's, a concurrent test run's), it would take theirs
  // for ours and fail with "relation kysely_migration_lock does not exist". Name our own.
  const migrationTableSchema = dialect === "postgres" ? await requireSchemaToCreateIn(db) : undefined;
  const migrator = new Migrator({ db, provider: migrationProvider(dialect), migrationTableSchema });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const reason = error instanceof Error ? error.message : String(error);
    const failed = results.find((result) => result.status === "Error");
    throw new Error(
      failed
        ? `Database migration "${failed.migrationName}" failed, so none of this run's migrations was applied: ${reason}`
        : `Database migrations could not run: ${reason}`,
      { cause: error },
    );
  }
  return results;
}

/** Without this, a misspelt ?schema= surfaces as PostgreSQL's "no schema has been selected to create in". */
async function requireSchemaToCreateIn(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  if (!rows[0]?.schema) {
    throw new Error(
      "PostgreSQL has no schema to create the tables in: the schema named by ?schema= (or the search_path) does not exist. Create it first: CREATE SCHEMA <name>",
    );
  }
  return rows[0].schema;
}

const environmentSchema = z.object({
  // Empty counts as unset: deployment templates often write `DATABASE_URL=`.
  DATABASE_URL: z
    .string()
    .optional()
    .transform((url) => (url?.trim() ? url : defaultDatabaseFile))
    .pipe(databaseUrlSchema),
});

// Remix's development server re-evaluates changed modules; keeping the database on globalThis stops
// every edit from opening one more SQLite handle or PostgreSQL pool.
const processWide = globalThis as typeof globalThis & { portalDatabase?: Promise<Kysely<Database>> };

/**
 * The process's database, from DATABASE_URL (read once), migrated before first use. A failure to
 * open or migrate is not remembered: the next call tries again.
 */
export function getDatabase(): Promise<Kysely<Database>> {
  processWide.portalDatabase ??= openConfiguredDatabase().catch((error: unknown) => {
    processWide.portalDatabase = undefined;
    throw error;
  });
  return processWide.portalDatabase;
}

async function openConfiguredDatabase(): Promise<Kysely<Database>> {
  const environment = environmentSchema.safeParse({ DATABASE_URL: config().databaseUrl });
  if (!environment.success) {
    throw new Error(`Invalid DATABASE_URL: it ${environment.error.issues.map((issue) => issue.message).join("; ")}`);
  }
  const handle = openDatabase(environment.data.DATABASE_URL);
  try {
    await migrateToLatest(handle.db);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle.db;
}

/** Closes the process's database (the CLI at exit, the server on shutdown); the next use opens it again. */
export async function closeDatabase(): Promise<void> {
  const open = processWide.portalDatabase;
  processWide.portalDatabase = undefined;
  if (open) await (await open.catch(() => null))?.destroy();
}

export type ConstraintKind = "unique" | "check" | "foreign_key" | "not_null";

/**
 * Which kind of constraint a failed statement broke, whichever database raised it; null for any
 * other error. Callers can then answer "that email is already in use" without parsing messages.
 */
export function violatedConstraint(error: unknown): ConstraintKind | null {
  const code = typeof error === "object" && error !== null && "code" in error ? error.code : undefined;
  switch (code) {
    case "23505": // PostgreSQL unique_violation
    case "SQLITE_CONSTRAINT_UNIQUE":
    case "SQLITE_CONSTRAINT_PRIMARYKEY":
      return "unique";
    case "23514": // check_violation
    case "SQLITE_CONSTRAINT_CHECK":
      return "check";
    case "23503": // foreign_key_violation
    case "SQLITE_CONSTRAINT_FOREIGNKEY":
      return "foreign_key";
    case "23502": // not_null_violation
    case "SQLITE_CONSTRAINT_NOTNULL":
      return "not_null";
    default:
      return null;
  }
}
