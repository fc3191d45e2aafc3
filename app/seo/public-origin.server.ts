// The site's public origin, for absolute URLs (canonical, hreflang, sitemap).
import { config } from "~/config.server";

/** The site's public origin: PUBLIC_ORIGIN when configured (behind a proxy), else the request's. */
export function publicOrigin(request: Request): string {
  return config().publicOrigin ?? new URL(request.url).origin;
}
