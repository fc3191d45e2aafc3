// Sessions live in the database behind an HttpOnly, SameSite=Lax cookie holding a random token (signed);
// the database keeps only the token's sha256. A new token at every sign-in; expiry after inactivity and,
// however active, after an absolute lifetime; at most a few sessions per user; ended ones are purged.
import { createHash, randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import type { Kysely } from "kysely";
import { recordAudit } from "~/db/audit.server";
import { timestampOf, type Database } from "~/db/schema";
import { authConfig } from "./config.server";
import { toUser, type User } from "./users.server";

function sessionCookie() {
  const config = authConfig();
  return createCookie(config.secureCookies ? "__Host-session" : "session", {
    httpOnly: true,
    sameSite: "lax",
    secure: config.secureCookies,
    path: "/",
    secrets: [config.sessionSecret],
  });
}

/** Sessions created before this have outlived the absolute lifetime. */
function lifetimeStart(now: Date): string {
  return timestampOf(new Date(now.getTime() - authConfig().maxHours * 60 * 60_000));
}

/** The id under which the database knows the request's session (for "end my other sessions"). */
export async function sessionIdOf(request: Request): Promise<string | null> {
  const token = await tokenOf(request);
  return token ? tokenHash(token) : null;
}

function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

interface SessionContext {
  ip: string | null;
  userAgent: string | null;
}

/** Sessions a user may hold at once (a laptop, a phone, a school computer …): the oldest go first. */
export const sessionsPerUser = 5;

/** Starts a session for a user who just signed in; returns the Set-Cookie header. */
export async function createSession(db: Kysely<Database>, user: User, context: SessionContext): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  // Ended sessions (expired, or past the absolute lifetime) of anyone are of no use: purged here.
  await db
    .deleteFrom("sessions")
    .where((where) => where.or([where("expires_at", "<=", timestampOf(now)), where("created_at", "<=", lifetimeStart(now))]))
    .execute();
  // This user's oldest sessions beyond the cap (the new one makes it full).
  const kept = await db.selectFrom("sessions").select("id").where("user_id", "=", user.id).orderBy("created_at", "desc").limit(sessionsPerUser - 1).execute();
  let overCap = db.deleteFrom("sessions").where("user_id", "=", user.id);
  if (kept.length > 0) overCap = overCap.where("id", "not in", kept.map((row) => row.id));
  await overCap.execute();
  const expires = new Date(now.getTime() + authConfig().idleMinutes * 60_000);
  await db
    .insertInto("sessions")
    .values({
      id: tokenHash(token),
      user_id: user.id,
      created_at: timestampOf(now),
      last_seen_at: timestampOf(now),
      expires_at: timestampOf(expires),
      ip: context.ip,
      user_agent: context.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return sessionCookie().serialize(token);
}

async function tokenOf(request: Request): Promise<string | null> {
  try {
    const value = await sessionCookie().parse(request.headers.get("Cookie"));
    return typeof value === "string" && value.length > 20 ? value : null;
  } catch {
    return null; // a tampered or foreign cookie is no session
  }
}

/** The signed-in user, or null (no cookie, a tampered one, an expired session, a disabled account). */
export async function sessionUser(db: Kysely<Database>, request: Request): Promise<User | null> {
  const token = await tokenOf(request);
  if (!token) return null;
  const now = new Date();
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select(["sessions.id as sessionId", "sessions.last_seen_at as lastSeenAt", "users.id", "users.email", "users.name", "users.role", "users.languages", "users.disabled_at"])
    .where("sessions.id", "=", tokenHash(token))
    .where("sessions.expires_at", ">", timestampOf(now))
    .where("sessions.created_at", ">", lifetimeStart(now))
    .executeTakeFirst();
  if (!row || row.disabled_at !== null) return null;
  // Slide the expiry, but write at most once a minute per session.
  if (now.getTime() - Date.parse(row.lastSeenAt) > 60_000) {
    await db
      .updateTable("sessions")
      .set({ last_seen_at: timestampOf(now), expires_at: timestampOf(new Date(now.getTime() + authConfig().idleMinutes * 60_000)) })
      .where("id", "=", row.sessionId)
      .execute();
  }
  return toUser(row);
}

/** Ends the request's session; returns the Set-Cookie header that clears the cookie. */
export async function destroySession(db: Kysely<Database>, request: Request, user: User | null, ip: string | null): Promise<string> {
  const token = await tokenOf(request);
  if (token) {
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom("sessions").where("id", "=", tokenHash(token)).execute();
      if (user) await recordAudit(trx, { actorId: user.id, actor: user.email, action: "session.sign-out", ip });
    });
  }
  return sessionCookie().serialize("", { maxAge: 0 });
}
