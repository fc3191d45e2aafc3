// The fonts each language's pages draw their text with, fetched from the first moment (preload) instead
// of after the stylesheet: a font that arrives late swaps in and moves the page (Lighthouse measured a
// layout shift of 0.12 on Georgian lesson pages once the content note sat above the fold). The same files
// the stylesheet names (Vite gives an imported file one hashed URL), so nothing is fetched twice.
import armenian400 from "@fontsource/noto-sans-armenian/files/noto-sans-armenian-armenian-400-normal.woff2?url";
import armenian700 from "@fontsource/noto-sans-armenian/files/noto-sans-armenian-armenian-700-normal.woff2?url";
import georgian400 from "@fontsource/noto-sans-georgian/files/noto-sans-georgian-georgian-400-normal.woff2?url";
import georgian700 from "@fontsource/noto-sans-georgian/files/noto-sans-georgian-georgian-700-normal.woff2?url";
import latin400 from "@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url";
import latin700 from "@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?url";
import type { Language } from "~/i18n/languages";

export const fontPreloads: Record<Language, readonly string[]> = {
  ka: [georgian400, georgian700],
  hy: [armenian400, armenian700],
  az: [latin400, latin700],
  en: [latin400, latin700],
};
