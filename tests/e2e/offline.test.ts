// Offline classroom in Chromium (decision 013), on a server of its own (its database changes, and its
// request log shows that nothing reaches it while the browser is offline): read a lesson, go offline,
// reload it; an unopened page offline; save a language and read every lesson offline; the time to save
// over a slow line; a content change reaching an online reader; the classroom kit from file://.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "~/auth/users.server";
import { createDatabase } from "~/db/database.server";
import { decideRevision } from "~/review/decisions.server";
import { submitEditorRevision } from "~/review/editor.server";
import { publishedText } from "../support/published";
import { localeTexts } from "../support/locales";
import { startServer, type ServerProcess } from "../support/server-process";
import { launchBrowser, outputDirectory, watchForErrors } from "./browser";
import { controlNetwork } from "./network";

const slugs = ["what-is-trafficking", "forms-of-exploitation", "how-traffickers-recruit", "safe-migration", "safe-online", "myths-and-facts", "rights-and-help", "awareness-campaign"];
const measurements: Record<string, unknown> = {};

type Browser = Awaited<ReturnType<typeof launchBrowser>>;
let server: ServerProcess;
const browsers: Browser[] = [];
beforeAll(async () => {
  server = await startServer();
  // The first visit loads the catalogue; the kit (every PDF) is made before the tests ask for it.
  expect((await fetch(`${server.url}/ka/offline/manifest.json`)).status).toBe(200);
}, 180_000);
afterAll(async () => {
  await Promise.all(browsers.map((browser) => browser.close()));
  await server?.dispose();
  mkdirSync(outputDirectory, { recursive: true });
  writeFileSync(path.join(outputDirectory, "offline-measurements.json"), `${JSON.stringify(measurements, null, 2)}\n`);
});

async function phone() {
  const browser = await launchBrowser();
  browsers.push(browser);
  return browser.context;
}

/** Requests the server has logged so far (each one, as it was answered). */
const requestEvents = () => server.events().filter((event) => event.event === "request");
const requestsSoFar = () => requestEvents().length;
/**
 * The requests logged after the first `count` that the page or its worker made, as "GET /path 200", so that
 * a failure says which one reached the server. Left out: Chromium's own check of /sw.js about a second after
 * each navigation (the service worker update the specification asks for), which the browser process makes
 * outside the page's and the worker's DevTools network emulation: seen here answered 304 with the network
 * "gone" (a device really offline makes none). It came after the last check of the count in one CI run.
 */
const requestsAfter = (count: number) =>
  requestEvents()
    .slice(count)
    .map((event) => `${String(event.method)} ${String(event.path)} ${String(event.status)}`)
    .filter((request) => !request.startsWith("GET /sw.js "));

/**
 * The server's request count once its log has caught up: a request answered just before the network went
 * away (the test's own fetch, the worker's last check) is logged a moment later, through a pipe.
 */
async function settledRequestCount(): Promise<number> {
  let count = requestsSoFar();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = requestsSoFar();
    if (now === count) return now;
    count = now;
  }
}

/** Until the service worker runs this page and holds its address. */
async function waitUntilKept(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(async () => Boolean(await caches.match(location.href.split("#")[0]!))), { timeout: 15_000 }).toBe(true);
}

/** The page as a reader sees it: styled by the stylesheet, no font that failed to load. */
async function looksRight(page: Page) {
  const header = await page.evaluate(() => getComputedStyle(document.querySelector(".site-header")!).backgroundColor);
  expect(header).toBe("rgb(29, 78, 137)");
  await page.evaluate(() => document.fonts.ready);
  const failed = await page.evaluate(() => [...document.fonts].filter((font) => font.status === "error").map((font) => `${font.family} ${font.weight}`));
  expect(failed).toEqual([]);
}

