import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { languages } from "~/i18n/languages";
import { pageFontStack } from "~/layout/font-stacks";
import { codePointsOf, facesFor, fontFaces, parseUnicodeRange, stylesheetForCopy } from "~/offline/font-faces";

// The shape of the built stylesheet: the same family in several subsets, a later face overriding an
// earlier one for a few letters (the Azerbaijani supplement), a second family for other scripts.
const css = [
  '@font-face{font-family:Noto Sans;font-weight:400;src:url(/assets/latin-ext-400.woff2) format("woff2"),url(/assets/latin-ext-400.woff) format("woff");unicode-range:U+0100-02BA,U+0259}',
  '@font-face{font-family:Noto Sans;font-weight:400;src:url(/assets/latin-400.woff2) format("woff2"),url(/assets/latin-400.woff) format("woff");unicode-range:U+0000-00FF,U+2000-206F}',
  '@font-face{font-family:Noto Sans Georgian;font-weight:400;src:url(/assets/georgian-400.woff2) format("woff2");unicode-range:U+10A0-10FF}',
  '@font-face{font-family:Noto Sans Georgian;font-weight:400;src:url(/assets/georgian-latin-400.woff2) format("woff2");unicode-range:U+0000-00FF}',
  '@font-face{font-family:Noto Sans Georgian;font-weight:400;src:url(/assets/georgian-math-400.woff2) format("woff2");unicode-range:U+22??}',
  '@font-face{font-family:Noto Sans;font-weight:400;src:url(/assets/azerbaijani-400.woff2) format("woff2");unicode-range:U+018F,U+0259}',
  '@font-face{font-family:Noto Sans;font-weight:700;src:url(/assets/azerbaijani-700.woff2) format("woff2");unicode-range:U+018F,U+0259}',
  "body{color:red}",
].join("");
const names = (faces: { woff2: string | null }[]) => faces.map((face) => face.woff2);
const stack = ["Noto Sans", "Noto Sans Georgian", "Noto Sans Armenian"];

describe("the fonts an offline copy holds", () => {
  it("reads unicode-range as CSS writes it, wildcards too", () => {
    expect(parseUnicodeRange("U+0000-00FF, U+0131,U+4??")).toEqual([[0, 255], [0x131, 0x131], [0x400, 0x4ff]]);
  });

  it("takes, for each character, the first family of the stack that has a face for it, and there the face declared last", () => {
    const faces = fontFaces(css);
    expect(faces).toHaveLength(7);
    // Latin text: Noto Sans's latin face only, not the Georgian family's latin face.
    expect(names(facesFor(faces, codePointsOf(["Hello"]), stack))).toEqual(["/assets/latin-400.woff2"]);
    // Azerbaijani ə: the supplement declared last (both weights), not the whole Latin Extended.
    expect(names(facesFor(faces, codePointsOf(["Azərbaycan"]), stack))).toEqual(["/assets/latin-400.woff2", "/assets/azerbaijani-400.woff2", "/assets/azerbaijani-700.woff2"]);
    // Georgian letters and a symbol Noto Sans lacks come from the Georgian family.
    expect(names(facesFor(faces, codePointsOf(["ქართ ⋮"]), stack))).toEqual(["/assets/latin-400.woff2", "/assets/georgian-400.woff2", "/assets/georgian-math-400.woff2"]);
  });

  it("writes a stylesheet for the copy: only the kept faces, their WOFF2 only, relative addresses", () => {
    const faces = fontFaces(css);
    const copy = stylesheetForCopy(css, facesFor(faces, codePointsOf(["Hello"]), stack));
    expect(copy).toBe('@font-face{font-family:Noto Sans;font-weight:400;src:url(latin-400.woff2) format("woff2");unicode-range:U+0000-00FF,U+2000-206F}body{color:red}');
  });

  it("follows the stacks app.css gives each language", () => {
    const source = readFileSync(path.resolve(import.meta.dirname, "../../app/styles/app.css"), "utf8");
    const stackOf = (declaration: string) => declaration.split(",").map((family) => family.trim().replace(/^"|"$/g, "")).filter((family) => family.startsWith("Noto"));
    const root = stackOf(/:root\s*\{[^}]*--font:\s*([^;]+);/.exec(source)![1]!);
    const armenian = stackOf(/html:lang\(hy\)\s*\{\s*--font:\s*([^;]+);/.exec(source)![1]!);
    for (const language of languages) expect(pageFontStack[language], language).toEqual(language === "hy" ? armenian : root);
  });
});
