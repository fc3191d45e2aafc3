// Makes the small Azerbaijani supplement of Noto Sans for the browser: the letters of the Azerbaijani
// alphabet that lie outside Noto Sans' Latin subset (Ə ə Ğ ğ İ Ş ş). @fontsource ships them only in the
// whole Latin Extended subset (55–59 KB a weight), which would double a lesson page's weight.
// Run `npm run fonts` after changing the letters; the output is committed (see docs/decisions).
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import subsetFont from "subset-font";

export const azerbaijaniLetters = "ƏəĞğİŞş";
const require = createRequire(import.meta.url);
const outputDirectory = path.resolve(import.meta.dirname, "../app/styles/fonts");

for (const weight of [400, 700]) {
  const source = require.resolve(`@fontsource/noto-sans/files/noto-sans-latin-ext-${weight}-normal.woff2`);
  const subset = await subsetFont(readFileSync(source), azerbaijaniLetters, { targetFormat: "woff2" });
  const target = path.join(outputDirectory, `noto-sans-azerbaijani-${weight}.woff2`);
  writeFileSync(target, subset);
  console.log(`${path.relative(process.cwd(), target)}: ${subset.length} bytes`);
}
