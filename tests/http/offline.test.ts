// Offline classroom over HTTP (decision 013): /<lng>/offline with its sizes, the worker's script and
// JSON, what may and may not be stored, the classroom kit's zip (sha256sum -c, the very PDFs the portal
// serves, relative links that all lead somewhere, deterministic) and `npm run cli -- export`, which
// writes the same files.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { languages } from "~/i18n/languages";
import { localeTexts } from "../support/locales";
import { environmentOutsideVitest, root } from "../support/server-process";

const baseUrl = inject("baseUrl");
const databaseUrl = inject("serverDatabaseUrl");
const work = mkdtempSync(path.join(tmpdir(), "portal-offline-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const get = (address: string, headers: Record<string, string> = {}) => fetch(baseUrl + address, { redirect: "manual", headers });
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** `npm run cli -- export …` as an operator runs it beside the test server: its database and public origin. */
function exportKit(...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "app/cli/main.ts", "export", ...args], {
    cwd: root,
    env: { ...environmentOutsideVitest(), DATABASE_URL: databaseUrl, PUBLIC_ORIGIN: baseUrl },
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under a folder, by its path relative to the folder. */
function filesIn(folder: string, prefix = ""): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) for (const [name, bytes] of filesIn(path.join(folder, entry.name), relative)) files.set(name, bytes);
    else files.set(relative, readFileSync(path.join(folder, entry.name)));
  }
  return files;
}

/** /<lng>/offline, once the PDFs and the kit are made (the first visit starts them and says no-store). */
async function offlinePage(language: string) {
  for (let attempt = 0; attempt < 60; attempt += 1) {
    const response = await get(`/${language}/offline`);
    const body = await response.text();
    if (!/no-store/.test(response.headers.get("cache-control") ?? "")) return { response, body };
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`/${language}/offline kept saying no-store`);
}

describe("/<lng>/offline", () => {
  it("explains, shows the sizes first, offers to save and to delete, and the kit; public once the sizes are known", async () => {
    for (const language of languages) {
      const { response, body } = await offlinePage(language);
      const t = localeTexts(language, "offline");
      expect(response.status, language).toBe(200);
      expect(response.headers.get("cache-control")).toContain("public");
      expect(body).toContain(`<html lang="${language}"`);
      expect(body).toContain(t.title);
      expect(body).toContain('data-offline-save="pages"');
      expect(body).toContain('data-offline-save="pdfs"');
      expect(body).toContain("data-offline-delete");
      expect(body).toContain('data-offline-state="unsupported"');
      // Sizes: the pages', the PDFs', the kit's, each a number with a unit, before anything is downloaded.
      const kitSize = /data-kit-size="([^"]+)"/.exec(body)?.[1];
      expect(kitSize, language).toMatch(/\d/);
      expect(body).toContain(`href="/${language}/offline/kit.zip"`);
      const version = (await (await get(`/${language}/offline/version.json`)).json()) as { version: string };
      expect(body).toContain(version.version);
    }
    // The first visit has every PDF and kit of four languages typeset: on a busy machine that takes longer
    // than the default 20 s, which offlinePage's own patience (a minute a language) allows for.
  }, 240_000);

  it("is linked from the home page and from every page's footer", async () => {
    const home = await (await get("/hy/")).text();
    expect(home).toContain('<p class="offline-link"><a href="/hy/offline">');
    const lesson = await (await get("/az/lessons/safe-online")).text();
    expect(lesson).toMatch(/<footer[^]*href="\/az\/offline"[^]*<\/footer>/);
    const sitemap = await (await get("/sitemap.xml")).text();
    expect(sitemap).toContain(`<loc>${baseUrl}/en/offline</loc>`);
  });

  it("a language code we do not have is led to the reader's language, as everywhere (/xx/ → 302); anything else is the localized 404", async () => {
    const unknown = await get("/xx/offline", { "Accept-Language": "hy" });
    expect(unknown.status).toBe(302);
    expect(unknown.headers.get("location")).toBe("/hy/offline");
    // The kit's zip is a file: a 404 of its own, as the PDFs have.
    expect((await get("/x1/offline/kit.zip")).status).toBe(404);
    for (const address of ["/x1/offline", "/ka/offline/nothing"]) {
      const response = await get(address, { "Accept-Language": "az" });
      expect(response.status, address).toBe(404);
      const body = await response.text();
      expect(body, address).toContain(localeTexts(address.startsWith("/ka") ? "ka" : "az", "common").notFound.title);
    }
  });
});

