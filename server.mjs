// The production server: Express in front of the Remix build, with compression, long-lived caching of
// fingerprinted assets, and a guard that answers malformed or oversized URLs with 4xx before Remix.
// For operators: one JSON line per request on stdout, a 503 (and a retry on the next request) while the
// database cannot be reached, and a graceful stop on SIGTERM or SIGINT.
import { readdirSync, readFileSync } from "node:fs";
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
const build = answeringDatabaseOutagesWith503(await import(path.join(root, "build/server/index.js")));
const maximumUrlLength = 2048;
// The largest form the portal accepts: an editor's lesson text (200,000 characters, URL-encoded).
const maximumBodyBytes = 2.5 * 1024 * 1024;
// How long requests in flight may take to finish after SIGTERM: the first download of a book is
// typeset in well under that; an orchestrator's own grace period (Kubernetes: 30 s) is longer.
const drainMilliseconds = 10_000;
// What a 503 asks the client to wait before trying again.
const retryAfterSeconds = 30;
let stopping = false;

export function createApp() {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", process.env.TRUST_PROXY === "1");
  // First, so that every answer is logged, the 4xx of the guards below included; before compression,
  // so that the bytes counted are the bytes sent.
  app.use(logRequest);
  app.use(headersOfUnavailableAndStopping);
  app.use(compression());

  app.use((request, response, next) => {
    if (request.originalUrl.length > maximumUrlLength) {
      response.status(414).type("text/plain").send(guardText(request, "tooLong"));
      return;
    }
    try {
      const pathname = decodeURIComponent(request.path);
      if (pathname.includes("\0")) throw new URIError("NUL in path");
    } catch {
      response.status(400).type("text/plain").send(guardText(request, "badRequest"));
      return;
    }
    next();
  });

  // An oversized body is refused before anyone reads it; the connection closes, so the rest of the
  // upload is not waited for.
  app.use((request, response, next) => {
    if (Number(request.headers["content-length"] ?? 0) > maximumBodyBytes) {
      response.set("Connection", "close").status(413).type("text/plain").send(guardText(request, "tooLarge"));
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
      response.status(403).type("text/plain").send(guardText(request, "otherSite"));
      return;
    }
    next();
  });

  // Public pages as rendered for the content published now, answered without entering Remix or React
  // (app/http/page-cache.server.ts); anything else, and the first visit, goes on to Remix.
  app.use((request, response, next) => {
    if (request.method !== "GET" || stopping) return next();
    const host = request.get("X-Forwarded-Host") ?? request.get("host");
    const gzip = Boolean(request.acceptsEncodings("gzip", "identity") === "gzip");
    const page = build.entry.module.cachedPublicPage?.(`${host}${request.originalUrl}`, request.headers["if-none-match"], gzip);
    if (!page) return next();
    // Already compressed when the client takes gzip: the compression middleware leaves it as it is.
    for (const [name, value] of page.headers) response.setHeader(name, value);
    response.status(page.status).end(page.body);
  });

  app.use("/assets", express.static(path.join(root, "build/client/assets"), { immutable: true, maxAge: "1y", index: false }));
  // The few public files outside /assets, by name: a static handler for the whole folder would stat
  // the disk on every request (every PDF download, every page).
  const publicFiles = readdirSync(path.join(root, "build/client"), { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name);
  for (const name of publicFiles) {
    app.get(`/${name}`, (request, response) => response.sendFile(path.join(root, "build/client", name), { maxAge: "1h" }));
  }
  // The client's address for sign-in rate limits and the audit log (behind a proxy: TRUST_PROXY=1).
  app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV, getLoadContext: (request) => ({ clientAddress: request.ip ?? null }) }));
  return app;
}

// ---- The request log -------------------------------------------------------------------------------

/**
 * One line per request, written when the response has been sent (finish) or the client went away
 * first (close, then `"aborted": true`). The path never carries the query string: it may hold what a
 * student searched for, and the logs keep no trace of that.
 */
