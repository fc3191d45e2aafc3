// Text can extract perfectly and still be invisible: render page 1 of every kind of document with
// poppler's pdftoppm and count the ink.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { outputDirectory } from "./browser";

const baseUrl = inject("baseUrl");
const rendered = path.join(outputDirectory, "pdf-pages");
mkdirSync(rendered, { recursive: true });

/** Share of pixels that are not (nearly) white, from a binary PGM written by pdftoppm -gray. */
function inkShare(pgm: Buffer): number {
  const header = pgm.toString("latin1", 0, 64).match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  if (!header) throw new Error("not a binary PGM");
  const pixels = pgm.subarray(header[0].length);
  let ink = 0;
  for (const value of pixels) if (value < 200) ink += 1;
  return ink / pixels.length;
}

const documents = [
  ["ka", "/ka/lessons/what-is-trafficking/plan.pdf"],
  ["hy", "/hy/lessons/safe-online/handout.pdf"],
  ["az", "/az/books/student.pdf"],
  ["en", "/en/books/teacher.pdf"],
  ["ka-hy pack", "/ka/packs/pack.pdf?lessons=rights-and-help,safe-migration&parts=handout,plan&handouts=hy&copies=1"],
] as const;

describe("PDF pages rendered by poppler carry ink", () => {
  for (const [name, url] of documents) {
    it(`${name}: ${url.split("?")[0]}`, async () => {
      const response = await fetch(baseUrl + url);
      expect(response.status).toBe(200);
      const file = path.join(rendered, `${name.replace(/\W+/g, "-")}-${path.basename(url.split("?")[0]!, ".pdf")}.pdf`);
      writeFileSync(file, Buffer.from(await response.arrayBuffer()));
      // Page 1, and for books page 3 too (the first lesson: body text in the language's own script).
      for (const page of url.includes("/books/") ? [1, 3] : [1]) {
        const prefix = file.replace(/\.pdf$/, `-page-${page}`);
        execFileSync("pdftoppm", ["-gray", "-r", "50", "-f", String(page), "-l", String(page), "-singlefile", file, prefix]);
        execFileSync("pdftoppm", ["-png", "-r", "60", "-f", String(page), "-l", String(page), "-singlefile", file, prefix]);
        const share = inkShare(readFileSync(`${prefix}.pgm`));
        console.log(`${name} page ${page}: ${(share * 100).toFixed(1)} % ink`);
        expect(share, `${name} page ${page}`).toBeGreaterThan(page === 1 && url.includes("/books/") ? 0.005 : 0.02);
      }
    });
  }
});

/**
 * Share of dark pixels inside the text area only (A4's 72 pt top and bottom margins left out): the
 * running header and footer alone must not make a page count as printed.
 */
function bodyInkShare(pgm: Buffer, dpi: number): number {
  const header = pgm.toString("latin1", 0, 64).match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  if (!header) throw new Error("not a binary PGM");
  const width = Number(header[1]);
  const height = Number(header[2]);
  const pixels = pgm.subarray(header[0].length);
  const margin = Math.round((72 / 72) * dpi);
  let ink = 0;
  for (let row = margin; row < height - margin; row += 1) {
    for (let column = 0; column < width; column += 1) if (pixels[row * width + column]! < 200) ink += 1;
  }
  return ink / (width * (height - 2 * margin));
}

/** Letters of each language's own script, to tell that extracted text is in the page's language. */
const scripts = { ka: /[\u10d0-\u10ff]/g, hy: /[\u0531-\u0587]/g, az: /[əğışçöüİ]/gi, en: /[a-z]/gi } as const;

describe("materials.pdf in every language: ink on every page, text in the page's script", () => {
  for (const language of ["ka", "hy", "az", "en"] as const) {
    it(`${language}: rights-and-help`, async () => {
      const response = await fetch(`${baseUrl}/${language}/lessons/rights-and-help/materials.pdf`);
      expect(response.status).toBe(200);
      const file = path.join(rendered, `${language}-rights-and-help-materials.pdf`);
      writeFileSync(file, Buffer.from(await response.arrayBuffer()));
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))![1]);
      expect(pages).toBeGreaterThanOrEqual(3);
      for (let page = 1; page <= pages; page += 1) {
        const prefix = file.replace(/\.pdf$/, `-page-${page}`);
        execFileSync("pdftoppm", ["-gray", "-r", "40", "-f", String(page), "-l", String(page), "-singlefile", file, prefix]);
        const share = bodyInkShare(readFileSync(`${prefix}.pgm`), 40);
        expect(share, `${language} materials page ${page}`).toBeGreaterThan(0.003);
        const text = execFileSync("pdftotext", ["-f", String(page), "-l", String(page), file, "-"], { encoding: "utf8" });
        // Most letters on the page (header and footer aside) are in the language's own script.
        const own = text.match(scripts[language])?.length ?? 0;
        expect(own, `${language} materials page ${page}: ${text.slice(0, 200)}`).toBeGreaterThan(language === "az" ? 5 : 100);
      }
    });
  }
});
