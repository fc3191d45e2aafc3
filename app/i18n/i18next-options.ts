// Options shared by the server's and the browser's i18next instances.
import type { InitOptions } from "i18next";
import { defaultNamespace, namespaces } from "./namespaces";
import { defaultLanguage, languages } from "./languages";

export const i18nextOptions = {
  supportedLngs: [...languages],
  fallbackLng: defaultLanguage,
  ns: [...namespaces],
  defaultNS: defaultNamespace,
  interpolation: { escapeValue: false }, // React escapes.
  react: { useSuspense: false },
} satisfies InitOptions;
