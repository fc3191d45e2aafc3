// Conditional GET: whether a request's If-None-Match names the answer's ETag, with the weak comparison
// RFC 9110 (13.1.2, 13.1.2 If-None-Match) asks for: W/ is ignored on both sides (a proxy that compresses an
// answer may send a strong tag back as W/"…", and one that strips W/ may send a page's weak tag back
// bare), and "*" matches any current answer.

/** Whether an If-None-Match header's value names `etag` (weak comparison). */
export function ifNoneMatchNames(header: string | null | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = etag.replace(/^W\//, "");
  return header.split(",").some((value) => {
    const tag = value.trim();
    return tag === "*" || tag.replace(/^W\//, "") === opaque;
  });
}

export function matchesIfNoneMatch(request: Request, etag: string): boolean {
  return ifNoneMatchNames(request.headers.get("If-None-Match"), etag);
}
