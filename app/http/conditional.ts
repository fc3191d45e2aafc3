// Conditional GET: whether a request's If-None-Match names the answer's ETag, with the weak comparison
// RFC 9110 (13.1.2) asks for (a proxy that compresses an answer may send its ETag back as W/"…").

export function matchesIfNoneMatch(request: Request, etag: string): boolean {
  const header = request.headers.get("If-None-Match");
  if (!header) return false;
  return header.split(",").some((value) => value.trim().replace(/^W\//, "") === etag);
}
