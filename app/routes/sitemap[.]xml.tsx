import type { LoaderFunctionArgs } from "@remix-run/node";
import { sitemapXml } from "~/seo/sitemap.server";
import { publicOrigin } from "~/seo/public-origin.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return new Response(await sitemapXml(publicOrigin(request)), {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
