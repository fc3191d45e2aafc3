// Starts the production server (build/server.js) as a process of its own (its own port, database, PDF cache and session secret) and
// keeps what it prints: the operations tests read its log, send it signals and watch it exit, which the
// shared server of tests/setup must be spared.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createUser } from "~/auth/users.server";
import { createDatabase } from "~/db/database.server";

export const root = path.resolve(import.meta.dirname, "../..");

export type LogEvent = Record<string, unknown> & { event: string };

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** The run's own folder: portal.db (unless DATABASE_URL was given) and pdf-cache/. */
  directory: string;
  /** Everything printed so far, stdout and stderr. */
  output(): string;
  /** The JSON lines printed so far (stdout and stderr), in the order they arrived. */
  events(): LogEvent[];
  /** The first event (already printed or yet to come) that matches. */
  waitForEvent(matches: (event: LogEvent) => boolean, timeoutMilliseconds?: number): Promise<LogEvent>;
  /** The exit code once the process has ended. */
  exited: Promise<number | null>;
  /** Ends the process if it still runs (SIGKILL after 15 s) and deletes its folder. */
  dispose(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export function environmentOutsideVitest(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("VITEST"))) as NodeJS.ProcessEnv;
}

/** Resolves once the server prints that it listens; `environment` overrides the defaults. */
export async function startServer(environment: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const directory = mkdtempSync(path.join(tmpdir(), "portal-operations-"));
  const child = spawn(process.execPath, ["build/server.js"], {
    cwd: root,
    env: {
      ...environmentOutsideVitest(),
      PORT: String(port),
      HOST: "127.0.0.1",
      NODE_ENV: "production",
      PUBLIC_ORIGIN: `http://127.0.0.1:${port}`,
      DATABASE_URL: path.join(directory, "portal.db"),
      PDF_CACHE_DIR: path.join(directory, "pdf-cache"),
      SESSION_SECRET: randomBytes(32).toString("hex"),
      WARM_UP: "off",
      ...environment,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const events: LogEvent[] = [];
  const waiting = new Set<() => void>();
  for (const stream of [child.stdout!, child.stderr!]) {
    let unfinishedLine = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      output += chunk;
      const lines = (unfinishedLine + chunk).split("\n");
      unfinishedLine = lines.pop()!;
      for (const line of lines) {
        try {
          const parsed = JSON.parse(line) as unknown;
          if (typeof parsed === "object" && parsed !== null && "event" in parsed) events.push(parsed as LogEvent);
        } catch {
          // not one of the server's JSON lines
        }
      }
      for (const wake of waiting) wake();
    });
  }
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  exited.then(() => {
    for (const wake of waiting) wake();
  });

  const waitForEvent = (matches: (event: LogEvent) => boolean, timeoutMilliseconds = 30_000) =>
    new Promise<LogEvent>((resolve, reject) => {
      const check = () => {
        const found = events.find(matches);
        if (found) {
          finish();
          resolve(found);
        } else if (child.exitCode !== null) {
          finish();
          reject(new Error(`the server exited (${child.exitCode}) before the awaited log line:\n${output}`));
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`the awaited log line did not come within ${timeoutMilliseconds} ms:\n${output}`));
      }, timeoutMilliseconds);
      const finish = () => {
        clearTimeout(timer);
        waiting.delete(check);
      };
      waiting.add(check);
      check();
    });

  const server: ServerProcess = {
    url: `http://127.0.0.1:${port}`,
    port,
    child,
    directory,
    output: () => output,
    events: () => [...events],
    waitForEvent,
    exited,
    async dispose() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const killer = setTimeout(() => child.kill("SIGKILL"), 15_000);
        await exited;
        clearTimeout(killer);
      }
      rmSync(directory, { recursive: true, force: true });
    },
  };
  try {
    await waitForEvent((event) => event.event === "listening");
  } catch (error) {
    await server.dispose();
    throw error;
  }
  return server;
}

/** The first request log line for a path, printed already or yet to come. */
export function requestLine(server: ServerProcess, pathname: string): Promise<LogEvent> {
  return server.waitForEvent((event) => event.event === "request" && event.path === pathname);
}

/**
 * Adds a reviewer of Georgian to the server's SQLite database (written directly, as `npm run cli -- user
 * add` does) and signs them in: the sign-in response (303 and a session cookie when it worked).
 */
export async function signInNewReviewer(server: ServerProcess, databaseFile: string, email: string): Promise<Response> {
  const database = createDatabase(databaseFile);
  const password = "a reviewer's long password";
  try {
    await createUser(database.db, { email, name: "R", role: "reviewer", languages: "ka", password }, { id: null, email: "test" });
  } finally {
    await database.close();
  }
  return fetch(`${server.url}/ka/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url },
    body: new URLSearchParams({ email, password }),
  });
}

/** `npm run cli -- <args>`, as an editor or operator runs it, on the database at `databaseUrl`. */
export function runCli(databaseUrl: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "app/cli/main.ts", ...args], {
    cwd: root,
    env: { ...environmentOutsideVitest(), DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
