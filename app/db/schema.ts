// The tables as Kysely sees them. Column names are the database's own (snake_case): one spelling
// from SQL to TypeScript, no renaming plugin to reason about.
//
// The same types serve SQLite and PostgreSQL, which is why timestamps are ISO-8601 text rather than
// native dates (PostgreSQL would hand back Date objects, SQLite strings) and booleans are 0/1 integers.
import type { ColumnType, Insertable, Selectable, Updateable } from "kysely";

/**
 * A moment in UTC as `Date.prototype.toISOString()` writes it, e.g. `2026-11-03T09:15:00.000Z`.
 * Every timestamp column has exactly this shape (the migrations check it), so comparing the text
 * compares the moments and `order by` sorts chronologically in both databases.
 */
export type Timestamp = string;

/** The one way to turn a moment into a stored timestamp. */
export function timestampOf(moment: Date): Timestamp {
  return moment.toISOString();
}

/** SQLite has no boolean type; 0/1 keeps both databases and their TypeScript type the same. */
export type IntegerBoolean = 0 | 1;

/** Set by the database (default now) when left out; never changed afterwards. */
type CreatedAt = ColumnType<Timestamp, Timestamp | undefined, never>;

/** Identity columns: generated on insert, never rewritten. */
type Identity = ColumnType<number, number | undefined, never>;

export type Role = "admin" | "editor" | "reviewer";

export type RevisionStatus = "in_review" | "approved" | "changes_requested" | "superseded";

/** `file`: imported from lessons/<slug>/<lng>.md; `editor`: written in the portal's editor. */
export type RevisionOrigin = "file" | "editor";

export interface UsersTable {
  id: Identity;
  /** Stored lowercase (a check constraint insists), so uniqueness ignores case. */
  email: string;
  name: string;
  role: Role;
  /** Comma-separated language codes the user may work on, e.g. `hy,az`; null means all of them. */
  languages: string | null;
  password_hash: string;
  disabled_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface SessionsTable {
  /** sha256 hex of the session token. The token itself is only ever in the cookie. */
  id: string;
  user_id: number;
  created_at: CreatedAt;
  last_seen_at: ColumnType<Timestamp, Timestamp | undefined, Timestamp>;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface LessonsTable {
  slug: string;
  source_language: string;
  /** The lesson.yaml text, as written. */
  metadata: string;
  created_at: CreatedAt;
  updated_at: ColumnType<Timestamp, Timestamp | undefined, Timestamp>;
}

export interface RevisionsTable {
  id: Identity;
  lesson_slug: string;
  language: string;
  /** The <lng>.md text, front matter included. */
  content: string;
  /** A new lesson.yaml this revision carries (a source-language revision only): the lesson's once approved. */
  metadata: string | null;
  content_hash: string;
  /** For a translation: the source-language revision it was made from. */
  follows: number | null;
  /** Null when the system imported the revision from the lesson files. */
  author_id: number | null;
  origin: RevisionOrigin;
  status: RevisionStatus;
  comment: string | null;
  decided_by: number | null;
  decided_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface PublishedTable {
  lesson_slug: string;
  language: string;
  revision_id: number;
  published_at: ColumnType<Timestamp, Timestamp | undefined, Timestamp>;
}

export interface AuditLogTable {
  id: Identity;
  at: ColumnType<Timestamp, Timestamp | undefined, never>;
  actor_id: number | null;
  /** The actor's email at the time, or `system`: readable even if the user record changes. */
  actor: string;
  action: string;
  subject: string | null;
  /** JSON text. */
  details: string | null;
  ip: string | null;
}

export interface LoginAttemptsTable {
  id: Identity;
  at: CreatedAt;
  email: string;
  ip: string;
  succeeded: IntegerBoolean;
}

export interface PdfDocumentsTable {
  /** sha256 hex of the PDF's bytes: what /verify/<sha256> looks up. */
  sha256: string;
  cache_key: string;
  kind: string;
  language: string;
  /** JSON array of the revision ids the document was typeset from. */
  revision_ids: string;
  created_at: CreatedAt;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  lessons: LessonsTable;
  revisions: RevisionsTable;
  published: PublishedTable;
  audit_log: AuditLogTable;
  login_attempts: LoginAttemptsTable;
  pdf_documents: PdfDocumentsTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;

export type Session = Selectable<SessionsTable>;
export type NewSession = Insertable<SessionsTable>;
export type SessionUpdate = Updateable<SessionsTable>;

export type Lesson = Selectable<LessonsTable>;
export type NewLesson = Insertable<LessonsTable>;
export type LessonUpdate = Updateable<LessonsTable>;

export type Revision = Selectable<RevisionsTable>;
export type NewRevision = Insertable<RevisionsTable>;
export type RevisionUpdate = Updateable<RevisionsTable>;

export type Publication = Selectable<PublishedTable>;
export type NewPublication = Insertable<PublishedTable>;

export type AuditLogRow = Selectable<AuditLogTable>;
export type NewAuditLogRow = Insertable<AuditLogTable>;

export type LoginAttempt = Selectable<LoginAttemptsTable>;
export type NewLoginAttempt = Insertable<LoginAttemptsTable>;

export type PdfDocument = Selectable<PdfDocumentsTable>;
export type NewPdfDocument = Insertable<PdfDocumentsTable>;
