// Sign-in attempts, counted in the database so that the limits hold across instances. An attempt is
// reserved before the password is checked, in one transaction with the count (SQLite: an immediate
// transaction; PostgreSQL: an advisory lock per account), so sixty concurrent guesses are sixty counted.
//
// The limits never lock an account for everyone: a reviewer's right password still works from their own
// address while someone elsewhere guesses. What is limited:
//   - an account from one address: 5 failures in 15 minutes (429 for that pair);
//   - one address over all accounts: 20 failures in 15 minutes (429);
//   - an account under attack from elsewhere (10+ failures from any address): each attempt slowed down.
import { sql, type Kysely } from "kysely";
import { dialectOf } from "~/db/database.server";
import { timestampOf, type Database } from "~/db/schema";

const attemptWindowMinutes = 15;
const failuresPerAccountAndAddress = 5;
const failuresPerAddress = 20;
const failuresBeforeSlowingDown = 10;
/** The delay added to an attempt on an account under attack: enough to make guessing slow, not to lock. */
export const slowDownMilliseconds = 2_000;

export type AttemptVerdict = { kind: "allowed"; attemptId: number; slowDown: boolean } | { kind: "limited" };

function windowStart(now: Date): string {
  return timestampOf(new Date(now.getTime() - attemptWindowMinutes * 60_000));
}

/**
 * Counts and reserves one attempt atomically: a failure is recorded now, turned into a success by
 * `recordSuccess` if the password was right. Returns whether the attempt may go on.
 */
export async function reserveAttempt(db: Kysely<Database>, email: string, ip: string, now = new Date()): Promise<AttemptVerdict> {
  return db.transaction().execute(async (trx) => {
    if (dialectOf(db) === "postgres") await sql`select pg_advisory_xact_lock(hashtext(${`sign-in:${email}`}))`.execute(trx);
    const since = windowStart(now);
    const failures = (where: { email?: string; ip?: string }) => {
      let query = trx.selectFrom("login_attempts").select(trx.fn.countAll<number>().as("failures")).where("succeeded", "=", 0).where("at", ">=", since);
      if (where.email !== undefined) query = query.where("email", "=", where.email);
      if (where.ip !== undefined) query = query.where("ip", "=", where.ip);
      return query.executeTakeFirstOrThrow().then((row) => Number(row.failures));
    };
    if ((await failures({ email, ip })) >= failuresPerAccountAndAddress || (await failures({ ip })) >= failuresPerAddress) return { kind: "limited" as const };
    const slowDown = (await failures({ email })) >= failuresBeforeSlowingDown;
    const row = await trx
      .insertInto("login_attempts")
      .values({ at: timestampOf(now), email: email.slice(0, 200), ip, succeeded: 0 })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { kind: "allowed" as const, attemptId: row.id, slowDown };
  });
}

/** The password was right: the reserved attempt counts as a success. */
export async function recordSuccess(db: Kysely<Database>, attemptId: number): Promise<void> {
  await db.updateTable("login_attempts").set({ succeeded: 1 }).where("id", "=", attemptId).execute();
}

/** Failures of one account (and address) in the current window: how many there were, for the audit log. */
export async function recentFailures(db: Kysely<Database>, email: string, ip: string, now = new Date()): Promise<number> {
  const row = await db
    .selectFrom("login_attempts")
    .select(db.fn.countAll<number>().as("failures"))
    .where("succeeded", "=", 0)
    .where("email", "=", email)
    .where("ip", "=", ip)
    .where("at", ">=", windowStart(now))
    .executeTakeFirstOrThrow();
  return Number(row.failures);
}

/** Lifts the limits on an account (`npm run cli -- user unlock`): its failed attempts are forgotten. */
export async function unlockAccount(db: Kysely<Database>, email: string): Promise<number> {
  const result = await db.deleteFrom("login_attempts").where("email", "=", email).where("succeeded", "=", 0).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Attempts older than a day are of no use to any limit: purged now and then. */
export async function purgeOldAttempts(db: Kysely<Database>, now = new Date()): Promise<void> {
  await db.deleteFrom("login_attempts").where("at", "<", timestampOf(new Date(now.getTime() - 24 * 60 * 60_000))).execute();
}

export const limits = { attemptWindowMinutes, failuresPerAccountAndAddress, failuresPerAddress, failuresBeforeSlowingDown };
