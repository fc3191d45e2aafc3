// Staff pages are personal: never cached by a browser or a CDN, never indexed.
export const staffHeaders = { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" };

/**
 * Remix takes a document's headers from the deepest route that exports `headers`: the staff layout
 * route ($lng._staff.tsx) exports this for every page under it; the sign-in pages export it too.
 */
export function staffRouteHeaders(): Record<string, string> {
  return staffHeaders;
}
