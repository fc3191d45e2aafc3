import { createHash, randomBytes } from "node:crypto";
import { Transform } from "node:stream";
import { createReadableStreamFromReadable, type EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { createInstance } from "i18next";
import { isbot } from "isbot";
import type { ReactElement } from "react";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { NonceProvider } from "~/components/nonce";
import { correctAddress } from "~/publication/addresses.server";
import { pageLanguage } from "~/i18n/i18n.server";
import { i18nextOptions } from "~/i18n/i18next-options";
import { allResources } from "~/i18n/resources.server";
import { servePage, storePage } from "~/http/page-cache.server";
import { answersPublicly } from "~/http/route-caching";
import { matchesIfNoneMatch } from "~/http/conditional";
import { unavailableHeaders } from "~/http/unavailable";
import { securityHeaders } from "~/http/security-headers.server";
import { authConfig } from "~/auth/config.server";
import { catalogueVersion, getCatalogue } from "~/publication/catalogue.server";
import { closeDatabase } from "~/db/database.server";
import { isLanguage, languages } from "~/i18n/languages";
import { removeStaleTemporaryFiles, trimToBudget } from "~/pdf/cache.server";
import { closeTypesetting } from "~/pdf/pool.server";
import { recordUnrecordedPdfs, warmUpPdfEngine } from "~/publication/pdfs.server";
import { classroomKitFiles as kitFiles } from "~/offline/kit.server";

const streamTimeout = 5_000;
export { streamTimeout };

/**
 * Called by the server (server/main.ts) before it listens: opens and migrates the database, imports changed lesson files
 * as revisions and loads the published catalogue. A failure here stops the server with its reason.
 */
export async function startUp(): Promise<void> {
  authConfig(); // SESSION_SECRET missing in a deployment: say so now, not at the first sign-in
  // What a crash left in the PDF cache, and a cache over its budget, are put right before the first request.
  const stale = removeStaleTemporaryFiles();
  const kept = await trimToBudget();
  console.log(JSON.stringify({ event: "pdf-cache", staleTemporaryFilesRemoved: stale, files: kept.files, bytes: kept.bytes }));
  await getCatalogue();
}

/** Called by the server (server/main.ts) once it listens: work worth doing before the first visitor asks for it. */
export async function warmUp(): Promise<void> {
  const started = performance.now();
  await warmUpPdfEngine(languages);
  console.log(JSON.stringify({ event: "warm-up", milliseconds: Math.round(performance.now() - started) }));
}

/** Called by the server (server/main.ts) on SIGTERM, once the requests in flight have finished. */
export async function shutDown(): Promise<void> {
  await closeTypesetting();
  await closeDatabase();
}

/** Called by the server (server/main.ts) every second: notices an approval made on another instance. */
export async function keepCatalogueFresh(): Promise<void> {
  await getCatalogue().catch(() => undefined);
  // PDFs issued while the database was away are recorded once it answers (for /verify).
  await recordUnrecordedPdfs().catch(() => undefined);
}

/** Called by the server (server/main.ts) before Remix: a stored public page, or null. */
export function cachedPublicPage(url: string, ifNoneMatch: string | undefined, acceptsGzip: boolean) {
  return servePage(url, ifNoneMatch, acceptsGzip);
}

/**
 * Called by `npm run cli -- export` (app/cli/export.ts), which loads this build: the files of a language's
 * classroom kit, the very files /<lng>/offline/kit.zip holds (the kit needs the built stylesheet and fonts).
 */
export async function classroomKitFiles(language: string) {
  if (!isLanguage(language)) throw new Error(`unknown language: ${language}`);
  return kitFiles(language);
}

const rightAddress = /^\/(?:ka|hy|az|en)(?:\/[^A-Z]*)?$/;

/**
 * Called by the server before Remix: where a mistyped address should go (app/publication/addresses.server.ts).
 * Only the headers that choose a language matter.
 */
export async function forgivingAddress(pathAndQuery: string, headers: { cookie?: string; acceptLanguage?: string }) {
  // Every GET comes through here: the usual address (one of our prefixes, nothing in capitals) goes on at once.
  if (rightAddress.test(pathAndQuery.split("?")[0]!)) return null;
  const request = new Request(new URL(pathAndQuery, "http://portal.invalid"), {
    headers: { Cookie: headers.cookie ?? "", "Accept-Language": headers.acceptLanguage ?? "" },
  });
  return correctAddress(new URL(request.url), request);
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  const url = new URL(request.url);
  // A 503 (the database out of reach, server/database-outage.ts) says when to come back and is never stored.
  if (responseStatusCode === 503) {
    for (const [name, value] of Object.entries(unavailableHeaders)) responseHeaders.set(name, value);
  }
  const language = await pageLanguage(request, url.pathname.split("/")[1]);
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({ ...i18nextOptions, lng: language, resources: allResources });

  // Public pages (a route opts in, app/http/route-caching.ts) change only with the code and the published
  // content: a validator from both lets a browser, nginx or a CDN revalidate cheaply, and the page is
  // stored for the next visitor. Browsers revalidate every time (a 304 costs little), so an approval shows
  // at the next visit; a CDN may keep a page a minute and serve it stale while it asks again. Every other
  // page is private and never stored.
  // HEAD answers as GET does, validators included (Node leaves the body out).
  // A public route may still say "not this time" (no-store): a page rendered before its PDFs were ready.
  const publicPage =
    (request.method === "GET" || request.method === "HEAD") &&
    responseStatusCode === 200 &&
    answersPublicly(remixContext) &&
    !/no-store/.test(responseHeaders.get("Cache-Control") ?? "");
  if (!publicPage && !responseHeaders.has("Cache-Control")) responseHeaders.set("Cache-Control", "private, no-store");
  const version = catalogueVersion();
  let etag = "";
  if (publicPage) {
    etag = `W/"${remixContext.manifest.version}.${createHash("sha256").update(version).digest("hex").slice(0, 16)}"`;
    responseHeaders.set("ETag", etag);
    responseHeaders.set("Cache-Control", "public, max-age=0, must-revalidate, s-maxage=60, stale-while-revalidate=86400");
    responseHeaders.append("Vary", "Accept-Encoding");
  }
  // A public page's HTML carries no nonce (its inline scripts are allowed by hash): it can be stored, and
  // its 304 carries the same policy as its 200.
  const nonce = publicPage ? null : randomBytes(16).toString("base64");
  for (const [name, value] of Object.entries(securityHeaders(nonce))) responseHeaders.set(name, value);
  responseHeaders.set("Content-Language", language);
  if (publicPage && matchesIfNoneMatch(request, etag)) {
    return new Response(null, { status: 304, headers: responseHeaders });
  }
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  const app = (
    <NonceProvider value={nonce ?? undefined}>
      <I18nextProvider i18n={i18n}>
        <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce ?? undefined} />
      </I18nextProvider>
    </NonceProvider>
  );

  if (publicPage) {
    // Rendered whole and stored for the next visitor of this URL.
    const html = await renderComplete(app);
    storePage(url.host + url.pathname + url.search, { version, etag, html, headers: [...responseHeaders.entries()] });
    return new Response(html, { status: responseStatusCode, headers: responseHeaders });
  }

  // Crawlers get the whole document at once; people get it streamed.
  const readyEvent = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(app, {
      nonce: nonce ?? undefined,
      [readyEvent]() {
        shellRendered = true;
        const body = withoutNulBytes();
        resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
        pipe(body);
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        // Errors before the shell is ready are reported by onShellError; log only the later ones.
        if (shellRendered) console.error(error);
      },
    });
    setTimeout(abort, streamTimeout + 1_000);
  });
}

/**
 * react-dom 18.3.1's streaming writer leaves NUL bytes before a 2048-byte chunk boundary where a
 * multi-byte character did not fit (React issues 24985, 31134; fixed in React 19, which Remix 2 does
 * not support). They are padding, never text: HTML has no NUL, so every one of them is dropped here.
 * Georgian and Armenian pages had hundreds; browsers hid them, validators and crawlers did not.
 */
function withoutNulBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, chunk.includes(0) ? Buffer.from(chunk.filter((byte) => byte !== 0)) : chunk);
    },
  });
}

function renderComplete(app: ReactElement): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const body = withoutNulBytes();
    body.on("data", (chunk: Buffer) => chunks.push(chunk));
    body.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    body.on("error", reject);
    const { pipe, abort } = renderToPipeableStream(app, {
      onAllReady() {
        pipe(body);
      },
      onShellError: reject,
      onError(error: unknown) {
        reject(error);
      },
    });
    setTimeout(abort, streamTimeout + 1_000);
  });
}
