// Small measuring helpers shared by the benchmarks.
import { PDFDocument } from "pdf-lib";

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of nothing");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Runs `task` once untimed (warm-up), then `times` times timed; returns every timing and the last result. */
export async function timeRepeated<T>(times: number, task: () => Promise<T>, options: { warmUp?: boolean } = {}): Promise<{ ms: number[]; last: T }> {
  if (options.warmUp ?? true) await task();
  const ms: number[] = [];
  let last: T | undefined;
  for (let index = 0; index < times; index += 1) {
    const start = performance.now();
    last = await task();
    ms.push(performance.now() - start);
  }
  return { ms, last: last as T };
}

export interface FetchedPdf {
  /** From sending the request until the whole body was read. */
  ms: number;
  bytes: Uint8Array;
  pageCount: number;
  /** Whether the page count came from the X-Pdf-Pages header (else pdf-lib counted it). */
  pagesFromHeader: boolean;
}

/** GETs a PDF with the global fetch (undici), timing until the whole body is read. */
export async function fetchPdf(url: string, timeoutMs = 60_000): Promise<FetchedPdf> {
  const start = performance.now();
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const ms = performance.now() - start;
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${new TextDecoder().decode(bytes.subarray(0, 500))}`);
  if (response.headers.get("content-type") !== "application/pdf") throw new Error(`GET ${url} answered ${response.headers.get("content-type")}, not a PDF`);
  const header = response.headers.get("x-pdf-pages");
  const fromHeader = header !== null && /^\d+$/.test(header) ? Number(header) : null;
  return { ms, bytes, pageCount: fromHeader ?? (await countPages(bytes)), pagesFromHeader: fromHeader !== null };
}

export async function countPages(bytes: Uint8Array): Promise<number> {
  return (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
}