function logRequest(request, response, next) {
  const started = performance.now();
  const pathOnly = request.originalUrl.split("?")[0].slice(0, maximumUrlLength);
  let bytes = 0;
  const { write, end } = response;
  response.write = function (chunk, encoding, ...rest) {
    bytes += byteLength(chunk, encoding);
    return write.call(this, chunk, encoding, ...rest);
  };
  response.end = function (chunk, encoding, ...rest) {
    if (typeof chunk !== "function") bytes += byteLength(chunk, encoding);
    return end.call(this, chunk, encoding, ...rest);
  };
  const socket = request.socket;
  let finished = false;
  let logged = false;
  const log = () => {
    if (logged) return;
    logged = true;
    const line = { event: "request", method: request.method, path: pathOnly, status: response.statusCode, milliseconds: Math.round(performance.now() - started), bytes };
    // "finish" comes even when the client hung up with data still queued (the failed write calls its
    // callback all the same); the socket's error says so.
    if (!finished || socket.errored) line.aborted = true;
    console.log(JSON.stringify(line));
  };
  response.once("finish", () => {
    finished = true;
    log();
  });
  response.once("close", log);
  next();
}

function byteLength(chunk, encoding) {
  if (chunk === undefined || chunk === null) return 0;
  if (typeof chunk === "string") return Buffer.byteLength(chunk, typeof encoding === "string" ? encoding : "utf8");
  return chunk.byteLength ?? 0;
}

// ---- The database out of reach: 503, and a retry on the next request ------------------------------

/**
 * Connection failures, as pg, PostgreSQL and SQLite report them, possibly wrapped (`cause`) or several
 * at once (AggregateError: every address of a host refused). Anything else is a bug, and stays a 500.
 */
