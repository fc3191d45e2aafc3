// Makes the small font supplements the browser gets instead of whole script files (the output is
// committed; run `npm run fonts` after changing the letters; see docs/decisions):
// - the letters of the Azerbaijani alphabet outside Noto Sans' Latin subset (Ə ə Ğ ğ İ Ş ş): @fontsource
//   ships them only in the whole Latin Extended subset (55–59 KB a weight), which would double a lesson
//   page's weight;
// - the letters of the language switcher's "ქართული" and "Հայերեն", so that a page in another language
//   does not fetch a whole Georgian or Armenian font (17–34 KB) for one word each.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import subsetFont from "subset-font";

export const azerbaijaniLetters = "ƏəĞğİŞş";
/** languageNames.ka and languageNames.hy of app/i18n/languages.ts (tests/i18n checks they match). */
export const languageNameLetters = { georgian: "ქართული", armenian: "Հայերեն" };
const require = createRequire(import.meta.url);
const outputDirectory = path.resolve(import.meta.dirname, "../app/styles/fonts");

async function subset(source, letters, target) {
  const bytes = await subsetFont(readFileSync(require.resolve(source)), letters, { targetFormat: "woff2" });
  const file = path.join(outputDirectory, target);
  writeFileSync(file, bytes);
  console.log(`${path.relative(process.cwd(), file)}: ${bytes.length} bytes`);
}

for (const weight of [400, 700]) {
  await subset(`@fontsource/noto-sans/files/noto-sans-latin-ext-${weight}-normal.woff2`, azerbaijaniLetters, `noto-sans-azerbaijani-${weight}.woff2`);
}
await subset("@fontsource/noto-sans-georgian/files/noto-sans-georgian-georgian-400-normal.woff2", languageNameLetters.georgian, "language-name-georgian-400.woff2");
await subset("@fontsource/noto-sans-armenian/files/noto-sans-armenian-armenian-400-normal.woff2", languageNameLetters.armenian, "language-name-armenian-400.woff2");
