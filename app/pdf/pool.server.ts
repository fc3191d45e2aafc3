// Typesetting runs in a bounded pool of worker threads: pages never wait for a PDF, twenty new packs
// at once cannot freeze the portal, and one document's memory is bounded by its worker's heap. When
// every worker is busy and the queue is full, the caller gets TypesettingBusy (the route answers 503
// with Retry-After). Without a built worker (tests and `npm run dev` run from source) documents are
// typeset in the process itself.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import { config } from "~/config.server";
import type { DocumentSpec } from "./model";
import { renderPdf } from "./render.server";

export class TypesettingBusy extends Error {
  constructor() {
    super("every typesetting worker is busy and the queue is full");
  }
}

/** The document outgrew its worker's heap (PDF_WORKER_MEMORY_MB): the worker ended, the others go on. */
export class TypesettingTooLarge extends Error {
  constructor() {
    super("the document needs more memory than a typesetting worker has");
  }
}

/** build/pdf-worker.js, beside the server build (build/server/index.js) that imports this module. */
const workerFile = fileURLToPath(new URL("../pdf-worker.js", import.meta.url));

let pool: Piscina | null | undefined;

function typesettingPool(): Piscina | null {
  if (pool !== undefined) return pool;
  if (!existsSync(workerFile)) return (pool = null);
  const { pdfWorkers, pdfQueue, pdfWorkerMemoryMegabytes } = config();
  pool = new Piscina({
    filename: workerFile,
    minThreads: 1,
    maxThreads: pdfWorkers,
    maxQueue: pdfQueue,
    // A worker whose document outgrows this is ended; its request fails, the others go on. (A smaller
    // young generation was measured: 8 MB saves about 30 MB at rest and costs 20–50 ms a book in
    // collections; the books' speed won.)
    resourceLimits: { maxOldGenerationSizeMb: pdfWorkerMemoryMegabytes },
    idleTimeout: 60_000,
  });
  return pool;
}

export async function typeset(spec: DocumentSpec): Promise<{ bytes: Uint8Array; pageCount: number }> {
  const workers = typesettingPool();
  if (!workers) return renderPdf(spec);
  if (workers.queueSize >= config().pdfQueue) throw new TypesettingBusy();
  try {
    return (await workers.run(spec)) as { bytes: Uint8Array; pageCount: number };
  } catch (error) {
    if (error instanceof Error && /queue is at limit/i.test(error.message)) throw new TypesettingBusy();
    if ((error as { code?: string } | null)?.code === "ERR_WORKER_OUT_OF_MEMORY") throw new TypesettingTooLarge();
    throw error;
  }
}

/** How the pool is doing, for /healthz and the benchmark. */
export function typesettingLoad(): { workers: number; queued: number; running: boolean } {
  const workers = pool ?? null;
  return { workers: workers?.threads.length ?? 0, queued: workers?.queueSize ?? 0, running: workers !== null };
}

/** Ends the workers (at shutdown). */
export async function closeTypesetting(): Promise<void> {
  if (pool) await pool.destroy();
  pool = undefined;
}
