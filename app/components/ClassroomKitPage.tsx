import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/i18n/languages";
import { localizedPath } from "~/seo/document-meta";
import { navigationItems } from "~/layout/navigation";
import { quickExitScript } from "./inline-scripts";
import { SiteBody } from "./SiteBody";

/** What the classroom kit has of the site's menu: what works without the server. */
const kitNavigation = navigationItems.filter((item) => !("needsServer" in item));

interface ClassroomKitPageProps {
  language: Language;
  title: string;
  /** The page's own portal path ("/lessons/safe-online"): the menu marks it. */
  path: string;
  /** The kit's stylesheet, relative to this page's file. */
  stylesheet: string;
  edition: { version: string; date: string };
  /** The portal online, when its address is known. */
  origin: string | null;
  children: ReactNode;
}

/**
 * A page of the classroom kit (app/offline): the portal's layout as plain HTML, opened from a USB stick
 * or any static server. The quick exit and the quiz carry their own inline scripts, as online; no language
 * switcher (the kit holds one language), no service worker, no address of the portal but the footer's.
 * Links are written as portal addresses and made relative by the kit (app/offline/kit-paths.ts).
 */
export function ClassroomKitPage({ language, title, path, stylesheet, edition, origin, children }: ClassroomKitPageProps) {
  const { t } = useTranslation(["common", "offline"]);
  return (
    <html lang={language} dir="ltr" data-history="replace">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#1d4e89" />
        <title>{title}</title>
        <link rel="stylesheet" href={stylesheet} />
        <script dangerouslySetInnerHTML={{ __html: quickExitScript }} />
      </head>
      <body>
        <SiteBody
          language={language}
          navigation={kitNavigation}
          isCurrent={(itemPath) => itemPath === path}
          footerExtra={
            <p className="site-footer__about" data-kit-edition={edition.version}>
              {t("offline:kitPages.edition", { version: edition.version, date: edition.date })}
              {origin ? (
                <>
                  <br />
                  <a href={`${origin}${localizedPath(language, "/")}`}>{t("offline:kitPages.online", { address: origin })}</a>
                </>
              ) : null}
            </p>
          }
        >
          {children}
        </SiteBody>
      </body>
    </html>
  );
}
