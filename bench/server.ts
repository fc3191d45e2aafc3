// Builds the portal and runs its production server (`node build/server.js`) as a child process on a free
// loopback port, for benchmarks that measure it over HTTP like a client would.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const loopback = "127.0.0.1";

/** Runs a command in the project root, output passed through; rejects on a non-zero exit or after `timeoutMs`. */
export function run(command: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: projectRoot, stdio: ["ignore", "inherit", "inherit"] });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${command} ${args.join(" ")} took longer than ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(" ")} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

/** `npm run build`: the Remix build and the server. */
export async function buildProduction(): Promise<void> {
  await run("npm", ["run", "build"], 5 * 60_000);
}

/** A port the OS says is free now (another process could still take it before the server does). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, loopback, () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error("no free port"))));
    });
  });
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  /** The fresh PDF cache directory the server writes to. */
  pdfCacheDirectory: string;
  /** The server's recent output, for error messages. */
  log(): string;
  /** Whether the server process is still running. */
  running(): boolean;
  /**
   * Waits until the server has finished its start-up work: its `{"event":"warm-up"}` log line, or else
   * its own CPU use (not the machine's) staying near zero for a while. At most `timeoutMs`.
   */
  settle(timeoutMs?: number): Promise<Settled>;
  /** Stops the server (SIGTERM, then SIGKILL after 5 s) and removes the cache directory. Idempotent. */
  stop(): Promise<void>;
}

export interface Settled {
  /** From the call until settled. */
  waitedMs: number;
  /** The warm-up time the server logged, when it logs one. */
  warmUpMs: number | null;
  /** How it was decided. */
  by: "warm-up log" | "idle CPU" | "no /proc: did not wait" | "timeout";
}

/** CPU time (user + system) the process has used, in clock ticks; null where /proc is not available. */
function cpuTicks(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after "(comm)": state is field 3, utime 14 and stime 15 (proc(5)).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

/** The `milliseconds` of the server's `{"event":"warm-up"}` log line, when it has printed one. */
function loggedWarmUp(output: string): { milliseconds: number | null } | null {
  for (const line of output.split("\n")) {
    if (!line.includes('"warm-up')) continue;
    try {
      const event = JSON.parse(line) as { event?: string; milliseconds?: number };
      if (event.event === "warm-up") return { milliseconds: typeof event.milliseconds === "number" ? event.milliseconds : null };
      if (event.event === "warm-up-failed") return { milliseconds: null };
    } catch {
      // not a JSON line
    }
  }
  return null;
}

/** Resolves true when the child has exited, false after `timeoutMs` (the timer never outlives the wait). */
export function exitedWithin(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off("exit", onExit);
      resolve(false);
    }, timeoutMs);
    const onExit = () => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once("exit", onExit);
  });
}

/**
 * Starts `node build/server.js` on a free loopback port with an empty PDF cache directory, so the first
 * request for each PDF really typesets it, and waits until it answers HTTP (at most `readyTimeoutMs`).
 */
export async function startServer(options: { readyTimeoutMs?: number; env?: Record<string, string> } = {}): Promise<RunningServer> {
  const port = await freePort();
  const pdfCacheDirectory = mkdtempSync(path.join(tmpdir(), "bench-pdf-cache-"));
  const child = spawn(process.execPath, ["build/server.js"], {
    cwd: projectRoot,
    // Like a deployment: production mode with its own secret, and a fresh database of its own (the
    // first import is approved by the system) beside the fresh PDF cache, never data/ of the project.
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: loopback,
      PORT: String(port),
      PDF_CACHE_DIR: pdfCacheDirectory,
      DATABASE_URL: path.join(pdfCacheDirectory, "bench.db"),
      SESSION_SECRET: randomBytes(32).toString("hex"),
      PUBLIC_ORIGIN: `http://${loopback}:${port}`,
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Keep the tail of the output: enough to explain a failed start, bounded for a long run.
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-20_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  child.on("error", (error) => keep(Buffer.from(`\n[bench] could not run the server: ${error.message}\n`)));

  let stopped = false;
  const server: RunningServer = {
    origin: `http://${loopback}:${port}`,
    pdfCacheDirectory,
    log: () => output,
    running: () => child.exitCode === null && child.signalCode === null,
    async settle(timeoutMs = 60_000) {
      const started = performance.now();
      const pollMs = 250;
      // Settled by CPU when three polls in a row used at most 2 ticks (≤ 8 % of a CPU at 100 ticks/s).
      const quietPollsNeeded = 3;
      let quietPolls = 0;
      let last = cpuTicks(child.pid!);
      while (performance.now() - started < timeoutMs) {
        const warmUp = loggedWarmUp(output);
        if (warmUp) return { waitedMs: performance.now() - started, warmUpMs: warmUp.milliseconds, by: "warm-up log" };
        if (!server.running()) throw new Error("the server exited while starting up");
        await sleep(pollMs);
        const now = cpuTicks(child.pid!);
        if (now === null || last === null) return { waitedMs: performance.now() - started, warmUpMs: null, by: "no /proc: did not wait" };
        quietPolls = now - last <= 2 ? quietPolls + 1 : 0;
        last = now;
        if (quietPolls >= quietPollsNeeded) return { waitedMs: performance.now() - started, warmUpMs: null, by: "idle CPU" };
      }
      return { waitedMs: performance.now() - started, warmUpMs: null, by: "timeout" };
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      child.kill("SIGTERM");
      if (!(await exitedWithin(child, 5_000))) {
        child.kill("SIGKILL");
        await exitedWithin(child, 5_000);
      }
      rmSync(pdfCacheDirectory, { recursive: true, force: true });
    },
  };

  try {
    await waitUntilAnswering(server.origin, child, options.readyTimeoutMs ?? 30_000);
  } catch (error) {
    await server.stop();
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output}`);
  }
  return server;
}

async function waitUntilAnswering(origin: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server exited before answering (${child.signalCode ?? `exit ${child.exitCode}`})`);
    try {
      const response = await fetch(`${origin}/`, { redirect: "manual", signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      return;
    } catch {
      await sleep(100);
    }
  }
  throw new Error(`the server did not answer within ${timeoutMs / 1000} s`);
}
