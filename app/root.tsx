import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LanguageSwitcher } from "~/components/LanguageSwitcher";
import { useNonce } from "~/components/nonce";
import { quickExitScript, serviceWorkerScript } from "~/components/inline-scripts";
import { SiteBody } from "~/components/SiteBody";
import { pageLanguage } from "~/i18n/i18n.server";
import { isLanguage, languages, type Language } from "~/i18n/languages";
import { fontPreloads } from "~/layout/font-preloads";
import { navigationItems } from "~/layout/navigation";
import type { NotFoundSuggestions } from "~/publication/lesson-page.server";
import { localizedPath } from "~/seo/document-meta";
import stylesheet from "~/styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "manifest", href: "/manifest.webmanifest" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return { language: await pageLanguage(request, params.lng) };
}

/** Routes tell the switcher in which languages their page exists by returning `availableLanguages`. */
function useAvailableLanguages(): readonly Language[] {
  const matches = useMatches();
  for (const match of [...matches].reverse()) {
    const data = match.data as { availableLanguages?: Language[] } | undefined;
    if (data?.availableLanguages) return data.availableLanguages;
  }
  return languages;
}

export function Layout({ children }: { children: ReactNode }) {
  const rootData = useRouteLoaderData<typeof loader>("root");
  const { t, i18n } = useTranslation("common");
  const location = useLocation();
  const nonce = useNonce();
  const error = useRouteError();
  const prefix = location.pathname.split("/")[1];
  const language: Language = rootData?.language ?? (isLanguage(i18n.language) ? i18n.language : "ka");
  // On an error page the same path may not exist in any language: the switcher leads home instead.
  const pathAfterPrefix = error || !isLanguage(prefix) ? "/" : location.pathname.slice(prefix.length + 1) || "/";
  const availableLanguages = useAvailableLanguages();
  const matches = useMatches();
  const staffPage = matches.some((match) => match.id.includes("_staff"));
  // The pages that are the same for every reader (app/http/route-caching.ts) are the ones the service worker keeps.
  const publicPage = !error && (matches.at(-1)?.handle as { cache?: string } | undefined)?.cache === "public";

  return (
    // Public pages: the inline script makes every move inside the portal replace the history entry, so
    // that the whole visit is one entry, which the quick exit then replaces too. Staff keep their history.
    <html lang={language} dir="ltr" data-history={staffPage ? undefined : "replace"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#1d4e89" />
        {error ? <title>{errorPageTexts(error, t).title}</title> : <Meta />}
        {fontPreloads[language].map((href) => (
          <link key={href} rel="preload" as="font" type="font/woff2" href={href} crossOrigin="anonymous" />
        ))}
        <Links />
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: quickExitScript }} />
        {/* Public pages register the service worker that keeps them for reading offline (decision 013);
            staff and sign-in pages never do, and the worker never stores them. */}
        {publicPage ? <script nonce={nonce} dangerouslySetInnerHTML={{ __html: serviceWorkerScript }} /> : null}
      </head>
      <body>
        <SiteBody
          language={language}
          navigation={navigationItems}
          isCurrent={(path) => {
            const href = localizedPath(language, path);
            return location.pathname === href || (path !== "/" && location.pathname.startsWith(`${href}/`));
          }}
          menuExtra={
            <LanguageSwitcher
              current={language}
              path={`${pathAfterPrefix}${error ? "" : location.search}`}
              availableLanguages={error ? languages : availableLanguages}
            />
          }
          footerExtra={
            <p className="site-footer__links">
              <a href={localizedPath(language, "/offline")}>{t("offline:links.footer")}</a>
              {" · "}
              <a href={localizedPath(language, "/verify")}>{t("verify:title")}</a>
            </p>
          }
        >
          {children}
        </SiteBody>
        {/* No <Scripts />: pages ship no JavaScript bundle (decision 002). Students read them on phones over
            slow lines and every page works as plain HTML; the quiz and the quick exit carry their own few
            hundred bytes of inline script. */}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

/** The title and message of an error page; the title goes in the document's head, where it belongs. */
function errorPageTexts(error: unknown, t: (key: string) => string) {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const unavailable = status === 503;
  const notFound = status === 404;
  const title = notFound ? t("notFound.title") : unavailable ? t("error.unavailableTitle") : t("error.title");
  const message = notFound ? t("notFound.message") : unavailable ? t("error.unavailable") : status < 500 ? t("error.badRequest") : t("error.message");
  return { status, title, message };
}

export function ErrorBoundary() {
  const error = useRouteError();
  const rootData = useRouteLoaderData<typeof loader>("root");
  const { t } = useTranslation("common");
  const location = useLocation();
  const language = rootData?.language ?? "ka";
  const { status, title, message } = errorPageTexts(error, t);
  // A 404 may carry the lessons closest to what was asked for (app/publication/lesson-page.server.ts).
  const suggestions = (isRouteErrorResponse(error) && (error.data as Partial<NotFoundSuggestions> | null)?.suggestions) || [];
  // 503: the database is out of reach; the server logs that (at most once in 10 s), not every page.
  const unavailable = status === 503;
  if (status >= 500 && !unavailable) console.error(error);
  return (
    <div className="error-page">
      <h1>{title}</h1>
      <p>{message}</p>
      {suggestions.length > 0 ? (
        <>
          <p>{t("notFound.suggestions")}</p>
          <ul className="error-page__suggestions">
            {suggestions.map((suggestion) => (
              <li key={suggestion.href}>
                <a href={suggestion.href}>{suggestion.title}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <ul className="error-page__links">
        {unavailable ? (
          <li>
            <a href={`${location.pathname}${location.search}`}>{t("error.retry")}</a>
          </li>
        ) : null}
        <li>
          <a href={localizedPath(language, "/")}>{t("notFound.back")}</a>
        </li>
        <li>
          <a href={localizedPath(language, "/lessons")}>{t("notFound.lessons")}</a>
        </li>
      </ul>
    </div>
  );
}
