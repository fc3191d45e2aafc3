// The font families each language's pages draw their text with, in the order app.css names them (its
// --font, and the language switcher's names): a browser takes a character from the first family that has
// a face for it. An offline copy holds the font files this order leads to (app/offline/font-faces.ts);
// tests/offline/font-faces.test.ts holds this list to app.css.
import type { Language } from "~/i18n/languages";

const scriptsFirstGeorgian = ["Noto Sans", "Noto Sans Georgian", "Noto Sans Armenian"] as const;

export const pageFontStack: Record<Language, readonly string[]> = {
  ka: scriptsFirstGeorgian,
  // Each page's own script first: the Armenian full stop is in both the Georgian and the Armenian font.
  hy: ["Noto Sans", "Noto Sans Armenian", "Noto Sans Georgian"],
  az: scriptsFirstGeorgian,
  en: scriptsFirstGeorgian,
};

/** The other languages' names in the language switcher, on every page of the portal. */
export const languageNameFontStack = ["Noto Sans", "Portal Language Names"] as const;
