// The Express application in front of the Remix build: the request log, the guards, compression,
// stored public pages answered without Remix, fingerprinted assets with long-lived caching, the few
// public files by name, then Remix.
import { readdirSync } from "node:fs";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import onHeaders from "on-headers";
import { sharedSecurityHeaders } from "../app/http/security-headers.server";
import type { Config } from "../app/config.server";
import { answeringDatabaseOutagesWith503 } from "./database-outage";
import { guards, maximumUrlLength } from "./guards";
import type { Lifecycle } from "./lifecycle";
import type { PortalBuild } from "./portal-build";
import { requestLog } from "./request-log";
import type { ServerTexts } from "./texts";

interface AppOptions {
  portal: PortalBuild;
  config: Config;
  texts: ServerTexts;
  lifecycle: Lifecycle;
  /** build/client: the browser assets and the public files. */
  clientDirectory: string;
}

export function createApp({ portal, config, texts, lifecycle, clientDirectory }: AppOptions) {
  const app = express();
  app.disable("x-powered-by");
  // Exactly the configured number of proxy hops: the client is that many addresses from the right of
  // X-Forwarded-For; anything a client writes to the left of it is not believed.
  app.set("trust proxy", config.trustProxyHops);
  // First, so that every answer is logged, the guards' 4xx included.
  app.use(requestLog(maximumUrlLength));
  // Every response, whoever writes it, gets the security headers it does not already carry.
  const shared = Object.entries(sharedSecurityHeaders());
  app.use((_request: Request, response: Response, next: NextFunction) => {
    onHeaders(response, function addSecurityHeaders() {
      for (const [name, value] of shared) if (!this.hasHeader(name)) this.setHeader(name, value);
    });
    next();
  });
  app.use(lifecycle.closingConnections);
  app.use(compression());
  app.use(...guards(texts, config.publicOrigin));

  // Mistyped addresses (/KA/lessons, /ge/, /ru/lessons/…) are led to the page meant, before any 404.
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== "GET" && request.method !== "HEAD") return next();
    portal.hooks
      .forgivingAddress(request.originalUrl, { cookie: request.get("cookie"), acceptLanguage: request.get("accept-language") })
      .then((correction) => {
        if (!correction) return next();
        // A permanent fix of case or code may be kept by anyone; the negotiated one depends on the reader.
        if (correction.status === 302) response.setHeader("Cache-Control", "private, no-cache").setHeader("Vary", "Cookie, Accept-Language");
        else response.setHeader("Cache-Control", "public, max-age=86400");
        response.redirect(correction.status, correction.location);
      })
      .catch(next);
  });

  // Public pages as rendered for the content published now (app/http/page-cache.server.ts); anything
  // else, and the first visit, goes on to Remix.
  app.use((request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== "GET" && request.method !== "HEAD") || lifecycle.stopping) return next();
    const host = request.get("X-Forwarded-Host") ?? request.get("host");
    const gzip = request.acceptsEncodings("gzip", "identity") === "gzip";
    const page = portal.hooks.cachedPublicPage(`${host}${request.originalUrl}`, request.headers["if-none-match"], gzip);
    if (!page) return next();
    // Already compressed when the client takes gzip: the compression middleware leaves it as it is.
    for (const [name, value] of page.headers) response.setHeader(name, value);
    response.status(page.status).end(page.body);
  });

  app.use("/assets", express.static(path.join(clientDirectory, "assets"), { immutable: true, maxAge: "1y", index: false }));
  // The few public files outside /assets, by name: a static handler for the whole folder would stat
  // the disk on every request (every PDF download, every page).
  const publicFiles = readdirSync(clientDirectory, { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name);
  for (const name of publicFiles) {
    app.get(`/${name}`, (_request, response) => response.sendFile(path.join(clientDirectory, name), { maxAge: "1h" }));
  }
  // The client's address for sign-in rate limits and the audit log (behind a proxy: TRUST_PROXY=1).
  app.all(
    "*",
    createRequestHandler({
      build: answeringDatabaseOutagesWith503(portal.build, texts),
      mode: "production",
      getLoadContext: (request) => ({ clientAddress: request.ip ?? null }),
    }),
  );
  return app;
}