function isDatabaseUnreachable(error, depth = 0) {
  if (typeof error !== "object" || error === null || depth > 8) return false;
  const code = typeof error.code === "string" ? error.code : "";
  if (["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "EPIPE"].includes(code)) return true;
  // PostgreSQL: connection exceptions (class 08), shutting down or starting up (57P01–57P03), too many connections.
  if (/^08[0-9A-Z]{3}$/.test(code) || ["57P01", "57P02", "57P03", "53300"].includes(code)) return true;
  // SQLite: locked by another process beyond busy_timeout, or the file cannot be opened or read.
  if (/^SQLITE_(BUSY|CANTOPEN|IOERR)/.test(code)) return true;
  // pg's own errors for a connection that dropped or never came carry no code.
  if (/^(Connection terminated|timeout exceeded when trying to connect)/.test(String(error.message))) return true;
  if (Array.isArray(error.errors) && error.errors.some((inner) => isDatabaseUnreachable(inner, depth + 1))) return true;
  return isDatabaseUnreachable(error.cause, depth + 1);
}

function describeError(error) {
  const messages = [];
  for (let current = error, depth = 0; current && depth < 8; current = current.cause, depth += 1) {
    const inner = Array.isArray(current.errors) ? current.errors.map((each) => each?.message).filter(Boolean) : [];
    messages.push([current.code, current.message || inner.join("; ")].filter(Boolean).join(": "));
  }
  return [...new Set(messages)].join(" <- ");
}

// Every request retries while the database is away; one log line per 10 s says so.
let lastUnreachableLog = 0;
function logDatabaseUnreachable(error, during) {
  if (Date.now() - lastUnreachableLog < 10_000) return;
  lastUnreachableLog = Date.now();
  console.error(JSON.stringify({ event: "database-unreachable", during, error: describeError(error) }));
}

// The message of a 503 from a resource route (a PDF, the sitemap): the page routes render the root
// ErrorBoundary instead, from the same strings.
/** The guards' answers, in the language of the path (/hy/…), else Georgian: they run before Remix. */
const guardTexts = Object.fromEntries(
  readdirSync(path.join(root, "locales")).map((language) => [language, JSON.parse(readFileSync(path.join(root, "locales", language, "common.json"), "utf8")).error]),
);
function guardText(request, key) {
  const prefix = request.originalUrl.slice(1, 3);
  const texts = request.originalUrl[3] === "/" && guardTexts[prefix] ? guardTexts[prefix] : guardTexts.ka;
  return `${texts[key]}\n`;
}

const unavailableTexts = Object.fromEntries(
  readdirSync(path.join(root, "locales")).map((language) => {
    const { error } = JSON.parse(readFileSync(path.join(root, "locales", language, "common.json"), "utf8"));
    return [language, `${error.unavailableTitle}\n\n${error.unavailable}\n`];
  }),
);

/**
 * The build with every loader and action answering 503 when the database cannot be reached, instead of
 * failing with a 500. Remix 2 has no middleware: this is the one place all of them pass through. Pages
 * whose data is already in memory (the published catalogue) never get here: they keep working.
 */
function answeringDatabaseOutagesWith503(serverBuild) {
  const answering = (handler) => async (args) => {
    try {
      return await handler(args);
    } catch (error) {
      // A client that hung up mid-upload fails with ECONNRESET too: that says nothing of the database.
      if (args.request.signal.aborted || !isDatabaseUnreachable(error)) throw error;
      logDatabaseUnreachable(error, "request");
      const text = unavailableTexts[args.params.lng] ?? unavailableTexts.ka;
      throw new Response(text, { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    }
  };
  const routes = Object.fromEntries(
    Object.entries(serverBuild.routes).map(([id, route]) => {
      const module = { ...route.module };
      for (const name of ["loader", "action"]) if (typeof module[name] === "function") module[name] = answering(module[name]);
      return [id, { ...route, module }];
    }),
  );
  return { ...serverBuild, routes };
}

// A 503 says when to come back and is never cached; set here because the headers of a response a loader
// throws do not reach the error page Remix renders. While stopping, every answer closes its connection,
// and so does a keep-alive connection whose response had begun before: server.close() waits for them.
function headersOfUnavailableAndStopping(request, response, next) {
  const writeHead = response.writeHead;
  response.writeHead = function (statusCode, ...rest) {
    if (statusCode === 503) {
      if (!this.hasHeader("Retry-After")) this.setHeader("Retry-After", String(retryAfterSeconds));
      this.setHeader("Cache-Control", "no-store");
    }
    if (stopping) this.setHeader("Connection", "close");
    return writeHead.call(this, statusCode, ...rest);
  };
  response.once("finish", () => {
    if (stopping) setImmediate(() => server.closeIdleConnections());
  });
  next();
}

// ---- Start ----------------------------------------------------------------------------------------

const { shutDown } = build.entry.module;
if (typeof shutDown !== "function") throw new Error("The server build exports no shutDown (app/entry.server.tsx)");

// Opens the database and loads the catalogue. A database out of reach does not stop the server: it
// answers 503 and every request (and /healthz) tries again, so it recovers by itself. Anything else
// (a missing SESSION_SECRET, a failed migration) stops it with its reason, as before.
try {
  await build.entry.module.startUp?.();
} catch (error) {
  if (!isDatabaseUnreachable(error)) throw error;
  logDatabaseUnreachable(error, "start-up");
}

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const server = createApp().listen(port, host, () => {
  const address = server.address();
  console.log(JSON.stringify({ event: "listening", url: `http://localhost:${typeof address === "object" && address ? address.port : port}` }));
  // In the background: requests are served meanwhile.
  if (process.env.WARM_UP !== "off") {
    build.entry.module.warmUp?.().catch((error) => console.error(JSON.stringify({ event: "warm-up-failed", error: String(error) })));
  }
  // Other instances approve too: notice it within a second even when every page comes from the cache.
  setInterval(() => void build.entry.module.keepCatalogueFresh?.(), 500).unref();
});

// ---- Stop ------------------------------------------------------------------------------------------

/**
 * Stops accepting connections, lets the requests in flight finish (at most drainMilliseconds, then
 * their connections are cut), closes the database and exits 0. A second signal exits at once.
 */
async function stop(signal) {
  if (stopping) {
    console.log(JSON.stringify({ event: "shutdown-now", signal }));
    process.exit(1);
  }
  stopping = true;
  console.log(JSON.stringify({ event: "shutdown", signal }));
  const drained = new Promise((resolve) => server.close(resolve));
  // Keep-alive connections between requests would hold server.close() open until they time out.
  server.closeIdleConnections();
  const cut = setTimeout(() => {
    console.log(JSON.stringify({ event: "shutdown-forced", afterMilliseconds: drainMilliseconds }));
    server.closeAllConnections();
  }, drainMilliseconds);
  await drained;
  clearTimeout(cut);
  try {
    await shutDown();
  } catch (error) {
    console.error(JSON.stringify({ event: "database-close-failed", error: describeError(error) }));
  }
  console.log(JSON.stringify({ event: "stopped" }));
  process.exit(0);
}
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