describe("reading offline", () => {
  it("a lesson read online is there offline: reloaded with the network gone, styled, nothing asked of the server; the quick exit still leaves", async () => {
    const context = await phone();
    const errors = watchForErrors(context);
    const page = await context.newPage();
    const network = await controlNetwork(page);
    await page.goto(`${server.url}/en/lessons/safe-online`, { waitUntil: "load" });
    await waitUntilKept(page);
    const title = await page.locator("h1").innerText();

    await network.offline();
    const before = await settledRequestCount();
    await page.reload({ waitUntil: "load" });
    expect(await page.locator("h1").innerText()).toBe(title);
    await looksRight(page);
    // The quiz still checks itself (its inline script), offline.
    await page.locator("#question-1 input").first().check();
    await page.locator("#question-1 [data-check]").click();
    expect(await page.locator("#question-1 .quiz__outcome").isVisible()).toBe(true);

    // An unopened page: the short page in the reader's language, with the help line and 112.
    await page.goto(`${server.url}/en/lessons/myths-and-facts`, { waitUntil: "load" });
    const t = localeTexts("en", "offline");
    expect(await page.locator("h1").innerText()).toBe(t.notSaved.title);
    const text = (await page.locator("body").innerText()).replaceAll("\u00a0", " ");
    expect(text).toContain("+995 32 2 91 34 61");
    expect(text).toContain("112");
    await looksRight(page);
    expect(requestsAfter(before)).toEqual([]);

    // The quick exit is inline on every page: offline, it still hides the page and leaves.
    await page.goto(`${server.url}/en/lessons/safe-online`, { waitUntil: "load" });
    await page.locator("[data-quick-exit]").click();
    await page.waitForURL((url) => !url.href.startsWith(server.url), { timeout: 10_000 });
    expect(page.url()).not.toContain("/en/lessons");
    expect(errors.filter((error) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED|net::/.test(error))).toEqual([]);
  });

  it("an unopened page offline answers in the language of its address (Georgian, Armenian), and a page without one in the browser's", async () => {
    const context = await phone();
    const page = await context.newPage();
    const network = await controlNetwork(page);
    await page.goto(`${server.url}/hy/`, { waitUntil: "load" });
    await waitUntilKept(page);
    await network.offline();
    for (const language of ["ka", "hy", "az"]) {
      await page.goto(`${server.url}/${language}/lessons/rights-and-help/teacher`, { waitUntil: "load" });
      expect(await page.locator("html").getAttribute("lang"), language).toBe(language);
      expect(await page.locator("h1").innerText(), language).toBe(localeTexts(language, "offline").notSaved.title);
      expect((await page.locator(".help-line").first().innerText()).replaceAll("\u00a0", " "), language).toContain("+995 32 2 91 34 61");
    }
    // "/" offline leads to the home page kept from reading.
    await page.goto(`${server.url}/`, { waitUntil: "load" });
    expect(new URL(page.url()).pathname).toBe("/hy/");
  });

  it("never keeps a sign-in page, a search or anything personal", async () => {
    const context = await phone();
    const page = await context.newPage();
    await page.goto(`${server.url}/ka/lessons?q=${encodeURIComponent("ტრეფიკინგი")}`, { waitUntil: "load" });
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.goto(`${server.url}/ka/login`, { waitUntil: "load" });
    await page.goto(`${server.url}/ka/lessons?grade=9`, { waitUntil: "load" });
    await page.goto(`${server.url}/ka/help`, { waitUntil: "load" });
    await waitUntilKept(page);
    const kept = await page.evaluate(async () => {
      const addresses: string[] = [];
      for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) addresses.push(new URL(request.url).pathname + new URL(request.url).search);
      return addresses;
    });
    expect(kept).toContain("/ka/help");
    expect(kept.filter((address) => /login|review|account|\?/.test(address))).toEqual([]);
  });
});

