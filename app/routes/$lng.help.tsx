import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { helpLine } from "~/layout/navigation";
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

/** How a student keeps a visit private on a phone: the steps, in order, as keys of help.json's `privacy`. */
const privacySteps = ["exit", "privateWindow", "clearHistory", "sharedPhone"] as const;

export default function Help() {
  const { t } = useTranslation(["help", "common"]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <section className="help-line" aria-labelledby="call">
        <h2 id="call" className="help-line__title">{t("callTitle")}</h2>
        <p className="help-line__number">
          <a href={`tel:${helpLine.telephone}`}>{helpLine.display}</a>
        </p>
        <p>{t("common:helpLine.hours")}</p>
        <p>{t("callText")}</p>
      </section>
      <h2>{t("emergencyTitle")}</h2>
      <p>
        <a href={`tel:${helpLine.emergency}`}>{t("emergencyText")}</a>
      </p>
      <h2>{t("whatTitle")}</h2>
      <p>{t("whatText")}</p>
      <h2>{t("whereTitle")}</h2>
      <ul>
        <li>{t("whereStateFund")}</li>
        <li>{t("wherePolice")}</li>
        <li>{t("whereIom")}</li>
      </ul>
      <h2>{t("friendTitle")}</h2>
      <p>{t("friendText")}</p>
      <section aria-labelledby="privacy">
        <h2 id="privacy">{t("privacy.title")}</h2>
        <p>{t("privacy.intro")}</p>
        <ul>
          {privacySteps.map((step) => (
            <li key={step}>{t(`privacy.${step}`)}</li>
          ))}
        </ul>
      </section>
    </>
  );
}
