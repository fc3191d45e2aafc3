// The body every page of the site has, online and in the classroom kit: the skip link, the quick exit
// (first after the skip link, and fixed: always on screen, whatever the scroll position), the header with
// its menu, the page, and the footer with the help line. One component, so that the kit's copy never
// drifts from the site it copies.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/i18n/languages";
import { localizedPath } from "~/seo/document-meta";
import { HelpLine } from "./HelpLine";
import { QuickExit } from "./QuickExit";

interface SiteBodyProps {
  language: Language;
  /** The menu's entries, as portal paths ("/lessons"). */
  navigation: readonly { path: string; labelKey: string }[];
  /** Whether the reader is on (or inside) that entry's page: the menu marks it. */
  isCurrent: (path: string) => boolean;
  /** Beside the menu, in its panel: the language switcher online. */
  menuExtra?: ReactNode;
  /** Under the help line and the site's description. */
  footerExtra: ReactNode;
  children: ReactNode;
}

export function SiteBody({ language, navigation, isCurrent, menuExtra, footerExtra, children }: SiteBodyProps) {
  const { t } = useTranslation("common");
  return (
    <>
      <a className="skip-link" href="#main">
        {t("skipLink")}
      </a>
      <QuickExit />
      <header className="site-header">
        <a className="site-name" href={localizedPath(language, "/")}>
          {t("site.name")}
        </a>
        {/* On a phone the menu folds away, so that the page's own title shows on the first screen; on a
            wide screen it is always open (app.css). A <details> works without JavaScript. */}
        <details className="site-menu">
          <summary>{t("menu")}</summary>
          <div className="site-menu__panel">
            <nav className="site-nav" aria-label={t("nav.label")}>
              <ul>
                {navigation.map((item) => (
                  <li key={item.path}>
                    <a href={localizedPath(language, item.path)} aria-current={isCurrent(item.path) ? "page" : undefined}>
                      {t(item.labelKey)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            {menuExtra}
          </div>
        </details>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer" aria-label={t("footer.label")}>
        <HelpLine />
        <p className="site-footer__about">{t("footer.about")}</p>
        {footerExtra}
      </footer>
    </>
  );
}
