// Rendered public pages, kept in memory per URL and per published version. A public page depends only
// on the code, the published content and its URL, so the same HTML serves everyone until an approval:
// server.mjs answers from here without entering Remix or React (the per-request CSP nonce is put in
// place of a placeholder). Staff pages, posts and errors are never stored.
import { randomBytes } from "node:crypto";
import { currentCatalogueVersion } from "~/content/catalogue.server";

/** Stands for the nonce in stored pages: random per process, so no content can forge it. */
export const noncePlaceholder = `nonce${randomBytes(12).toString("hex")}`;

interface StoredPage {
  version: string;
  etag: string;
  html: string;
  headers: [string, string][];
}

const budgetBytes = Number(process.env.PAGE_CACHE_BYTES ?? 32 * 1024 * 1024);
const pages = new Map<string, StoredPage>();
let storedBytes = 0;

export function storePage(url: string, page: StoredPage): void {
  const previous = pages.get(url);
  if (previous) storedBytes -= previous.html.length;
  pages.delete(url);
  pages.set(url, page);
  storedBytes += page.html.length;
  for (const [key, old] of pages) {
    if (storedBytes <= budgetBytes) break;
    pages.delete(key);
    storedBytes -= old.html.length;
  }
}

export interface ServedPage {
  status: 200 | 304;
  headers: [string, string][];
  body: string;
}

/** The stored page for a URL if it was rendered from the content published now; null otherwise. */
export function servePage(url: string, ifNoneMatch: string | undefined, nonce: string): ServedPage | null {
  const page = pages.get(url);
  const version = currentCatalogueVersion();
  if (!page || version === null || page.version !== version) return null;
  if (ifNoneMatch?.split(",").some((value) => value.trim() === page.etag)) {
    // A 304 updates the headers the client keeps with its copy: it must not bring a new nonce, which
    // would no longer match the scripts of the copy the client shows.
    return { status: 304, headers: page.headers.filter(([name]) => name.toLowerCase() !== "content-security-policy"), body: "" };
  }
  const headers = page.headers.map(([name, value]): [string, string] => [name, value.replaceAll(noncePlaceholder, nonce)]);
  return { status: 200, headers, body: page.html.replaceAll(noncePlaceholder, nonce) };
}
