// Rendered public pages, kept in memory per URL and per published version. A public page depends only
// on the code, the published content and its URL, so the same bytes serve everyone until an approval:
// The server (server/app.ts) answers from here, gzip included, without entering Remix or React. Its inline
// scripts are allowed by hash, so neither the HTML nor the stored CSP header holds a nonce.
// Staff pages, posts and errors are never stored.
import { config } from "~/config.server";
import { gzipSync } from "node:zlib";
import { currentCatalogueVersion } from "~/publication/catalogue.server";
import { ifNoneMatchNames } from "./conditional";

interface StoredPage {
  version: string;
  etag: string;
  html: Buffer;
  gzip: Buffer;
  /** Every header of the 200, its Content-Security-Policy (no nonce) included. */
  headers: [string, string][];
}

const budgetBytes = config().pageCacheBytes;
const pages = new Map<string, StoredPage>();
let storedBytes = 0;

const sizeOf = (page: StoredPage) => page.html.length + page.gzip.length;

export function storePage(url: string, page: { version: string; etag: string; html: string; headers: [string, string][] }): void {
  const html = Buffer.from(page.html, "utf8");
  const stored: StoredPage = {
    version: page.version,
    etag: page.etag,
    html,
    gzip: gzipSync(html),
    headers: page.headers,
  };
  const previous = pages.get(url);
  if (previous) storedBytes -= sizeOf(previous);
  pages.delete(url);
  pages.set(url, stored);
  storedBytes += sizeOf(stored);
  for (const [key, old] of pages) {
    if (storedBytes <= budgetBytes) break;
    pages.delete(key);
    storedBytes -= sizeOf(old);
  }
}

interface ServedPage {
  status: 200 | 304;
  headers: [string, string][];
  body: Buffer;
}

/** The stored page for a URL if it was rendered from the content published now; null otherwise. */
export function servePage(url: string, ifNoneMatch: string | undefined, acceptsGzip: boolean): ServedPage | null {
  const page = pages.get(url);
  const version = currentCatalogueVersion();
  if (!page || version === null || page.version !== version) return null;
  // The stored headers carry the page's policy (no nonce): a 304 updates a client's copy with the very
  // headers of its 200.
  if (ifNoneMatchNames(ifNoneMatch, page.etag)) {
    return { status: 304, headers: page.headers, body: Buffer.alloc(0) };
  }
  const headers: [string, string][] = [...page.headers];
  if (acceptsGzip) headers.push(["content-encoding", "gzip"], ["content-length", String(page.gzip.length)]);
  else headers.push(["content-length", String(page.html.length)]);
  return { status: 200, headers, body: acceptsGzip ? page.gzip : page.html };
}
