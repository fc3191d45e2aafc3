import { useTranslation } from "react-i18next";
import { languageNames, languages, type Language } from "~/i18n/languages";
import { localizedPath } from "~/seo/document-meta";

interface LanguageSwitcherProps {
  current: Language;
  /** The page's path after the language prefix, with its query. */
  path: string;
  /** Languages in which the current page exists. */
  availableLanguages: readonly Language[];
}

/**
 * Links to the same page in the other languages. They pass through /language/<code>, which remembers
 * the choice in a cookie; a language in which the page does not exist is shown, and said to be missing.
 */
export function LanguageSwitcher({ current, path, availableLanguages }: LanguageSwitcherProps) {
  const { t } = useTranslation("common");
  return (
    <nav className="language-switcher" aria-label={t("language.label")}>
      <ul>
        {languages.map((code) => {
          const name = languageNames[code];
          if (code === current) {
            return (
              <li key={code}>
                <span lang={code} aria-current="page" className="language-switcher__current">
                  {name}
                </span>
              </li>
            );
          }
          if (!availableLanguages.includes(code)) {
            return (
              <li key={code}>
                <span lang={code} className="language-switcher__missing" title={t("language.unavailable", { language: name })}>
                  {name}
                  <span className="visually-hidden"> — {t("language.unavailable", { language: name })}</span>
                </span>
              </li>
            );
          }
          const next = localizedPath(code, path);
          return (
            <li key={code}>
              <a href={`/language/${code}?next=${encodeURIComponent(next)}`} lang={code} hrefLang={code}>
                {name}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
