// The offline page's progress counts bytes in the browser, whose Intl may not know our languages' units
// (Chromium on Debian writes "1.4 MB" on a Georgian page): its script writes sizes from patterns the
// server gives, and must write them exactly as formatFileSize does everywhere else on the page.
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { fileSizeFunction } from "~/components/inline-scripts";
import { fileSizePatterns, formatFileSize } from "~/i18n/format-size";
import { languages } from "~/i18n/languages";

const kilobyte = 1024;
const megabyte = 1024 * 1024;
const sizes = [0, 1, 700, 99 * kilobyte, 1000 * kilobyte, 1023 * kilobyte, megabyte, 1.44 * megabyte, 1.96 * megabyte, 12.95 * megabyte, 38.04 * megabyte, 1234.5 * megabyte];

describe("file sizes written by the offline page's script", () => {
  for (const language of languages) {
    it(`${language}: as formatFileSize writes them, from the server's patterns`, () => {
      const patterns = fileSizePatterns(language);
      const S = { k: patterns.kilobytes, m: patterns.megabytes, d: patterns.decimal, g: patterns.group };
      // Without Intl: the script must not lean on the browser's, which may lack these languages.
      const size = runInNewContext(`(function(){var Intl;var S=${JSON.stringify(S)};${fileSizeFunction};return size})()`) as (bytes: number) => string;
      for (const bytes of sizes) expect(size(bytes), `${bytes} bytes`).toBe(formatFileSize(bytes, language));
    });
  }

  it("the Georgian and Armenian units are their own, not the English ones", () => {
    expect(fileSizePatterns("ka").megabytes).not.toContain("MB");
    expect(fileSizePatterns("hy").kilobytes).not.toContain("kB");
    expect(fileSizePatterns("ka").decimal).toBe(",");
  });
});
