import { createHash, randomBytes } from "node:crypto";
import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable, type EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { createInstance } from "i18next";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { NonceProvider } from "~/components/nonce";
import { pageLanguage } from "~/i18n/i18n.server";
import { i18nextOptions } from "~/i18n/i18next-options";
import { allResources } from "~/i18n/resources.server";
import { securityHeaders } from "~/http/security-headers.server";
import { authConfig } from "~/auth/config.server";
import { catalogueVersion, getCatalogue } from "~/content/catalogue.server";
import { languages } from "~/i18n/languages";
import { warmUpPdfEngine } from "~/pdf/service.server";

const streamTimeout = 5_000;
export { streamTimeout };

/**
 * Called by server.mjs before it listens: opens and migrates the database, imports changed lesson files
 * as revisions and loads the published catalogue. A failure here stops the server with its reason.
 */
export async function startUp(): Promise<void> {
  authConfig(); // SESSION_SECRET missing in a deployment: say so now, not at the first sign-in
  await getCatalogue();
}

/** Called by server.mjs once it listens: work worth doing before the first visitor asks for it. */
export async function warmUp(): Promise<void> {
  const started = performance.now();
  await warmUpPdfEngine(languages);
  console.log(JSON.stringify({ event: "warm-up", milliseconds: Math.round(performance.now() - started) }));
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  const language = await pageLanguage(request, new URL(request.url).pathname.split("/")[1]);
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({ ...i18nextOptions, lng: language, resources: allResources });

  // Public pages change only with the code and the published content: a validator from both lets a
  // browser, nginx or a CDN revalidate cheaply. Routes that set their own Cache-Control (staff pages) keep it.
  if (request.method === "GET" && responseStatusCode === 200 && !responseHeaders.has("Cache-Control")) {
    const etag = `W/"${remixContext.manifest.version}.${createHash("sha256").update(catalogueVersion()).digest("hex").slice(0, 16)}"`;
    responseHeaders.set("ETag", etag);
    responseHeaders.set("Cache-Control", "public, max-age=60, s-maxage=300, stale-while-revalidate=86400");
    responseHeaders.append("Vary", "Accept-Encoding");
    if (request.headers.get("If-None-Match")?.split(",").some((value) => value.trim() === etag)) {
      return new Response(null, { status: 304, headers: responseHeaders });
    }
  }

  const nonce = randomBytes(16).toString("base64");
  for (const [name, value] of Object.entries(securityHeaders(nonce))) responseHeaders.set(name, value);

  // Crawlers get the whole document at once; people get it streamed.
  const readyEvent = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={i18n}>
          <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }),
          );
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
      },
    );
    setTimeout(abort, streamTimeout + 1_000);
  });
}