describe("saving a language", () => {
  let page: Page;
  let network: Awaited<ReturnType<typeof controlNetwork>>;

  beforeAll(async () => {
    const context = await phone();
    page = await context.newPage();
    network = await controlNetwork(page);
  });

  it("shows the sizes first, then the progress, then 'saved' with the version and its date; every lesson reads offline", async () => {
    await page.goto(`${server.url}/ka/offline`, { waitUntil: "load" });
    const t = localeTexts("ka", "offline");
    const button = page.locator('[data-offline-save="pages"]');
    await expect.poll(() => button.isVisible()).toBe(true);
    expect(await button.innerText()).toMatch(/\d/);
    expect(await page.locator("[data-offline-state]").innerText()).toBe(t.save.notSaved);
    await button.click();
    await page.locator('[data-offline-state="saved"]').waitFor({ timeout: 60_000 });
    const version = ((await (await fetch(`${server.url}/ka/offline/version.json`)).json()) as { version: string }).version;
    const saved = await page.locator('[data-offline-state="saved"]').innerText();
    expect(saved).toContain(version);
    expect(saved).toContain(t.save.saved.split("{{")[0]!.trim());

    await network.offline();
    try {
      const before = await settledRequestCount();
      for (const address of ["/ka/", "/ka/lessons", "/ka/help", "/ka/books", ...slugs.flatMap((slug) => [`/ka/lessons/${slug}`, `/ka/lessons/${slug}/teacher`])]) {
        await page.goto(server.url + address, { waitUntil: "load" });
        expect(await page.locator("[data-offline-not-saved]").count(), address).toBe(0);
        expect(await page.locator("h1").innerText(), address).not.toBe("");
        await looksRight(page);
      }
      // The offline page itself says what is saved, offline too.
      await page.goto(`${server.url}/ka/offline`, { waitUntil: "load" });
      await page.locator('[data-offline-state="saved"]').waitFor();
      expect(requestsAfter(before)).toEqual([]);
    } finally {
      // Online again whatever happened: the next test reads as an online reader.
      await network.online();
    }
  }, 180_000);

  it("a content change reaches an online reader at the next visit, and the saved copy follows it", async () => {
    const slug = "myths-and-facts";
    const database = createDatabase(path.join(server.directory, "portal.db"));
    const added = "ეს წინადადება ახალი ვერსიიდანაა.";
    try {
      const { db } = database;
      const editor = await createUser(db, { email: "editor@offline.test", name: "E", role: "editor", languages: "ka", password: "an editor's long password" }, { id: null, email: "test" });
      const reviewer = await createUser(db, { email: "reviewer@offline.test", name: "R", role: "reviewer", languages: "ka", password: "a reviewer's long password" }, { id: null, email: "test" });
      const text = await publishedText(db, slug, "ka");
      const changed = text.replace(/\n# reading\n\n/i, `\n# reading\n\n${added}\n\n`);
      expect(changed).not.toBe(text);
      const revision = await submitEditorRevision(db, { slug, language: "ka", content: changed, author: editor, ip: "127.0.0.1" });
      await decideRevision(db, revision, reviewer, { kind: "approve" }, "127.0.0.1");
    } finally {
      await database.close();
    }
    const version = async () => ((await (await fetch(`${server.url}/ka/offline/version.json`)).json()) as { version: string }).version;
    const saved = await page.evaluate(async () => (await caches.keys()).find((name) => name.includes("saved-ka-"))!);
    await expect.poll(version, { timeout: 5_000 }).not.toBe(saved.split("saved-ka-")[1]);
    const newVersion = await version();

    // Online, the next visit of the lesson shows the new text.
    await page.goto(`${server.url}/ka/lessons/${slug}`, { waitUntil: "load" });
    expect(await page.locator("#reading").innerText()).toContain(added);
    // The worker notices the new version on a visit (at most every 15 s) and saves the language again.
    await expect
      .poll(
        async () => {
          await page.goto(`${server.url}/ka/`, { waitUntil: "load" });
          return page.evaluate(async () => (await caches.keys()).filter((name) => name.includes("saved-ka-")));
        },
        { timeout: 60_000, interval: 5_000 },
      )
      .toEqual([`portal-offline-saved-ka-${newVersion}`]);
    await network.offline();
    try {
      await page.goto(`${server.url}/ka/lessons/${slug}/teacher`, { waitUntil: "load" });
      expect(await page.locator("#reading").innerText()).toContain(added);
      await page.goto(`${server.url}/ka/offline`, { waitUntil: "load" });
      expect(await page.locator('[data-offline-state="saved"]').innerText()).toContain(newVersion);
    } finally {
      await network.online();
    }
  }, 120_000);

  it("deletes everything it keeps when asked", async () => {
    await page.goto(`${server.url}/ka/offline`, { waitUntil: "load" });
    await page.locator('[data-offline-state="saved"]').waitFor();
    await page.locator("[data-offline-delete]").click();
    await page.locator('[data-offline-state="deleted"]').waitFor();
    expect(await page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith("portal-offline-")))).toEqual([]);
  });
});

