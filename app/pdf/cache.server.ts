// Content-addressed PDF cache. The key is derived from everything that determines the bytes (engine
// version, kind, languages, options, content hashes), so a repeated download never typesets again;
// files under data/pdf-cache survive restarts; identical concurrent requests share one typesetting.
// The cache is an optimisation only: when its directory cannot be written, PDFs are still served.
import { config } from "~/config.server";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

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

function readFromDisk(key: string): CachedPdf | null {
  try {
    const meta = JSON.parse(readFileSync(path.join(pdfCacheDirectory, `${key}.json`), "utf8")) as { sha256: string; pageCount: number };
    const bytes = readFileSync(path.join(pdfCacheDirectory, `${key}.pdf`));
    if (bytes.length === 0) return null;
    return { bytes, sha256: meta.sha256, pageCount: meta.pageCount };
  } catch {
    return null;
  }
}

function writeToDisk(key: string, pdf: CachedPdf) {
  try {
    mkdirSync(pdfCacheDirectory, { recursive: true });
    // Write beside, then rename: a reader never sees half a file.
    const temporary = path.join(pdfCacheDirectory, `.${key}.${process.pid}.tmp`);
    writeFileSync(temporary, pdf.bytes);
    renameSync(temporary, path.join(pdfCacheDirectory, `${key}.pdf`));
    writeFileSync(temporary, JSON.stringify({ sha256: pdf.sha256, pageCount: pdf.pageCount }));
    renameSync(temporary, path.join(pdfCacheDirectory, `${key}.json`));
  } catch (error) {
    console.warn(JSON.stringify({ event: "pdf-cache-write-failed", key, error: (error as Error).message }));
  }
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
    const onDisk = readFromDisk(key);
    if (onDisk) return { pdf: onDisk, source: "disk" };
    const { bytes, pageCount } = await typeset();
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const pdf = { bytes: buffer, sha256: createHash("sha256").update(buffer).digest("hex"), pageCount };
    writeToDisk(key, pdf);
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
