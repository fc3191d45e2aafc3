import { config } from "~/config.server";
import { createHash } from "node:crypto";
import { offlinePageScript, quickExitScript, quizScript, serviceWorkerScript, verifyScript } from "~/components/inline-scripts";

/** The public pages' own inline scripts, allowed by their hash whatever the nonce. */
const inlineScriptHashes = [quickExitScript, quizScript, verifyScript, serviceWorkerScript, offlinePageScript]
  .map((script) => `'sha256-${createHash("sha256").update(script).digest("base64")}'`)
  .join(" ");

/**
 * Headers every response carries, whatever it is (a page, a PDF, a static file, a redirect, a guard's
 * refusal, a 304): no content sniffing, no framing, no referrer to other sites, no device features.
 */
export function sharedSecurityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {
    // Not "no-referrer": with it Chromium sends "Origin: null" on same-site form posts, which the
    // origin check then refuses. "same-origin" still tells other sites nothing.
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
  };
  // Only a deployment behind HTTPS: a local `npm start` serves http://localhost.
  if (config().deployment && config().hsts) {
    headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  }
  return headers;
}

// Headers every HTML response carries. Scripts run only as one of our known inline scripts (by hash)
// or, on a private page, with this request's nonce; nothing is loaded from another origin (fonts are
// self-hosted), and no page may be framed. A public page has no nonce: its HTML is stored and served to
// many readers, and the same policy goes with its 200 and its 304.
export function securityHeaders(nonce: string | null): Record<string, string> {
  const scriptSources = nonce === null ? inlineScriptHashes : `'nonce-${nonce}' ${inlineScriptHashes}`;
  const policy = [
    "default-src 'self'",
    `script-src 'self' ${scriptSources}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
  return { "Content-Security-Policy": policy, ...sharedSecurityHeaders() };
}
