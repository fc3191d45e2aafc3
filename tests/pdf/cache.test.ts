import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
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
});
