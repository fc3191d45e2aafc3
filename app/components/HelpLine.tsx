import { useTranslation } from "react-i18next";
import { helpLine } from "~/layout/navigation";

/** The confidential help line and the emergency number, as on every page's footer. */
export function HelpLine({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const { t } = useTranslation("common");
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="help-line">
      <Heading className="help-line__title">{t("helpLine.title")}</Heading>
      <p className="help-line__number">
        <a href={`tel:${helpLine.telephone}`}>{helpLine.display}</a>
      </p>
      <p>{t("helpLine.hours")}</p>
      <p>
        <a href={`tel:${helpLine.emergency}`}>{t("helpLine.emergency")}</a>
      </p>
    </div>
  );
}
