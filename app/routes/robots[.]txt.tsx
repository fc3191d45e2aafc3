import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicOrigin } from "~/seo/public-origin.server";

export function loader({ request }: LoaderFunctionArgs) {
  // Staff pages, machine endpoints and the language switch are no pages for a search engine.
  const closed = ["/language/", "/healthz", "/verify/", "/*/login", "/*/logout", "/*/review", "/*/edit/"];
  const body = ["User-agent: *", "Allow: /", ...closed.map((path) => `Disallow: ${path}`), "", `Sitemap: ${publicOrigin(request)}/sitemap.xml`, ""].join("\n");
  return new Response(body, { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=86400" } });
}
