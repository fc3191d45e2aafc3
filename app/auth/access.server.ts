// Access checks that throw (ARCHITECTURE.md, Style): a loader or action calls them first, and from the
// next line on it holds a user allowed to do what it is about to do.
import { config } from "~/config.server";
import { redirect } from "@remix-run/node";
import { getDatabase } from "~/db/database.server";
import type { Language } from "~/i18n/languages";
import { sessionUser } from "./sessions.server";
import { isOwnOrigin, ownOrigins } from "./origin";
import { can, type StaffAction, type StaffResource } from "./policy";
import type { User } from "./users.server";

function forbidden(): Response {
  return new Response("Forbidden", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** The signed-in user; anyone else goes to the sign-in page (GET) or gets 401 (any other method). */
export async function requireUser(request: Request, language: Language): Promise<User> {
  const user = await sessionUser(await getDatabase(), request);
  if (user) return user;
  if (request.method === "GET" || request.method === "HEAD") {
    const url = new URL(request.url);
    throw redirect(`/${language}/login?next=${encodeURIComponent(url.pathname + url.search)}`, { headers: { "Cache-Control": "no-store" } });
  }
  throw new Response("Unauthorized", { status: 401, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** The check that throws: the one 403 of the portal, for loaders and actions (rules in policy.ts). */
export function requirePermission(user: User, action: StaffAction, resource?: StaffResource): void {
  if (!can(user, action, resource)) throw forbidden();
}

/**
 * State-changing requests must come from our own pages: the Origin header (sent by browsers with every
 * POST) must be this site. With SameSite=Lax cookies this closes cross-site request forgery.
 */
export function requireSameOrigin(request: Request): void {
  if (!isOwnOrigin(request.headers.get("Origin"), ownOrigins(new URL(request.url).origin, config().publicOrigin))) throw forbidden();
}
