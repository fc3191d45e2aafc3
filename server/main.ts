// The production server: `node build/server.js` (built by `npm run build`). `--local` (npm start) runs
// the production build on a developer's or a school's own machine: plain http on localhost, a session
// secret generated into data/. A deployment runs without it and must set SESSION_SECRET.
// For operators: one JSON line per request on stdout, a 503 (and a retry on the next request) while the
// database cannot be reached, and a graceful stop on SIGTERM or SIGINT.
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigurationError, config as readConfig } from "../app/config.server";
import { createApp } from "./app";
import { isDatabaseUnreachable, logDatabaseUnreachable } from "./database-outage";
import { Lifecycle } from "./lifecycle";
import { loadPortalBuild } from "./portal-build";
import { ServerTexts } from "./texts";

// The configuration is the first thing read: a wrong value stops here with the variable's name.
process.env.NODE_ENV ??= "production";
if (process.argv.includes("--local")) process.env.PORTAL_LOCAL = "1";
let config: ReturnType<typeof readConfig>;
try {
  config = readConfig();
} catch (error) {
  if (!(error instanceof ConfigurationError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const buildDirectory = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(buildDirectory);
const portal = await loadPortalBuild(path.join(buildDirectory, "server/index.js"));
const texts = new ServerTexts(path.join(root, "locales"));
const lifecycle = new Lifecycle();

// Opens the database and loads the catalogue. A database out of reach does not stop the server: it
// answers 503 and every request (and /healthz) tries again, so it recovers by itself. Anything else
// (a failed migration) stops it with its reason.
try {
  await portal.hooks.startUp();
} catch (error) {
  if (!isDatabaseUnreachable(error)) throw error;
  logDatabaseUnreachable(error, "start-up");
}

const app = createApp({ portal, config, texts, lifecycle, clientDirectory: path.join(buildDirectory, "client") });
// A slow client must not hold a connection for minutes: the headers within 20 s, the whole request
// within 30 s (the largest form is 2.5 MB), an idle keep-alive connection closes after 5 s; Node checks
// every 2 s instead of every 30.
const server = createServer({ headersTimeout: 20_000, requestTimeout: 30_000, keepAliveTimeout: 5_000, connectionsCheckingInterval: 2_000 }, app);
server.listen(config.port, config.host, () => {
  const address = server.address();
  console.log(JSON.stringify({ event: "listening", url: `http://localhost:${typeof address === "object" && address ? address.port : config.port}` }));
  // Behind a proxy without TRUST_PROXY every reader has the proxy's address: the sign-in limits per
  // address then count everyone together. Say so once.
  if (config.deployment && config.trustProxyHops === 0) {
    console.log(JSON.stringify({ event: "client-addresses", trustProxy: 0, note: "clients are identified by the connection's address; behind a reverse proxy set TRUST_PROXY to the number of proxies, or every reader shares one address" }));
  }
  // In the background: requests are served meanwhile.
  if (config.warmUp) portal.hooks.warmUp().catch((error: unknown) => console.error(JSON.stringify({ event: "warm-up-failed", error: String(error) })));
  // Other instances approve too: notice it within a second even when every page comes from the cache.
  setInterval(() => void portal.hooks.keepCatalogueFresh(), 500).unref();
});
lifecycle.attach(server);

process.on("SIGTERM", () => void lifecycle.stop("SIGTERM", portal.hooks.shutDown));
process.on("SIGINT", () => void lifecycle.stop("SIGINT", portal.hooks.shutDown));
