// /sw.js: the service worker's source with its version filled in (the hash of the source itself, so that
// every change to it installs anew and renews the pages it keeps for the unopened-page answer).
import { createHash } from "node:crypto";
import { matchesIfNoneMatch } from "~/http/conditional";
import source from "./service-worker.js?raw";

const version = createHash("sha256").update(source).digest("hex").slice(0, 12);
const script = source.replace("__SERVICE_WORKER_VERSION__", version);

export function serviceWorkerResponse(request: Request): Response {
  const etag = `"${version}"`;
  const headers = {
    // Browsers look for a new worker at every visit anyway (at most once a day from the HTTP cache);
    // no-cache makes that a cheap revalidation, and an update reaches readers at their next visit.
    "Cache-Control": "no-cache",
    ETag: etag,
    // What the worker itself may load: this site only.
    "Content-Security-Policy": "default-src 'self'",
  };
  if (matchesIfNoneMatch(request, etag)) return new Response(null, { status: 304, headers });
  return new Response(script, { headers: { ...headers, "Content-Type": "text/javascript; charset=utf-8" } });
}
