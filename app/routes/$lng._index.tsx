import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { HomeContent } from "~/components/HomeContent";
import { listLessons } from "~/publication/catalogue.server";
import { translator } from "~/i18n/i18n.server";
import { requireLanguage } from "~/http/responses.server";
import { documentMeta, localizedPath } from "~/seo/document-meta";
import { publicOrigin } from "~/seo/public-origin.server";
import { publicPageHandle } from "~/http/route-caching";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const t = await translator(language, "lessons");
  return {
    language,
    lessons: await listLessons(language),
    meta: documentMeta({ title: t("home.title"), description: t("common:site.description"), origin: publicOrigin(request), language, path: "/" }),
  };
}

/** The same page for every reader of its URL: stored and shared (app/http/route-caching.ts). */
export const handle = publicPageHandle;

export const meta: MetaFunction<typeof loader> = ({ data }) => data?.meta ?? [];

export default function Home() {
  const { language, lessons } = useLoaderData<typeof loader>();
  const { t } = useTranslation("offline");
  return (
    <HomeContent language={language} lessons={lessons}>
      <p className="offline-link">
        <a href={localizedPath(language, "/offline")}>{t("links.home")}</a>
      </p>
    </HomeContent>
  );
}
