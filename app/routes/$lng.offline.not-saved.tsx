// The answer the service worker gives, offline, for a page it does not hold: in the reader's language,
// with the help line. The worker keeps a copy of it in every language when it installs.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { HelpLine } from "~/components/HelpLine";
import { requireLanguage } from "~/http/responses.server";
import { publicPageHandle } from "~/http/route-caching";
import { translator } from "~/i18n/i18n.server";
import { localizedPath } from "~/seo/document-meta";

export async function loader({ params }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const t = await translator(language, "offline");
  return { language, title: t("notSaved.title") };
}

/** The same page for every reader of its URL: stored and shared (app/http/route-caching.ts). */
export const handle = publicPageHandle;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }, { name: "robots", content: "noindex" }];

export default function NotSaved() {
  const { language } = useLoaderData<typeof loader>();
  const { t } = useTranslation("offline");
  return (
    <div data-offline-not-saved="">
      <h1>{t("notSaved.title")}</h1>
      <p className="lead">{t("notSaved.text")}</p>
      <HelpLine />
      <ul className="error-page__links">
        <li>
          <a href={localizedPath(language, "/")}>{t("notSaved.home")}</a>
        </li>
        <li>
          <a href={localizedPath(language, "/lessons")}>{t("notSaved.lessons")}</a>
        </li>
        <li>
          <a href={localizedPath(language, "/offline")}>{t("notSaved.save")}</a>
        </li>
      </ul>
    </div>
  );
}
