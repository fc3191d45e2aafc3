import { useTranslation } from "react-i18next";
import type { Language } from "~/i18n/languages";
import { localizedPath } from "~/seo/document-meta";

interface StaffUser {
  name: string;
  role: "admin" | "editor" | "reviewer";
}

/** The staff area's own navigation, above its pages (public pages never look at the session). */
export function StaffNav({ user, language }: { user: StaffUser; language: Language }) {
  const { t } = useTranslation("review");
  return (
    <nav className="staff-nav" aria-label={t("nav.label")}>
      <ul>
        <li>
          <a href={localizedPath(language, "/review")}>{t("nav.queue")}</a>
        </li>
        <li>
          <a href={localizedPath(language, "/review/status")}>{t("nav.status")}</a>
        </li>
        {user.role !== "editor" ? (
          <li>
            <a href={localizedPath(language, "/review/audit")}>{t("nav.audit")}</a>
          </li>
        ) : null}
      </ul>
      <p>
        {t("nav.signedInAs", { name: user.name, role: t(`roles.${user.role}`) })} ·{" "}
        <a href={localizedPath(language, "/account")}>{t("nav.account")}</a> · <a href={localizedPath(language, "/logout")}>{t("logout.submit")}</a>
      </p>
    </nav>
  );
}
