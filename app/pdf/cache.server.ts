// Content-addressed PDF cache. The key is derived from everything that determines the bytes (engine
// version, kind, languages, options, content hashes), so a repeated download never typesets again;
// files under data/pdf-cache survive restarts; identical concurrent requests share one typesetting.
// The cache is an optimisation only: when its directory cannot be written, PDFs are still served.
import { config } from "~/config.server";
import { createHash } from "node:crypto";
import { readdirSync, rmSync } from "node:fs";
import { mkdir, open, readdir, readFile, rename, rm, stat, utimes } from "node:fs/promises";
import path from "node:path";
import { threadId } from "node:worker_threads";
import { roomFor } from "~/operations/disk-space.server";

export interface CachedPdf {
  bytes: Buffer;
  /** sha256 of the bytes, hex: the ETag, and what /verify will look up. */
  sha256: string;
  pageCount: number;
}

/** Where a served PDF came from: typeset now, shared with an identical request typesetting it, or a cache. */
export type CacheSource = "typeset" | "shared" | "memory" | "disk";

export const pdfCacheDirectory = config().pdfCacheDirectory;

/** Most recently used PDFs in memory, up to this many bytes in all. */
const memoryBudget = config().pdfMemoryCacheBytes;
const memory = new Map<string, CachedPdf>();
let memoryBytes = 0;
const inFlight = new Map<string, Promise<{ pdf: CachedPdf; source: CacheSource }>>();

export function cacheKey(parts: Record<string, unknown>): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 40);
}


function remember(key: string, pdf: CachedPdf) {
  memory.delete(key);
  memory.set(key, pdf);
  memoryBytes += pdf.bytes.length;
  for (const [oldKey, old] of memory) {
    if (memoryBytes <= memoryBudget) break;
    memory.delete(oldKey);
    memoryBytes -= old.bytes.length;
  }
}

/**
 * A PDF from the disk cache, only when its bytes are the bytes its hash names: a file cut short (a full
 * disk, a crash mid-write on a filesystem that reorders) is removed and typeset again, never served.
 */
// All disk work here is asynchronous: a 5 MB pack written and flushed, or a directory listed, never
// holds the event loop (and with it every page) while the disk is slow.
async function readFromDisk(key: string): Promise<CachedPdf | null> {
  const pdfFile = path.join(pdfCacheDirectory, `${key}.pdf`);
  const metaFile = path.join(pdfCacheDirectory, `${key}.json`);
  let meta: { sha256: string; pageCount: number };
  let bytes: Buffer;
  try {
    meta = JSON.parse(await readFile(metaFile, "utf8")) as { sha256: string; pageCount: number };
    bytes = await readFile(pdfFile);
  } catch {
    return null;
  }
  if (bytes.length === 0 || createHash("sha256").update(bytes).digest("hex") !== meta.sha256) {
    console.warn(JSON.stringify({ event: "pdf-cache-damaged", key, bytes: bytes.length }));
    await rm(pdfFile, { force: true });
    await rm(metaFile, { force: true });
    return null;
  }
  // Recently used files stay longest when the cache is trimmed to its budget.
  const now = new Date();
  await utimes(pdfFile, now, now).catch(() => undefined); // a read-only cache is still served
  return { bytes, sha256: meta.sha256, pageCount: meta.pageCount };
}

/**
 * Writes a file whole or not at all: to a temporary name, flushed to the disk, then renamed. A write that
 * fails (ENOSPC on a full disk) leaves nothing behind: a half-written temporary file would keep the
 * space the database needs.
 */
