// The comparison a team would otherwise reach for: the student book as HTML, printed by Chromium's
// page.pdf() with the browser already running. The HTML is the server's own student lesson pages
// (their <main>), so the text and the fonts are what a reader sees on the site.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { countPages, median, timeRepeated } from "./timing";

export interface Chromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Debian's Chromium in a fresh profile; never a downloaded browser (ARCHITECTURE.md, Playwright). */
export async function launchChromium(): Promise<Chromium> {
  const profile = mkdtempSync(path.join(tmpdir(), "bench-chromium-"));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: "/usr/bin/chromium",
      headless: true,
      timeout: 30_000,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    let closed = false;
    return {
      context,
      async close() {
        if (closed) return;
        closed = true;
        try {
          await context.close();
        } finally {
          rmSync(profile, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}

/** The inside of the page's single <main> element. */
function mainContent(html: string, url: string): string {
  const open = /<main\b[^>]*>/i.exec(html);
  const close = html.lastIndexOf("</main>");
  if (!open || close < open.index) throw new Error(`${url} has no <main> element`);
  return html.slice(open.index + open[0].length, close);
}

/** The page's stylesheet links, as written (root-relative hrefs: the book's <base> points them at the server). */
function stylesheetLinks(html: string): string[] {
  return [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/gi)].map((match) => match[0]);
}

async function getText(url: string): Promise<string> {
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
  return text;
}

/** One HTML document: every lesson's student page content in the given order, a page break between lessons. */
export async function studentBookHtml(origin: string, language: string, slugs: readonly string[]): Promise<string> {
  const pages = await Promise.all(slugs.map(async (slug) => ({ url: `${origin}/${language}/lessons/${slug}`, html: await getText(`${origin}/${language}/lessons/${slug}`) })));
  const links = stylesheetLinks(pages[0]!.html);
  if (links.length === 0) throw new Error(`${pages[0]!.url} links no stylesheet`);
  // The quiz's own little script only reveals answers on click: leave it out, the book is for print.
  const lessons = pages.map(({ url, html }) => `<section class="book-lesson">${mainContent(html, url).replace(/<script\b[\s\S]*?<\/script>/gi, "")}</section>`);
  return [
    "<!doctype html>",
    `<html lang="${language}" dir="ltr"><head><meta charset="utf-8">`,
    `<base href="${origin}/">`,
    ...links,
    "<style>.book-lesson + .book-lesson { break-before: page; }</style>",
    "</head><body><main>",
    ...lessons,
    "</main></body></html>",
  ].join("\n");
}

export interface ChromiumBookResult {
  /** Timings of the measured page.pdf() calls, after one untimed warm-up. */
  ms: number[];
  medianMs: number;
  size: number;
  pageCount: number;
}

/**
 * Loads the book once, prints it once untimed, then times `runs` page.pdf() calls. The book is served at
 * an address on the server's origin (answered by Playwright, not the server): web fonts are fetched in
 * CORS mode, and from a page without that origin (page.setContent on about:blank) the server's fonts
 * would be refused and Chromium would silently print with system fonts.
 */
export async function chromiumBook(browser: Chromium, origin: string, html: string, runs = 5): Promise<ChromiumBookResult> {
  const page = await browser.context.newPage();
  try {
    page.setDefaultTimeout(60_000);
    const bookUrl = `${origin}/__bench/student-book.html`;
    await page.route(bookUrl, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }));
    await page.goto(bookUrl, { waitUntil: "load" });
    await page.unroute(bookUrl);
    // Web fonts load lazily (by unicode-range); wait until every one the text needs is in.
    const loadedFaces = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((face) => face.status === "loaded").length;
    });
    if (loadedFaces === 0) throw new Error("Chromium loaded none of the site's web fonts: the book would print in system fonts");
    const { ms, last } = await timeRepeated(runs, () => page.pdf({ format: "A4" }));
    return { ms, medianMs: median(ms), size: last.length, pageCount: await countPages(last) };
  } finally {
    await page.close();
  }
}
