import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { HelpContent } from "~/components/HelpContent";
import { translator } from "~/i18n/i18n.server";
import { requireLanguage } from "~/http/responses.server";
import { documentMeta } from "~/seo/document-meta";
import { publicOrigin } from "~/seo/public-origin.server";
import { publicPageHandle } from "~/http/route-caching";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const t = await translator(language, "help");
  return { meta: documentMeta({ title: t("title"), description: t("description"), origin: publicOrigin(request), language, path: "/help" }) };
}

/** The same page for every reader of its URL: stored and shared (app/http/route-caching.ts). */
export const handle = publicPageHandle;

export const meta: MetaFunction<typeof loader> = ({ data }) => data?.meta ?? [];

export default function Help() {
  return <HelpContent />;
}
