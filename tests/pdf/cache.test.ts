import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

const directories: string[] = [];
afterEach(() => {
  vi.unstubAllEnvs();
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

/** A fresh copy of the cache module, as a restarted server would have: empty memory, the same disk. */
async function freshCache(directory: string) {
  vi.resetModules();
  vi.stubEnv("PDF_CACHE_DIR", directory);
  return import("~/pdf/cache.server");
}

const fakePdf = (text: string) => async () => ({ bytes: new TextEncoder().encode(`%PDF-1.7 ${text}`), pageCount: 1 });

describe("the PDF cache", () => {
  it("survives a restart: the next process serves from disk and does not typeset", async () => {
    const directory = mkdtempSync(path.join(tmpdir(), "pdf-cache-test-"));
    directories.push(directory);
    const first = await freshCache(directory);
    const typeset = vi.fn(fakePdf("one"));
    expect((await first.cachedPdf("key-1", typeset)).source).toBe("typeset");
    expect((await first.cachedPdf("key-1", typeset)).source).toBe("memory");
    expect(readdirSync(directory).sort()).toEqual(["key-1.json", "key-1.pdf"]);

    const restarted = await freshCache(directory);
    const again = vi.fn(fakePdf("two"));
    const served = await restarted.cachedPdf("key-1", again);
    expect(served.source).toBe("disk");
    expect(again).not.toHaveBeenCalled();
    expect(Buffer.from(served.bytes).toString()).toBe("%PDF-1.7 one");
    expect(typeset).toHaveBeenCalledTimes(1);
  });

  it("typesets identical concurrent requests once", async () => {
    const directory = mkdtempSync(path.join(tmpdir(), "pdf-cache-test-"));
    directories.push(directory);
    const cache = await freshCache(directory);
    const typeset = vi.fn(fakePdf("shared"));
    const results = await Promise.all(Array.from({ length: 8 }, () => cache.cachedPdf("key-2", typeset)));
    expect(typeset).toHaveBeenCalledTimes(1);
    expect(results.map((result) => result.source).sort()).toEqual(["shared", "shared", "shared", "shared", "shared", "shared", "shared", "typeset"]);
  });

  it("still serves the PDF when its directory cannot be written", async () => {
    const directory = mkdtempSync(path.join(tmpdir(), "pdf-cache-test-"));
    directories.push(directory);
    const blocked = path.join(directory, "a-file-not-a-directory");
    await import("node:fs").then((fs) => fs.writeFileSync(blocked, "x"));
    const cache = await freshCache(path.join(blocked, "cache"));
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const served = await cache.cachedPdf("key-3", fakePdf("unwritable"));
    expect(Buffer.from(served.bytes).toString()).toBe("%PDF-1.7 unwritable");
    expect(warn).toHaveBeenCalled();
    expect(existsSync(path.join(blocked, "cache"))).toBe(false);
    warn.mockRestore();
  });

  it("never serves a file cut short: its bytes must match its hash, or it is typeset again", async () => {
    const directory = mkdtempSync(path.join(tmpdir(), "pdf-cache-test-"));
    directories.push(directory);
    const first = await freshCache(directory);
    await first.cachedPdf("key-4", fakePdf("whole document"));
    // A crash or a full disk left the PDF shorter than its hash says.
    writeFileSync(path.join(directory, "key-4.pdf"), "%PDF-1.7 who");
    const restarted = await freshCache(directory);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const typeset = vi.fn(fakePdf("whole document"));
    const served = await restarted.cachedPdf("key-4", typeset);
    warn.mockRestore();
    expect(served.source).toBe("typeset");
    expect(typeset).toHaveBeenCalledTimes(1);
    expect(Buffer.from(served.bytes).toString()).toBe("%PDF-1.7 whole document");
    expect(readFileSync(path.join(directory, "key-4.pdf"), "utf8")).toBe("%PDF-1.7 whole document");
  });

  it("keeps the disk cache within its budget, least recently used first out, and removes stale temporary files", async () => {
    const directory = mkdtempSync(path.join(tmpdir(), "pdf-cache-test-"));
    directories.push(directory);
    vi.stubEnv("PDF_CACHE_MAX_BYTES", "60");
    const cache = await freshCache(directory);
    await cache.cachedPdf("old", fakePdf("a".repeat(20)));
    await cache.cachedPdf("middle", fakePdf("b".repeat(20)));
    // "old" is read again (from disk, by a restarted process): it becomes the most recently used.
    const reader = await freshCache(directory);
    vi.stubEnv("PDF_CACHE_MAX_BYTES", "60");
    utimesSync(path.join(directory, "middle.pdf"), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    utimesSync(path.join(directory, "old.pdf"), new Date(Date.now() - 120_000), new Date(Date.now() - 120_000));
    expect((await reader.cachedPdf("old", fakePdf("unused"))).source).toBe("disk");
    await reader.cachedPdf("new", fakePdf("c".repeat(20)));
    expect(readdirSync(directory).filter((name) => name.endsWith(".pdf")).sort()).toEqual(["new.pdf", "old.pdf"]);
    writeFileSync(path.join(directory, ".new.pdf.123.0.tmp"), "half");
    expect(reader.removeStaleTemporaryFiles()).toBe(1);
    expect(readdirSync(directory).some((name) => name.endsWith(".tmp"))).toBe(false);
  });
});
