// Schema migrations, written once for SQLite and PostgreSQL. The few places where the two databases
// spell a thing differently (identity columns, "now" as ISO text, pattern checks, triggers) are
// gathered in `dialectSql`; everything else goes through Kysely's schema builder, which speaks both.
//
// A migration is history: once shipped it never changes. That is why the allowed roles and statuses
// are written out here as literals instead of being imported from the TypeScript types: a later
// change to those types needs a new migration, not a silently different old one.
import {
  sql,
  type ColumnDefinitionBuilder,
  type CreateTableBuilder,
  type Kysely,
  type Migration,
  type MigrationProvider,
  type RawBuilder,
} from "kysely";

export type DatabaseDialect = "sqlite" | "postgres";

interface DialectSql {
  /** An integer primary key the database numbers itself. */
  identityPrimaryKey(column: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
  /** The current moment in the `Timestamp` format (schema.ts), for column defaults. */
  now: RawBuilder<unknown>;
  /** True when the column holds a `Timestamp`: fixed width, so text order is time order. */
  isTimestamp(column: string): RawBuilder<unknown>;
  /** True when the column holds 64 lowercase hex digits (a sha256). */
  isSha256Hex(column: string): RawBuilder<unknown>;
  /** Makes the table refuse every UPDATE and DELETE (and TRUNCATE where there is one). */
  makeAppendOnly(db: Kysely<unknown>, table: string): Promise<void>;
  undoAppendOnly(db: Kysely<unknown>, table: string): Promise<void>;
}

const sqliteSql: DialectSql = {
  // AUTOINCREMENT never reuses the id of a deleted row, so an id in an old audit entry or URL
  // cannot come to mean a different revision.
  identityPrimaryKey: (column) => column.primaryKey().autoIncrement(),
  // %f is seconds with milliseconds ("05.123"): the same shape as Date.toISOString().
  now: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`,
  isTimestamp: (column) =>
    sql`${sql.ref(column)} glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'`,
  isSha256Hex: (column) => sql`length(${sql.ref(column)}) = 64 and ${sql.ref(column)} not glob '*[^0-9a-f]*'`,
  async makeAppendOnly(db, table) {
    for (const operation of ["update", "delete"]) {
      await sql`create trigger ${sql.id(`${table}_refuse_${operation}`)} before ${sql.raw(operation)} on ${sql.table(table)}
        begin select raise(abort, ${sql.lit(`${table} is append-only`)}); end`.execute(db);
    }
  },
  async undoAppendOnly(db, table) {
    for (const operation of ["update", "delete"]) {
      await sql`drop trigger if exists ${sql.id(`${table}_refuse_${operation}`)}`.execute(db);
    }
  },
};

const postgresSql: DialectSql = {
  identityPrimaryKey: (column) => column.primaryKey().generatedByDefaultAsIdentity(),
  now: sql`(to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`,
  isTimestamp: (column) => sql`${sql.ref(column)} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[.][0-9]{3}Z$'`,
  isSha256Hex: (column) => sql`${sql.ref(column)} ~ '^[0-9a-f]{64}$'`,
  async makeAppendOnly(db, table) {
    const refuse = sql.id(`${table}_refuse_change`);
    await sql`create function ${refuse}() returns trigger language plpgsql as $$
      begin raise exception '% is append-only', tg_table_name; end $$`.execute(db);
    await sql`create trigger ${sql.id(`${table}_append_only`)} before update or delete or truncate on ${sql.table(table)}
      for each statement execute function ${refuse}()`.execute(db);
  },
  async undoAppendOnly(db, table) {
    await sql`drop trigger if exists ${sql.id(`${table}_append_only`)} on ${sql.table(table)}`.execute(db);
    await sql`drop function if exists ${sql.id(`${table}_refuse_change`)}()`.execute(db);
  },
};

function dialectSql(dialect: DatabaseDialect): DialectSql {
  return dialect === "sqlite" ? sqliteSql : postgresSql;
}

/** Adds a named check per timestamp column; named so that a violation says which column. */
function checkTimestamps<Table extends string, Columns extends string>(
  dialect: DialectSql,
  table: Table,
  columns: Columns[],
) {
  return (builder: CreateTableBuilder<Table, Columns>) =>
    columns.reduce(
      (current, column) => current.addCheckConstraint(`${table}_${column}_timestamp`, dialect.isTimestamp(column)),
      builder,
    );
}

function reviewWorkflow(dialectName: DatabaseDialect): Migration {
  const dialect = dialectSql(dialectName);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("users")
        .addColumn("id", "integer", dialect.identityPrimaryKey)
        .addColumn("email", "text", (column) => column.notNull())
        .addColumn("name", "text", (column) => column.notNull())
        .addColumn("role", "text", (column) => column.notNull())
        .addColumn("languages", "text")
        .addColumn("password_hash", "text", (column) => column.notNull())
        .addColumn("disabled_at", "text")
        .addColumn("created_at", "text", (column) => column.notNull().defaultTo(dialect.now))
        .addUniqueConstraint("users_email_unique", ["email"])
        // Lowercase on the way in, enforced here, makes the unique constraint case-insensitive.
        .addCheckConstraint("users_email_lowercase", sql`email = lower(email)`)
        .addCheckConstraint("users_role_check", sql`role in ('admin', 'editor', 'reviewer')`)
        .$call(checkTimestamps(dialect, "users", ["disabled_at", "created_at"]))
        .execute();

      await db.schema
        .createTable("sessions")
        .addColumn("id", "text", (column) => column.primaryKey())
        .addColumn("user_id", "integer", (column) => column.notNull().references("users.id").onDelete("cascade"))
        .addColumn("created_at", "text", (column) => column.notNull().defaultTo(dialect.now))
        .addColumn("last_seen_at", "text", (column) => column.notNull().defaultTo(dialect.now))
        .addColumn("expires_at", "text", (column) => column.notNull())
        .addColumn("ip", "text")
        .addColumn("user_agent", "text")
        // A stolen copy of this table must not contain usable tokens: only their sha256 fits here.
        .addCheckConstraint("sessions_id_is_token_hash", dialect.isSha256Hex("id"))
        .$call(checkTimestamps(dialect, "sessions", ["created_at", "last_seen_at", "expires_at"]))
        .execute();
      await db.schema.createIndex("sessions_user_id").on("sessions").column("user_id").execute();

      await db.schema
        .createTable("lessons")
        .addColumn("slug", "text", (column) => column.primaryKey())
        .addColumn("source_language", "text", (column) => column.notNull())
        .addColumn("metadata", "text", (column) => column.notNull())
        .addColumn("created_at", "text", (column) => column.notNull().defaultTo(dialect.now))
        .addColumn("updated_at", "text", (column) => column.notNull().defaultTo(dialect.now))
        .$call(checkTimestamps(dialect, "lessons", ["created_at", "updated_at"]))
        .execute();

      await db.schema
        .createTable("revisions")
        .addColumn("id", "integer", dialect.identityPrimaryKey)
        .addColumn("lesson_slug", "text", (column) => column.notNull().references("lessons.slug"))
        .addColumn("language", "text", (column) => column.notNull())
        .addColumn("content", "text", (column) => column.notNull())
        .addColumn("content_hash", "text", (column) => column.notNull())
        .addColumn("follows", "integer", (column) => column.references("revisions.id"))
        .addColumn("author_id", "integer", (column) => column.references("users.id"))
        .addColumn("origin", "text", (column) => column.notNull())
        .addColumn("status", "text", (column) => column.notNull())
        .addColumn("comment", "text")
        .addColumn("decided_by", "integer", (column) => column.references("users.id"))
        .addColumn("decided_at", "text")
        .addColumn("created_at", "text", (column) => column.notNull().defaultTo(dialect.now))
        .addCheckConstraint("revisions_origin_check", sql`origin in ('file', 'editor')`)
        .addCheckConstraint(
          "revisions_status_check",
          sql`status in ('in_review', 'approved', 'changes_requested', 'superseded')`,
        )
        // The (lesson, language, id) index is unique (trivially, id alone is) so that `published`
        // can reference all three: a publication can then never point at another lesson's or
        // another language's revision.
        .addUniqueConstraint("revisions_lesson_language_id", ["lesson_slug", "language", "id"])
        .$call(checkTimestamps(dialect, "revisions", ["decided_at", "created_at"]))
        .execute();
      await db.schema
        .createIndex("revisions_status_created_at")
        .on("revisions")
        .columns(["status", "created_at"])
        .execute();

      await db.schema
        .createTable("published")
        .addColumn("lesson_slug", "text", (column) => column.notNull())
        .addColumn("language", "text", (column) => column.notNull())
        .addColumn("revision_id", "integer", (column) => column.notNull())
        .addColumn("published_at", "text", (column) => column.notNull().defaultTo(dialect.now))
        .addPrimaryKeyConstraint("published_primary_key", ["lesson_slug", "language"])
        .addForeignKeyConstraint(
          "published_revision_matches",
          ["lesson_slug", "language", "revision_id"],
          "revisions",
          ["lesson_slug", "language", "id"],
        )
        .$call(checkTimestamps(dialect, "published", ["published_at"]))
        .execute();

      // No foreign key on actor_id: the log records what happened and must not depend on, or
      // constrain, what later happens to the users table.
      await db.schema
        .createTable("audit_log")
        .addColumn("id", "integer", dialect.identityPrimaryKey)
        .addColumn("at", "text", (column) => column.notNull().defaultTo(dialect.now))
        .addColumn("actor_id", "integer")
        .addColumn("actor", "text", (column) => column.notNull())
        .addColumn("action", "text", (column) => column.notNull())
        .addColumn("subject", "text")
        .addColumn("details", "text")
        .addColumn("ip", "text")
        .$call(checkTimestamps(dialect, "audit_log", ["at"]))
        .execute();
      await db.schema.createIndex("audit_log_at").on("audit_log").column("at").execute();
      await db.schema.createIndex("audit_log_action").on("audit_log").column("action").execute();
      // The application never changes an audit row (audit.server.ts); the database refuses to as
      // well, so neither a bug nor a hand-typed statement can rewrite history.
      await dialect.makeAppendOnly(db, "audit_log");

      await db.schema
        .createTable("login_attempts")
        .addColumn("id", "integer", dialect.identityPrimaryKey)
        .addColumn("at", "text", (column) => column.notNull().defaultTo(dialect.now))
        .addColumn("email", "text", (column) => column.notNull())
        .addColumn("ip", "text", (column) => column.notNull())
        .addColumn("succeeded", "integer", (column) => column.notNull())
        .addCheckConstraint("login_attempts_succeeded_boolean", sql`succeeded in (0, 1)`)
        .$call(checkTimestamps(dialect, "login_attempts", ["at"]))
        .execute();
      await db.schema.createIndex("login_attempts_email_at").on("login_attempts").columns(["email", "at"]).execute();
      await db.schema.createIndex("login_attempts_ip_at").on("login_attempts").columns(["ip", "at"]).execute();

      await db.schema
        .createTable("pdf_documents")
        .addColumn("sha256", "text", (column) => column.primaryKey())
        .addColumn("cache_key", "text", (column) => column.notNull())
        .addColumn("kind", "text", (column) => column.notNull())
        .addColumn("language", "text", (column) => column.notNull())
        .addColumn("revision_ids", "text", (column) => column.notNull())
        .addColumn("created_at", "text", (column) => column.notNull().defaultTo(dialect.now))
        // /verify/<sha256> compares text: one spelling of a hash, or a lookup could miss.
        .addCheckConstraint("pdf_documents_sha256_hex", dialect.isSha256Hex("sha256"))
        .$call(checkTimestamps(dialect, "pdf_documents", ["created_at"]))
        .execute();
    },

