import { RemixBrowser } from "@remix-run/react";
import i18next, { type ResourceLanguage } from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { i18nextOptions } from "~/i18n/i18next-options";
import { defaultLanguage, isLanguage } from "~/i18n/languages";
import { namespaces } from "~/i18n/namespaces";

// Only the page's own language is downloaded: one small chunk per namespace.
const localeFiles = import.meta.glob<{ default: ResourceLanguage[string] }>("../locales/*/*.json");

async function hydrate() {
  const pageLanguage = document.documentElement.lang;
  const language = isLanguage(pageLanguage) ? pageLanguage : defaultLanguage;
  const loaded = await Promise.all(
    namespaces.map(async (namespace) => {
      const load = localeFiles[`../locales/${language}/${namespace}.json`];
      return [namespace, load ? (await load()).default : {}] as const;
    }),
  );
  await i18next.use(initReactI18next).init({
    ...i18nextOptions,
    lng: language,
    resources: { [language]: Object.fromEntries(loaded) },
  });
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();
