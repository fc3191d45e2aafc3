// All languages' UI strings, bundled into the server at build time: the server renders any language.
import type { Resource, ResourceLanguage } from "i18next";
import { languages, type Language } from "./languages";
import { namespaces } from "./namespaces";

const files = import.meta.glob<{ default: Record<string, unknown> }>("../../locales/*/*.json", { eager: true });

function resourcesOf(language: Language): ResourceLanguage {
  return Object.fromEntries(
    namespaces.map((namespace) => [namespace, files[`../../locales/${language}/${namespace}.json`]?.default ?? {}]),
  );
}

export const allResources: Resource = Object.fromEntries(languages.map((language) => [language, resourcesOf(language)]));
