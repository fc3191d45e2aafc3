// "Not now, come back in a moment": the one shape of every 503 the portal gives (the database out of
// reach, every typesetting worker busy). Never stored; it says when to try again.

/** What a 503 asks the client to wait before trying again. */
export const retryAfterSeconds = 30;

export const unavailableHeaders = {
  "Retry-After": String(retryAfterSeconds),
  "Cache-Control": "no-store",
} as const;

/** A plain-text 503 with the reader-language text the caller gives. */
export function unavailableResponse(text: string): Response {
  return new Response(`${text.trimEnd()}\n`, { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8", ...unavailableHeaders } });
}