describe("the service worker and what it reads", () => {
  it("/sw.js: a script checked at every visit, limited to this site, answered 304 when unchanged", async () => {
    const response = await get("/sw.js");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/javascript");
    expect(response.headers.get("cache-control")).toBe("no-cache");
    expect(response.headers.get("content-security-policy")).toBe("default-src 'self'");
    const script = await response.text();
    expect(script).not.toContain("__SERVICE_WORKER_VERSION__");
    expect(script).toContain('addEventListener("fetch"');
    const again = await get("/sw.js", { "If-None-Match": response.headers.get("etag")! });
    expect(again.status).toBe(304);
  });

  it("every public page registers it by an inline script its CSP allows by hash; staff and sign-in pages do not", async () => {
    const page = await get("/ka/lessons/safe-online");
    const body = await page.text();
    const registration = /<script>(\(function\(\)\{var w=navigator\.serviceWorker[^<]*)<\/script>/.exec(body)?.[1];
    expect(registration).toBeDefined();
    const hash = createHash("sha256").update(registration!).digest("base64");
    expect(page.headers.get("content-security-policy")).toContain(`'sha256-${hash}'`);
    const signIn = await (await get("/ka/login")).text();
    expect(signIn).not.toContain("navigator.serviceWorker");
  });

  it("version.json and the manifest list the language's pages, stylesheet, fonts and PDFs, every one public, without cookies", async () => {
    const version = (await (await get("/en/offline/version.json")).json()) as { version: string; approvedAt: string };
    expect(version.version).toMatch(/^[0-9a-f]{10}$/);
    const response = await get("/en/offline/manifest.json");
    expect(response.headers.get("cache-control")).toContain("must-revalidate");
    const manifest = (await response.json()) as { version: string; pages: string[]; assets: string[]; pdfs: { url: string; bytes: number; sha256: string }[] };
    expect(manifest.version).toBe(version.version);
    // home, catalogue, 8 lessons × 2, books, help, this page; 8 plans + 8 handouts + materials + 2 books
    expect(manifest.pages).toHaveLength(2 + 16 + 3);
    expect(manifest.pages).toEqual(expect.arrayContaining(["/en/", "/en/lessons", "/en/lessons/safe-online/teacher", "/en/help"]));
    expect(manifest.assets[0]).toMatch(/^\/assets\/app-[\w-]+\.css$/);
    expect(manifest.assets.some((asset) => /noto-sans-latin-400/.test(asset))).toBe(true);
    for (const address of [...manifest.pages, ...manifest.assets]) {
      const answer = await get(address);
      expect(answer.status, address).toBe(200);
      expect(answer.headers.get("cache-control"), address).toMatch(/public/);
      expect(answer.headers.get("cache-control"), address).not.toMatch(/no-store|private/);
      expect(answer.headers.get("set-cookie"), address).toBeNull();
      await answer.arrayBuffer();
    }
    expect(manifest.pdfs.length).toBeGreaterThanOrEqual(18);
    const plan = manifest.pdfs.find((pdf) => pdf.url === "/en/lessons/safe-online/plan.pdf")!;
    const served = await get(plan.url);
    expect(served.headers.get("etag")).toBe(`"${plan.sha256}"`);
    expect((await served.arrayBuffer()).byteLength).toBe(plan.bytes);
  });
});

describe("the classroom kit", () => {
  const language = "ka";
  const folder = path.join(work, "kit-ka");
  let zip: Buffer;
  let response: Response;
  beforeAll(async () => {
    response = await get(`/${language}/offline/kit.zip`);
    zip = Buffer.from(await response.arrayBuffer());
    mkdirSync(folder);
    writeFileSync(path.join(work, "kit-ka.zip"), zip);
    execFileSync("unzip", ["-q", path.join(work, "kit-ka.zip"), "-d", folder]);
  }, 120_000);

  it("is a zip cached like a PDF: its SHA-256 as ETag, public, a 304 when unchanged, a dated file name, the same bytes again", async () => {
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("etag")).toBe(`"${sha256(zip)}"`);
    expect(response.headers.get("cache-control")).toBe("public, max-age=300, s-maxage=3600, stale-while-revalidate=86400");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="classroom-kit-ka-\d{4}-\d{2}-\d{2}\.zip"; filename\*=UTF-8''/);
    const again = await get(`/${language}/offline/kit.zip`);
    expect(again.headers.get("x-kit-cache")).toBe("memory");
    expect(Buffer.from(await again.arrayBuffer()).equals(zip)).toBe(true);
    expect((await get(`/${language}/offline/kit.zip`, { "If-None-Match": response.headers.get("etag")! })).status).toBe(304);
    // The size /ka/offline shows is the zip's.
    const { body } = await offlinePage(language);
    const megabytes = zip.length / (1024 * 1024);
    expect(/data-kit-size="([^"]+)"/.exec(body)![1]!.replace(",", ".")).toContain(megabytes.toFixed(1));
  });

  it("passes sha256sum -c, and SHA256SUMS lists every file", () => {
    execFileSync("sha256sum", ["--quiet", "-c", "SHA256SUMS"], { cwd: folder });
    const listed = readFileSync(path.join(folder, "SHA256SUMS"), "utf8").trim().split("\n").map((line) => line.split("  ")[1]);
    expect(listed.sort()).toEqual([...filesIn(folder).keys()].filter((name) => name !== "SHA256SUMS").sort());
  });

  it("holds home, catalogue, every lesson's two pages and three PDFs, books, help, stylesheet, fonts, README", () => {
    const files = [...filesIn(folder).keys()];
    for (const expected of ["index.html", "lessons/index.html", "help/index.html", "books/index.html", "books/student.pdf", "books/teacher.pdf", "README.txt"]) expect(files).toContain(expected);
    const lessons = readdirSync(path.join(folder, "lessons")).filter((name) => name !== "index.html");
    expect(lessons).toHaveLength(8);
    for (const slug of lessons) {
      for (const name of ["index.html", "teacher/index.html", "plan.pdf", "handout.pdf"]) expect(files, `${slug}/${name}`).toContain(`lessons/${slug}/${name}`);
    }
    expect(files.filter((name) => name.endsWith(".css"))).toHaveLength(1);
    const fonts = files.filter((name) => name.endsWith(".woff2"));
    expect(fonts.some((name) => name.includes("georgian-georgian-400"))).toBe(true);
    // A Georgian kit fetches no Armenian font, and no WOFF fallback.
    expect(fonts.some((name) => name.includes("armenian-armenian"))).toBe(false);
    expect(files.some((name) => name.endsWith(".woff"))).toBe(false);
  });

  it("links only to files it holds (relative, never from the root), the stylesheet's fonts included; no form posts to a server", () => {
    const files = filesIn(folder);
    for (const [name, bytes] of files) {
      if (!name.endsWith(".html")) continue;
      const html = bytes.toString("utf8");
      expect(html, name).not.toMatch(/(?:href|src|action)="\/(?!\/)/);
      expect(html, name).not.toContain("serviceWorker");
      for (const [, target] of html.matchAll(/(?:href|src)="([^"#:]+)(?:#[^"]*)?"/g)) {
        const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(name), target!));
        expect(files.has(resolved), `${name} → ${target}`).toBe(true);
      }
    }
    const css = [...files].find(([name]) => name.endsWith(".css"))![1].toString("utf8");
    for (const [, font] of css.matchAll(/url\(([^)]+)\)/g)) expect(files.has(`assets/${font}`), font).toBe(true);
  });

  it("its PDFs are the very bytes the portal serves, which /verify recognises as current", async () => {
    const plan = readFileSync(path.join(folder, "lessons/safe-online/plan.pdf"));
    const served = Buffer.from(await (await get(`/${language}/lessons/safe-online/plan.pdf`)).arrayBuffer());
    expect(sha256(plan)).toBe(sha256(served));
    const book = readFileSync(path.join(folder, "books/teacher.pdf"));
    expect(sha256(book)).toBe(sha256(Buffer.from(await (await get(`/${language}/books/teacher.pdf`)).arrayBuffer())));
    const verdict = await (await get(`/verify/${sha256(plan)}?lng=en`)).text();
    expect(verdict).toContain('data-verdict="current"');
  });

  it("says in its README, in its language, what it is, its version and date, how to check it, and the help line", async () => {
    const readme = readFileSync(path.join(folder, "README.txt"), "utf8");
    const t = localeTexts(language, "offline");
    const version = (await (await get(`/${language}/offline/version.json`)).json()) as { version: string };
    expect(readme).toContain(localeTexts(language, "common").site.name);
    expect(readme).toContain(t.readme.open.slice(0, 40));
    expect(readme).toContain(version.version);
    expect(readme).toContain("sha256sum -c SHA256SUMS");
    // And how to check a file on Windows, in the kit's language.
    expect(readme).toContain(t.readme.checkWindows);
    expect(readme).toContain("Get-FileHash");
    expect(readme).toContain("+995 32 2 91 34 61");
    expect(readme).toContain(`${baseUrl}/ka/verify`);
    expect(readme).toMatch(/ქართული \(ka\)/);
  });

  it("npm run cli -- export writes the very same files into a folder, and refuses bad input without leaving anything", () => {
    const out = path.join(work, "exported-ka");
    const exported = exportKit("--language", language, "--out", out);
    expect(exported.stderr + exported.stdout).toMatch(/exported the classroom kit in ka/);
    expect(exported.code).toBe(0);
    const fromZip = filesIn(folder);
    const fromCli = filesIn(out);
    expect([...fromCli.keys()].sort()).toEqual([...fromZip.keys()].sort());
    for (const [name, bytes] of fromZip) expect(fromCli.get(name)!.equals(bytes), name).toBe(true);

    const unknown = exportKit("--language", "ru", "--out", path.join(work, "ru"));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown language "ru"');
    expect(existsSync(path.join(work, "ru"))).toBe(false);
    // A folder that cannot be written (root writes almost anywhere: /proc refuses new folders).
    const unwritable = exportKit("--language", language, "--out", "/proc/classroom-kit");
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toMatch(/Cannot write the kit into \/proc\/classroom-kit/);
    const missingParent = exportKit("--language", language, "--out", path.join(work, "no/such/folder"));
    expect(missingParent.code).toBe(1);
    expect(missingParent.stderr).toMatch(/does not exist/);
    // An earlier kit is never overwritten.
    const again = exportKit("--language", language, "--out", out);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/exists already/);
    expect(readdirSync(work).filter((name) => name.includes("partial"))).toEqual([]);
    expect(statSync(out).isDirectory()).toBe(true);
  }, 120_000);
});