describe("over a slow line", () => {
  it("saving a language takes this long (pages; then pages and PDFs) over 400 kbit/s with 400 ms round trips", async () => {
    const context = await phone();
    const page = await context.newPage();
    const network = await controlNetwork(page);
    await page.goto(`${server.url}/hy/offline`, { waitUntil: "load" });
    await expect.poll(() => page.locator('[data-offline-save="pages"]').isVisible()).toBe(true);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await network.slowLine();
    expect(network.workerCount()).toBeGreaterThan(0);
    const timed = async (choice: "pages" | "pdfs") => {
      const started = Date.now();
      await page.locator(`[data-offline-save="${choice}"]`).click();
      await page.locator('[data-offline-state="saving"]').waitFor();
      await page.locator('[data-offline-state="saved"]').waitFor({ timeout: 300_000 });
      const record = await page.evaluate(async () => {
        const name = (await caches.keys()).find((cache) => cache.includes("saved-hy-"))!;
        return (await (await caches.open(name)).match(`${location.origin}/hy/offline/saved.json`))!.json() as Promise<{ files: number; bytes: number }>;
      });
      return { seconds: Math.round((Date.now() - started) / 100) / 10, files: record.files, storedBytes: record.bytes };
    };
    measurements.saveOverSlowLine = { line: "400 kbit/s down and up, 400 ms round trip (CDP on the page and its service worker)", language: "hy", pages: await timed("pages") };
    (measurements.saveOverSlowLine as Record<string, unknown>).pagesAndPdfs = await timed("pdfs");
    console.log(JSON.stringify(measurements.saveOverSlowLine));
    await network.online();
  }, 400_000);
});

describe("the classroom kit", () => {
  it("opens from index.html on file://: every lesson and its teacher page by links, styled, the quiz checking itself", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "portal-kit-"));
    try {
      const response = await fetch(`${server.url}/az/offline/kit.zip`);
      writeFileSync(path.join(folder, "kit.zip"), Buffer.from(await response.arrayBuffer()));
      execFileSync("unzip", ["-q", "kit.zip", "-d", "kit"], { cwd: folder });
      execFileSync("sha256sum", ["--quiet", "-c", "SHA256SUMS"], { cwd: path.join(folder, "kit") });
      const sizes = await Promise.all(["ka", "hy", "az", "en"].map(async (language) => [language, Number((await fetch(`${server.url}/${language}/offline/kit.zip`, { method: "HEAD" })).headers.get("content-length"))]));
      measurements.kitBytes = Object.fromEntries(sizes);

      const context = await phone();
      const errors = watchForErrors(context);
      const page = await context.newPage();
      const home = `file://${path.join(folder, "kit", "index.html")}`;
      await page.goto(home, { waitUntil: "load" });
      await looksRight(page);
      const t = localeTexts("az", "lessons");
      expect(await page.locator("h1").innerText()).toBe(t.home.title);
      // Through the menu to the catalogue, then each lesson, its teacher page, and back.
      await page.locator(".site-menu summary").click();
      await page.locator(".site-nav a", { hasText: localeTexts("az", "common").nav.lessons }).click();
      await page.waitForURL(/lessons\/index\.html$/);
      const titles = await page.locator(".lesson-card h2 a").allInnerTexts();
      expect(titles).toHaveLength(8);
      for (const title of titles) {
        await page.locator(".lesson-card h2 a", { hasText: title }).click();
        await page.waitForURL(/lessons\/[a-z-]+\/index\.html$/);
        expect(await page.locator("h1").innerText()).toBe(title);
        await looksRight(page);
        await page.locator(".downloads a").first().click();
        await page.waitForURL(/teacher\/index\.html$/);
        expect(await page.locator("h1").innerText()).toBe(title);
        await page.goto(new URL("../../index.html", page.url()).href);
        await page.waitForURL(/lessons\/index\.html$/);
      }
      // The quiz works with JavaScript, from the file.
      await page.locator(".lesson-card h2 a").first().click();
      await page.locator("#question-1 input").first().check();
      await page.locator("#question-1 [data-check]").click();
      expect(await page.locator("#question-1 .quiz__outcome").isVisible()).toBe(true);
      expect(page.url()).toMatch(/^file:.*index\.html/);
      expect(errors).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 180_000);
});
