// Public caching is opt-in: a route whose answer is the same for every reader of its URL says so in its
// `handle`; only then is a 200 GET marked public (ETag, s-maxage) and stored for the next visitor. Any
// other page is private and never stored — a page that depends on a cookie or a header (the language
// of /verify/<sha256>, a staff member's queue) can never be served to someone else.
import type { EntryContext } from "@remix-run/node";

interface RouteHandle {
  /** "public": the answer depends on nothing but the URL and the published content. */
  cache?: "public";
}

/** The `handle` of a public page: `export const handle = publicPageHandle;`. */
export const publicPageHandle: RouteHandle = { cache: "public" };

/** Whether the deepest route that answers a document request declared itself public. */
export function answersPublicly(context: EntryContext): boolean {
  const leaf = context.staticHandlerContext.matches.at(-1);
  if (!leaf) return false;
  const handle = context.routeModules[leaf.route.id]?.handle as RouteHandle | undefined;
  return handle?.cache === "public";
}
