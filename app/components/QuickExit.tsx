import { useTranslation } from "react-i18next";
import { quickExitUrl } from "~/layout/navigation";

/**
 * A student who must hide what they are reading leaves at once: one tap or click, Shift+Escape, or three
 * quick taps anywhere on the page. The inline script (quickExitScript) hides the page at once and
 * replaces it in the history, so that "Back" does not return here; without JavaScript the control is
 * still a plain link.
 */
export function QuickExit() {
  const { t } = useTranslation("common");
  return (
    <a className="quick-exit" href={quickExitUrl} rel="noreferrer" data-quick-exit="" aria-describedby="quick-exit-hint">
      {/* U+00D7, in every Latin font: a "✕" would fetch a symbols font for one glyph. */}
      <span aria-hidden="true" className="quick-exit__icon">
        ×
      </span>
      {t("quickExit.label")}
      <span id="quick-exit-hint" className="visually-hidden">
        {t("quickExit.shortcuts")}
      </span>
    </a>
  );
}
