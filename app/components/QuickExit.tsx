import { useTranslation } from "react-i18next";
import { quickExitUrl } from "~/layout/navigation";

/**
 * A student who must hide what they are reading leaves at once. The inline script in root.tsx makes the
 * click replace this page in the history, so that "Back" does not return here.
 */
export function QuickExit() {
  const { t } = useTranslation("common");
  return (
    <a className="quick-exit" href={quickExitUrl} rel="noreferrer" data-quick-exit="" title={t("quickExit.hint")}>
      {t("quickExit.label")}
    </a>
  );
}

