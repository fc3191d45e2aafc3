// Sign-in limits, sessions and accounts on both databases: each test has its own database.
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { recentFailures, reserveAttempt, unlockAccount } from "~/auth/rate-limit.server";
import { createSession, sessionUser, sessionsPerUser } from "~/auth/sessions.server";
import { changePassword, createUser, UserError } from "~/auth/users.server";
import { listAudit } from "~/db/audit.server";
import type { DatabaseDialect } from "~/db/database.server";
import { timestampOf } from "~/db/schema";
import { openTestDatabase, testedDialects } from "../db/databases";

const password = "a long enough password";

async function withDatabase(dialect: DatabaseDialect, test: (db: Awaited<ReturnType<typeof openTestDatabase>>["db"]) => Promise<void>) {
  const database = await openTestDatabase(dialect);
  try {
    await test(database.db);
  } finally {
    await database.dispose();
  }
}

/** The Cookie header a browser would send back for a Set-Cookie. */
const cookieOf = (setCookie: string) => new Request("http://portal.test/", { headers: { Cookie: setCookie.split(";")[0]! } });

describe.each(testedDialects())("sign-in limits (%s)", (dialect) => {
  it("count sixty concurrent attempts on one account from one address as sixty: exactly five go on", () =>
    withDatabase(dialect, async (db) => {
      const verdicts = await Promise.all(Array.from({ length: 60 }, () => reserveAttempt(db, "reviewer@example.ge", "198.51.100.7")));
      expect(verdicts.filter((verdict) => verdict.kind === "allowed")).toHaveLength(5);
      expect(await recentFailures(db, "reviewer@example.ge", "198.51.100.7")).toBe(5);
    }));

  it("never lock a reviewer out from their own address while someone elsewhere guesses; slow the account down instead", () =>
    withDatabase(dialect, async (db) => {
      for (let attempt = 0; attempt < 5; attempt += 1) await reserveAttempt(db, "reviewer@example.ge", "203.0.113.1");
      for (let attempt = 0; attempt < 5; attempt += 1) await reserveAttempt(db, "reviewer@example.ge", "203.0.113.2");
      expect((await reserveAttempt(db, "reviewer@example.ge", "203.0.113.1")).kind).toBe("limited");
      const fromHome = await reserveAttempt(db, "reviewer@example.ge", "192.0.2.10");
      expect(fromHome).toMatchObject({ kind: "allowed", slowDown: true });
    }));

  it("forget an account's failures on unlock", () =>
    withDatabase(dialect, async (db) => {
      for (let attempt = 0; attempt < 5; attempt += 1) await reserveAttempt(db, "editor@example.ge", "203.0.113.5");
      expect((await reserveAttempt(db, "editor@example.ge", "203.0.113.5")).kind).toBe("limited");
      expect(await unlockAccount(db, "editor@example.ge")).toBe(5);
      expect((await reserveAttempt(db, "editor@example.ge", "203.0.113.5")).kind).toBe("allowed");
    }));
});

describe.each(testedDialects())("sessions and accounts (%s)", (dialect) => {
  it("end a session at its absolute lifetime, however active", () =>
    withDatabase(dialect, async (db) => {
      const user = await createUser(db, { email: "r@example.ge", name: "R", role: "reviewer", languages: "ka", password }, { id: null, email: "test" });
      const cookie = await createSession(db, user, { ip: null, userAgent: null });
      expect(await sessionUser(db, cookieOf(cookie))).not.toBeNull();
      // Signed in 13 hours ago and active a minute ago: over the 12-hour lifetime.
      // The schema never updates created_at; the test ages the session as time would.
      await sql`update sessions set created_at = ${timestampOf(new Date(Date.now() - 13 * 3_600_000))}, last_seen_at = ${timestampOf(new Date(Date.now() - 60_000))}`.execute(db);
      expect(await sessionUser(db, cookieOf(cookie))).toBeNull();
    }));

  it("keep at most five sessions per user, the newest, and purge ended ones at the next sign-in", () =>
    withDatabase(dialect, async (db) => {
      const user = await createUser(db, { email: "e@example.ge", name: "E", role: "editor", languages: "hy", password }, { id: null, email: "test" });
      const cookies: string[] = [];
      for (let index = 0; index < sessionsPerUser + 2; index += 1) {
        cookies.push(await createSession(db, user, { ip: null, userAgent: null }));
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const rows = await db.selectFrom("sessions").select("id").where("user_id", "=", user.id).execute();
      expect(rows).toHaveLength(sessionsPerUser);
      expect(await sessionUser(db, cookieOf(cookies[0]!))).toBeNull();
      expect(await sessionUser(db, cookieOf(cookies.at(-1)!))).not.toBeNull();
      await db.insertInto("sessions").values({ id: "e".repeat(64), user_id: user.id, created_at: timestampOf(new Date(Date.now() - 3_600_000)), last_seen_at: timestampOf(new Date(Date.now() - 3_600_000)), expires_at: timestampOf(new Date(Date.now() - 60_000)), ip: null, user_agent: null }).execute();
      await createSession(db, user, { ip: null, userAgent: null });
      expect(await db.selectFrom("sessions").select("id").where("id", "=", "e".repeat(64)).executeTakeFirst()).toBeUndefined();
    }));

  it("change a password only with the current one, ending the user's other sessions and saying so in the audit log", () =>
    withDatabase(dialect, async (db) => {
      const user = await createUser(db, { email: "p@example.ge", name: "P", role: "reviewer", languages: "az", password }, { id: null, email: "test" });
      const here = await createSession(db, user, { ip: null, userAgent: null });
      const elsewhere = await createSession(db, user, { ip: null, userAgent: null });
      await expect(changePassword(db, { userId: user.id, currentPassword: "not the password", newPassword: "a brand new password" }, user)).rejects.toThrow(UserError);
      const hereId = (await db.selectFrom("sessions").select("id").execute()).map((row) => row.id);
      const { sessionIdOf } = await import("~/auth/sessions.server");
      const keep = (await sessionIdOf(cookieOf(here)))!;
      expect(hereId).toContain(keep);
      await changePassword(db, { userId: user.id, currentPassword: password, newPassword: "a brand new password", keepSessionId: keep }, user);
      expect(await sessionUser(db, cookieOf(here))).not.toBeNull();
      expect(await sessionUser(db, cookieOf(elsewhere))).toBeNull();
      expect((await listAudit(db, { action: "user.password-change", limit: 10, offset: 0 })).map((entry) => entry.actor)).toEqual(["p@example.ge"]);
    }));

  it("refuse a reviewer or an editor without languages (fail closed); all is said explicitly", () =>
    withDatabase(dialect, async (db) => {
      await expect(createUser(db, { email: "x@example.ge", name: "X", role: "reviewer", password }, { id: null, email: "test" })).rejects.toThrow(/needs --languages/);
      const all = await createUser(db, { email: "y@example.ge", name: "Y", role: "reviewer", languages: "all", password }, { id: null, email: "test" });
      expect(all.languages).toEqual(["ka", "hy", "az", "en"]);
    }));
});
