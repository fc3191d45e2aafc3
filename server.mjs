// The production server: Express in front of the Remix build, with compression, long-lived caching of
// fingerprinted assets, and a guard that answers malformed or oversized URLs with 4xx before Remix.
import path from "node:path";
import { fileURLToPath } from "node:url";

process.env.NODE_ENV ??= "production";
// `npm start` runs the production build on a developer's or a school's own machine: http on localhost,
// a session secret generated into data/. A deployment runs without --local and must set SESSION_SECRET.
if (process.argv.includes("--local")) process.env.PORTAL_LOCAL = "1";

const { createRequestHandler } = await import("@remix-run/express");
const { default: express } = await import("express");
const { default: compression } = await import("compression");

const root = path.dirname(fileURLToPath(import.meta.url));
const build = await import(path.join(root, "build/server/index.js"));
const maximumUrlLength = 2048;
// The largest form the portal accepts: an editor's lesson text (200,000 characters, URL-encoded).
const maximumBodyBytes = 2.5 * 1024 * 1024;

export function createApp() {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", process.env.TRUST_PROXY === "1");
  app.use(compression());

  app.use((request, response, next) => {
    if (request.originalUrl.length > maximumUrlLength) {
      response.status(414).type("text/plain").send("URI Too Long");
      return;
    }
    try {
      const pathname = decodeURIComponent(request.path);
      if (pathname.includes("\0")) throw new URIError("NUL in path");
    } catch {
      response.status(400).type("text/plain").send("Bad Request");
      return;
    }
    next();
  });

  // An oversized body is refused before anyone reads it; the connection closes, so the rest of the
  // upload is not waited for.
  app.use((request, response, next) => {
    if (Number(request.headers["content-length"] ?? 0) > maximumBodyBytes) {
      response.set("Connection", "close").status(413).type("text/plain").send("Payload Too Large");
      return;
    }
    next();
  });

  // A state-changing request from another site is refused here, with 403: Remix's own check would
  // throw (a 500) before the route's action could refuse it.
  app.use((request, response, next) => {
    const origin = request.headers.origin;
    if (request.method === "GET" || request.method === "HEAD" || origin === undefined) return next();
    let host = null;
    try {
      host = new URL(origin).host;
    } catch {}
    const expected = (app.get("trust proxy") && request.headers["x-forwarded-host"]) || request.headers.host;
    if (host !== expected) {
      response.status(403).type("text/plain").send("Forbidden: this request did not come from this site.");
      return;
    }
    next();
  });

  app.use("/assets", express.static(path.join(root, "build/client/assets"), { immutable: true, maxAge: "1y", index: false }));
  app.use(express.static(path.join(root, "build/client"), { maxAge: "1h", index: false }));
  // The client's address for sign-in rate limits and the audit log (behind a proxy: TRUST_PROXY=1).
  app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV, getLoadContext: (request) => ({ clientAddress: request.ip ?? null }) }));
  return app;
}

await build.entry.module.startUp?.();

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const server = createApp().listen(port, host, () => {
  const address = server.address();
  console.log(JSON.stringify({ event: "listening", url: `http://localhost:${typeof address === "object" && address ? address.port : port}` }));
  // In the background: requests are served meanwhile.
  if (process.env.WARM_UP !== "off") {
    build.entry.module.warmUp?.().catch((error) => console.error(JSON.stringify({ event: "warm-up-failed", error: String(error) })));
  }
});

function shutdown(signal) {
  console.log(JSON.stringify({ event: "shutdown", signal }));
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
