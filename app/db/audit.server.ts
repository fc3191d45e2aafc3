// The audit log: who did what, when, from where.
//
// Append-only. This module only inserts and reads; no function here or anywhere else in the portal
// updates or deletes an audit row, and the database itself refuses to (triggers created by the
// migrations). A record that its subjects could edit would prove nothing to the Ministry.
import type { Kysely } from "kysely";
import { timestampOf, type AuditLogRow, type Database, type Timestamp } from "./schema";

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

interface AuditEvent {
  /** Null for the system (imports, scheduled jobs) or an actor without an account (a failed login). */
  actorId: number | null;
  /** The actor's email, or `system`. */
  actor: string;
  /** What happened, as `noun.verb`: `revision.approve`, `user.disable`, `session.create`. */
  action: string;
  /** What it happened to, e.g. `revision:42` or `user:7`. */
  subject?: string | null;
  details?: { [key: string]: JsonValue } | null;
  ip?: string | null;
  /** When it happened; now unless given (an import replaying older events, a test). */
  at?: Date;
}

interface AuditEntry {
  id: number;
  at: Timestamp;
  actorId: number | null;
  actor: string;
  action: string;
  subject: string | null;
  details: JsonValue | null;
  ip: string | null;
}

/**
 * Records an event. Pass the transaction that makes the change being recorded, so that the entry
 * commits with the change or not at all.
 */
export async function recordAudit(db: Kysely<Database>, event: AuditEvent): Promise<AuditEntry> {
  const row = await db
    .insertInto("audit_log")
    .values({
      at: timestampOf(event.at ?? new Date()),
      actor_id: event.actorId,
      actor: event.actor.trim().toLowerCase(),
      action: event.action,
      subject: event.subject ?? null,
      details: event.details == null ? null : JSON.stringify(event.details),
      ip: event.ip ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAuditEntry(row);
}

interface AuditFilters {
  action?: string;
  actor?: string;
  subject?: string;
  /** Entries at or after this moment. */
  since?: Date;
  /** Entries strictly before this moment, so consecutive ranges never count an entry twice. */
  until?: Date;
  limit: number;
  offset: number;
}

/** The most a single page may ask for: the audit page is read by people, not exported. */
const largestAuditPage = 500;

/** Entries matching every given filter, newest first. */
export async function listAudit(db: Kysely<Database>, filters: AuditFilters): Promise<AuditEntry[]> {
  if (!Number.isInteger(filters.limit) || filters.limit < 1 || filters.limit > largestAuditPage) {
    throw new RangeError(`limit must be an integer from 1 to ${largestAuditPage}`);
  }
  if (!Number.isInteger(filters.offset) || filters.offset < 0) {
    throw new RangeError("offset must be a whole number");
  }
  let query = db.selectFrom("audit_log").selectAll();
  if (filters.action !== undefined) query = query.where("action", "=", filters.action);
  if (filters.actor !== undefined) query = query.where("actor", "=", filters.actor.trim().toLowerCase());
  if (filters.subject !== undefined) query = query.where("subject", "=", filters.subject);
  // Timestamps are fixed-width ISO text, so comparing text compares moments.
  if (filters.since !== undefined) query = query.where("at", ">=", timestampOf(filters.since));
  if (filters.until !== undefined) query = query.where("at", "<", timestampOf(filters.until));
  const rows = await query
    .orderBy("at", "desc")
    .orderBy("id", "desc")
    .limit(filters.limit)
    .offset(filters.offset)
    .execute();
  return rows.map(toAuditEntry);
}

function toAuditEntry(row: AuditLogRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    actor: row.actor,
    action: row.action,
    subject: row.subject,
    details: row.details === null ? null : (JSON.parse(row.details) as JsonValue),
    ip: row.ip,
  };
}
