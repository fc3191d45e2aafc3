import { useTranslation } from "react-i18next";
import { helpLine } from "~/layout/navigation";

/** How a student keeps a visit private on a phone: the steps, in order, as keys of help.json's `privacy`. */
const privacySteps = ["exit", "privateWindow", "clearHistory", "savedCopies", "sharedPhone"] as const;

/** The help page, whole: the public page and the classroom kit's copy of it. */
export function HelpContent() {
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