    async down(db: Kysely<unknown>) {
      await db.schema.dropTable("pdf_documents").execute();
      await db.schema.dropTable("login_attempts").execute();
      await dialect.undoAppendOnly(db, "audit_log");
      await db.schema.dropTable("audit_log").execute();
      await db.schema.dropTable("published").execute();
      await db.schema.dropTable("revisions").execute();
      await db.schema.dropTable("lessons").execute();
      await db.schema.dropTable("sessions").execute();
      await db.schema.dropTable("users").execute();
    },
  };
}

/**
 * lesson.yaml goes through review like the text: a revision may carry the lesson's metadata, which
 * becomes the lesson's when the revision is approved.
 */
function metadataInReview(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("revisions").addColumn("metadata", "text").execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable("revisions").dropColumn("metadata").execute();
    },
  };
}

/**
 * The first import used to store an English comment ("First import of the curriculum, approved by the
 * system.") that Georgian, Armenian and Azerbaijani reviewers then read on every revision's page; the
 * pages now say so in the reader's language from the revision itself (imported, decided by no one).
 */
export const firstImportComment = "First import of the curriculum, approved by the system.";
function firstImportCommentInEveryLanguage(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await sql`update revisions set comment = null where origin = 'file' and decided_by is null and comment = ${firstImportComment}`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`update revisions set comment = ${firstImportComment} where origin = 'file' and decided_by is null and decided_at is not null and comment is null`.execute(db);
    },
  };
}

/** Every migration by name; Kysely applies them in name order. */
function migrationsFor(dialect: DatabaseDialect): Record<string, Migration> {
  return {
    "0001-review-workflow": reviewWorkflow(dialect),
    "0002-metadata-in-review": metadataInReview(),
    "0003-first-import-comment": firstImportCommentInEveryLanguage(),
  };
}

/** Migrations live in code, not in a folder Kysely reads at run time: the server bundle stays whole. */
export function migrationProvider(dialect: DatabaseDialect): MigrationProvider {
  return { getMigrations: async () => migrationsFor(dialect) };
}
