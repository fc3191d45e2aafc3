// Signing in and out, as the sign-in page asks for it: rate limits, the password check (with a decoy
// for unknown accounts, so timing says nothing), the session, and the audit log. Reaches the database
// itself, so the route stays a form and its answers.
import { recordAudit } from "~/db/audit.server";
import { getDatabase } from "~/db/database.server";
import { verifyAgainstDecoy, verifyPassword } from "./passwords.server";
import { setTimeout as sleep } from "node:timers/promises";
import { limits, purgeOldAttempts, recentFailures, recordSuccess, reserveAttempt, slowDownMilliseconds } from "./rate-limit.server";
import { createSession, destroySession, sessionIdOf, sessionUser } from "./sessions.server";
import { changePassword, findUserByEmail, toUser, UserError, type User } from "./users.server";

type SignInResult = { kind: "signed-in"; cookie: string; user: User } | { kind: "limited" } | { kind: "failed" };

export async function signIn(input: { email: string; password: string; ip: string; userAgent: string | null }): Promise<SignInResult> {
  const { email, password, ip } = input;
  const db = await getDatabase();
  const verdict = await reserveAttempt(db, email, ip);
  // Refused attempts are not written to the audit log one by one (a flood would fill the append-only
  // log); the failure that reached the limit was, with its count.
  if (verdict.kind === "limited") return { kind: "limited" };
  if (verdict.slowDown) await sleep(slowDownMilliseconds);
  const row = await findUserByEmail(db, email);
  const valid = row && row.disabled_at === null ? await verifyPassword(password, row.password_hash) : await verifyAgainstDecoy(password);
  if (!row || !valid) {
    // What was typed for an unknown account is never recorded (it may be a password typed in the wrong
    // box): the audit log says "unknown account". One entry for the first failure of a window and one,
    // with the count, for the failure that reaches the limit.
    const failures = await recentFailures(db, email, ip);
    if (failures === 1 || failures === limits.failuresPerAccountAndAddress) {
      await recordAudit(db, { actorId: row?.id ?? null, actor: row ? row.email : "unknown account", action: "session.sign-in-failed", ip, details: { failuresInWindow: failures } });
    }
    return { kind: "failed" };
  }
  await recordSuccess(db, verdict.attemptId);
  const user = toUser(row);
  const cookie = await createSession(db, user, { ip, userAgent: input.userAgent });
  await recordAudit(db, { actorId: user.id, actor: user.email, action: "session.sign-in", ip });
  await purgeOldAttempts(db);
  return { kind: "signed-in", cookie, user };
}

/** Ends the request's session (if any); the cookie that clears it in the browser. */
export async function signOut(request: Request, ip: string): Promise<string> {
  const db = await getDatabase();
  return destroySession(db, request, await sessionUser(db, request), ip);
}

/** The signed-in user of a request, or null. */
export async function currentUser(request: Request): Promise<User | null> {
  return sessionUser(await getDatabase(), request);
}

/**
 * A signed-in user changes their own password: the current one must be right; this session stays, the
 * user's other sessions end.
 */
export async function changeOwnPassword(request: Request, user: User, input: { current: string; password: string; ip: string }): Promise<"changed" | "wrong-current"> {
  const db = await getDatabase();
  try {
    await changePassword(db, { userId: user.id, currentPassword: input.current, newPassword: input.password, keepSessionId: (await sessionIdOf(request)) ?? undefined }, { id: user.id, email: user.email });
    return "changed";
  } catch (error) {
    if (error instanceof UserError && /current password/.test(error.message)) return "wrong-current";
    throw error;
  }
}
