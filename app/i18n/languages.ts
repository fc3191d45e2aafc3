// The four languages of the curriculum. The order is the order of the language switcher.
export const languages = ["ka", "hy", "az", "en"] as const;
export type Language = (typeof languages)[number];

export const defaultLanguage: Language = "ka";

/** Each language's own name for itself, shown in the switcher whatever the page's language. */
export const languageNames: Record<Language, string> = {
  ka: "ქართული",
  hy: "Հայերեն",
  az: "Azərbaycanca",
  en: "English",
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (languages as readonly string[]).includes(value);
}
