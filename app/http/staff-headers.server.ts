// Staff pages are personal: never cached by a browser or a CDN, never indexed.
export const staffHeaders = { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" };

/**
 * Remix puts a loader's headers on the document only through the route's `headers` export: every staff
 * route re-exports this one.
 */
export function staffRouteHeaders(): Record<string, string> {
  return staffHeaders;
}
