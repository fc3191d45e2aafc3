// Builds the production bundle once and starts the real server (build/server.js) on a free port, so that
// HTTP tests see exactly what a visitor gets: status codes, headers, compression, rendered HTML.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { environmentOutsideVitest, freePort } from "../support/server-process";

const root = path.resolve(import.meta.dirname, "../..");


async function waitForServer(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output()}`);
    try {
      const response = await fetch(`${url}/robots.txt`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server did not start in 30 s:\n${output()}`);
}


export default async function setup(project: TestProject) {
  if (process.env.SKIP_BUILD !== "1") {
    execFileSync(process.execPath, [path.join(root, "node_modules/@remix-run/dev/dist/cli.js"), "vite:build"], {
      cwd: root,
      env: { ...environmentOutsideVitest(), NODE_ENV: "production" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    execFileSync(process.execPath, [path.join(root, "scripts/build-server.mjs")], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  }
  const port = await freePort();
  // Each run has its own database and PDF cache: a fresh installation, whose "first download" really
  // is the first.
  const runDirectory = mkdtempSync(path.join(tmpdir(), "portal-server-"));
  let log = "";
  const child = spawn(process.execPath, ["build/server.js"], {
    cwd: root,
    env: { ...environmentOutsideVitest(), PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production", PUBLIC_ORIGIN: `http://127.0.0.1:${port}`, PDF_CACHE_DIR: path.join(runDirectory, "pdf-cache"), DATABASE_URL: path.join(runDirectory, "portal.db"), SESSION_SECRET: randomBytes(32).toString("hex") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk) => (log += chunk));
  child.stderr!.on("data", (chunk) => (log += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForServer(baseUrl, child, () => log);
  project.provide("baseUrl", baseUrl);
  project.provide("serverDatabaseUrl", path.join(runDirectory, "portal.db"));
  return async () => {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    rmSync(runDirectory, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    /** The test server's SQLite file: tests add staff accounts to it directly. */
    serverDatabaseUrl: string;
  }
}
