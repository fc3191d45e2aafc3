// The one rule for "this request comes from our own pages": the Origin header a browser sends with every
// state-changing request must name this site. Pure, so the server's guard (which answers before Remix)
// and the routes' requireSameOrigin apply the same rule.

/** The origins this site answers as: the request's own (as the proxy forwarded it) and PUBLIC_ORIGIN. */
export function ownOrigins(requestOrigin: string, publicOrigin: string | null): string[] {
  return [requestOrigin, ...(publicOrigin ? [publicOrigin] : [])];
}

/** Whether an Origin header names one of the site's own origins; a missing or malformed one does not. */
export function isOwnOrigin(originHeader: string | null | undefined, origins: readonly string[]): boolean {
  if (!originHeader) return false;
  let origin: string;
  try {
    origin = new URL(originHeader).origin;
  } catch {
    return false;
  }
  return origins.some((candidate) => {
    try {
      return new URL(candidate).origin === origin;
    } catch {
      return false;
    }
  });
}