async function writeDurably(file: string, bytes: Uint8Array | string): Promise<void> {
  const temporary = path.join(pdfCacheDirectory, `.${path.basename(file)}.${process.pid}.${threadId}.${temporaryCounter++}.tmp`);
  try {
    const handle = await open(temporary, "w");
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
let temporaryCounter = 0;

async function writeToDisk(key: string, pdf: CachedPdf): Promise<void> {
  try {
    // Larger than the whole budget, it could only be written by trimming every other file away, and
    // then itself: it stays in memory only (a classroom kit on a small PDF_CACHE_MAX_BYTES).
    if (pdf.bytes.length > config().pdfCacheMaxBytes) {
      console.warn(JSON.stringify({ event: "pdf-cache-over-budget", key, bytes: pdf.bytes.length }));
      return;
    }
    await mkdir(pdfCacheDirectory, { recursive: true });
    // The disk is shared with the database: the cache never takes the room sign-in needs. The PDF is
    // still served; it is typeset again next time, until an operator makes room (/healthz says so).
    if (!(await roomFor(pdfCacheDirectory, pdf.bytes.length))) {
      console.warn(JSON.stringify({ event: "pdf-cache-disk-reserve", key, bytes: pdf.bytes.length }));
      return;
    }
    await writeDurably(path.join(pdfCacheDirectory, `${key}.pdf`), pdf.bytes);
    await writeDurably(path.join(pdfCacheDirectory, `${key}.json`), JSON.stringify({ sha256: pdf.sha256, pageCount: pdf.pageCount }));
    await trimToBudget();
  } catch (error) {
    // Whole or nothing: a PDF without its hash record is never read back, so it goes too.
    await rm(path.join(pdfCacheDirectory, `${key}.pdf`), { force: true }).catch(() => undefined);
    console.warn(JSON.stringify({ event: "pdf-cache-write-failed", key, error: (error as Error).message }));
  }
}

/**
 * Keeps the disk cache within PDF_CACHE_MAX_BYTES: least recently used PDFs go first (a read touches
 * its file). Anyone can ask for distinct packs; they can no longer fill the disk.
 */
export async function trimToBudget(budget = config().pdfCacheMaxBytes): Promise<{ files: number; bytes: number }> {
  let entries: { key: string; bytes: number; used: number }[];
  try {
    const names = (await readdir(pdfCacheDirectory)).filter((name) => name.endsWith(".pdf"));
    entries = (
      await Promise.all(
        names.map(async (name) => {
          const stats = await stat(path.join(pdfCacheDirectory, name)).catch(() => null);
          return stats ? [{ key: name.slice(0, -4), bytes: stats.size, used: stats.mtimeMs }] : [];
        }),
      )
    ).flat();
  } catch {
    return { files: 0, bytes: 0 };
  }
  let total = entries.reduce((sum, entry) => sum + entry.bytes, 0);
  for (const entry of entries.sort((a, b) => a.used - b.used)) {
    if (total <= budget) break;
    await rm(path.join(pdfCacheDirectory, `${entry.key}.pdf`), { force: true });
    await rm(path.join(pdfCacheDirectory, `${entry.key}.json`), { force: true });
    total -= entry.bytes;
  }
  return { files: entries.length, bytes: total };
}

/** At start: temporary files a crash left behind are removed. */
export function removeStaleTemporaryFiles(): number {
  let removed = 0;
  try {
    for (const name of readdirSync(pdfCacheDirectory)) {
      if (!name.endsWith(".tmp")) continue;
      rmSync(path.join(pdfCacheDirectory, name), { force: true });
      removed += 1;
    }
  } catch {
    // no cache directory yet
  }
  return removed;
}

export async function cachedPdf(
  key: string,
  typeset: () => Promise<{ bytes: Uint8Array; pageCount: number }>,
): Promise<CachedPdf & { source: CacheSource }> {
  const inMemory = memory.get(key);
  if (inMemory) {
    remember(key, inMemory);
    return { ...inMemory, source: "memory" };
  }
  const pending = inFlight.get(key);
  if (pending) return { ...(await pending).pdf, source: "shared" };
  const work = (async (): Promise<{ pdf: CachedPdf; source: CacheSource }> => {
    const onDisk = await readFromDisk(key);
    if (onDisk) return { pdf: onDisk, source: "disk" };
    const { bytes, pageCount } = await typeset();
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const pdf = { bytes: buffer, sha256: createHash("sha256").update(buffer).digest("hex"), pageCount };
    await writeToDisk(key, pdf);
    return { pdf, source: "typeset" };
  })();
  inFlight.set(key, work);
  try {
    const { pdf, source } = await work;
    remember(key, pdf);
    return { ...pdf, source };
  } finally {
    inFlight.delete(key);
  }
}
