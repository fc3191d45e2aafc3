// Signing in and out, as the sign-in page asks for it: rate limits, the password check (with a decoy
// for unknown accounts, so timing says nothing), the session, and the audit log. Reaches the database
// itself, so the route stays a form and its answers.
import { recordAudit } from "~/db/audit.server";
import { getDatabase } from "~/db/database.server";
import { verifyAgainstDecoy, verifyPassword } from "./passwords.server";
import { isRateLimited, recordAttempt } from "./rate-limit.server";
import { createSession, destroySession, sessionUser } from "./sessions.server";
import { findUserByEmail, toUser, type User } from "./users.server";

type SignInResult = { kind: "signed-in"; cookie: string; user: User } | { kind: "limited" } | { kind: "failed" };

export async function signIn(input: { email: string; password: string; ip: string; userAgent: string | null }): Promise<SignInResult> {
  const { email, password, ip } = input;
  const db = await getDatabase();
  if (await isRateLimited(db, email, ip)) {
    await recordAudit(db, { actorId: null, actor: email, action: "session.sign-in-limited", ip });
    return { kind: "limited" };
  }
  const row = await findUserByEmail(db, email);
  const valid = row && row.disabled_at === null ? await verifyPassword(password, row.password_hash) : await verifyAgainstDecoy(password);
  await recordAttempt(db, email, ip, Boolean(valid));
  if (!row || !valid) {
    await recordAudit(db, { actorId: row?.id ?? null, actor: email, action: "session.sign-in-failed", ip });
    return { kind: "failed" };
  }
  const user = toUser(row);
  const cookie = await createSession(db, user, { ip, userAgent: input.userAgent });
  await recordAudit(db, { actorId: user.id, actor: user.email, action: "session.sign-in", ip });
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
