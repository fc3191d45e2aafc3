// `npm run bench -- http [--short] [--duration N]`: the production server under HTTP load (autocannon,
// loopback). 1. A cached lesson page, a catalogue search and a cached PDF, each at 50 connections;
// 2. the same lesson page's recorded response from a bare node:http server, the ceiling any page can
// reach here; 3. a mixed load of pages, searches and PDFs in all four languages, with the server's
// resident memory at its start and end.
import autocannon, { type Options, type Result } from "autocannon";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { languages } from "../app/i18n/languages";
import type { RecordedResponse } from "./bare-server";
import { registerCleanup } from "./cleanup";
import { findServerPid, residentBytes } from "./process-memory";
import { buildProduction, exitedWithin, projectRoot, startServer, type RunningServer } from "./server";

export interface HttpBenchOptions {
  build: boolean;
  /** `short` (true) and `duration` (seconds, as typed) from the command line. */
  flags: Record<string, string | true>;
}

const lessonPath = "/ka/lessons/what-is-trafficking";
const searchPath = "/az/lessons?q=insan";
const pdfPath = "/en/books/student.pdf";

/** What a browser sends that changes the answer: gzip, and a browser's user agent (not a bot's). */
const browserHeaders: Record<string, string> = {
  accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
  "accept-encoding": "gzip",
  "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
};

const single = { connections: 50, seconds: 10, warmUpSeconds: 3 };
const mixedFull = { connections: 100, seconds: 60 };
const mixedShort = { connections: 20, seconds: 10 };
const maximumDurationSeconds = 3600;

const mebibyte = 1024 * 1024;
const targets = {
  ceilingRatio: 0.5,
  p99Ms: 50,
  rssGrowthFactor: 1.5,
  rssAllowanceBytes: 20 * mebibyte,
  burstP99Ms: 100,
  burstPeakBytes: 1536 * mebibyte,
};

/** Pages, searches and PDFs in all four languages; every connection sends them in turn, over and over. */
function mixedPaths(): string[] {
  const searches: Record<(typeof languages)[number], string> = { ka: "ტრეფიკინგი", hy: "թրաֆիքինգ", az: "insan", en: "trafficking" };
  const pages = languages.flatMap((language) => [
    `/${language}/lessons/what-is-trafficking`,
    `/${language}/lessons?q=${encodeURIComponent(searches[language])}`,
    `/${language}/lessons/safe-online`,
    `/${language}/help`,
  ]);
  const pdfs = ["/en/books/student.pdf", "/ka/books/student.pdf", "/hy/lessons/what-is-trafficking/handout.pdf", "/az/lessons/what-is-trafficking/plan.pdf"];
  // One PDF after every four pages: a fifth of the requests, most of the bytes.
  return pages.flatMap((page, index) => (index % 4 === 3 ? [page, pdfs[(index - 3) / 4]!] : [page]));
}

interface Measured {
  label: string;
  path: string;
  connections: number;
  seconds: number;
  /** Average of the per-second samples. */
  requestsPerSecond: number;
  requests: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  bytesPerSecond: number;
  statusCodes: Record<string, number>;
}

interface Verdict {
  target: string;
  measured: string;
  pass: boolean;
}

interface Memory {
  startBytes: number | null;
  peakBytes: number | null;
  endBytes: number | null;
  /** Five seconds after the load, for telling a leak from memory the load still held. */
  afterIdleBytes: number | null;
}

interface RawResponse {
  status: number;
  /** [name, value] in the order received. */
  headers: [string, string][];
  body: Buffer;
}

export async function runHttpBench(options: HttpBenchOptions): Promise<void> {
  const mixed = mixedSettings(options.flags);
  if (options.build) {
    console.log("Building the production bundle (npx remix vite:build) …");
    await buildProduction();
  }

  // The database the server imports the lessons into: a fresh SQLite file, removed afterwards.
  const databaseDirectory = mkdtempSync(path.join(tmpdir(), "bench-http-db-"));
  registerCleanup(async () => rmSync(databaseDirectory, { recursive: true, force: true }));
  const server = await startServer({
    env: { SESSION_SECRET: randomBytes(36).toString("base64url"), DATABASE_URL: path.join(databaseDirectory, "portal.db") },
  });
  const stopServer = registerCleanup(() => server.stop());
  const notes: string[] = [];
  try {
    const settled = await server.settle();
    const loadBefore = loadavg()[0]!;
    console.log(`\nServer: ${server.origin} (node build/server.js, NODE_ENV=production), settled ${(settled.waitedMs / 1000).toFixed(1)} s after answering (by ${settled.by})`);
    console.log(`Machine: ${availableParallelism()} CPUs, load average (1 min) ${loadBefore.toFixed(2)} at the start; autocannon runs in this process, on the same CPUs as the server`);
    if (settled.by === "timeout") notes.push("the server was still busy when the measuring began");
    const serverPid = findServerPid(server.origin);
    if (serverPid === null) notes.push("could not find the server's process in /proc: no memory figures");

    // The server's resident memory between the steps, to see which one grows it.
    const memoryTrail: { after: string; bytes: number | null }[] = [];
    const remember = (after: string) => memoryTrail.push({ after, bytes: serverPid === null ? null : residentBytes(serverPid) });
    remember("settling");

    // Everything the load asks for must answer 200 before it starts, and the PDFs must be cached.
    await checkAndCache(server.origin, [lessonPath, searchPath, pdfPath, ...mixedPaths()]);
    remember("one request for each path");

    const lessonResponse = await rawGet(server.origin, lessonPath);
    console.log(`\n1. Each at ${single.connections} connections for ${single.seconds} s after ${single.warmUpSeconds} s of warm-up`);
    const ceiling = await measureCeiling(lessonResponse, notes);
    const lesson = await measureRoute(server, "lesson page", lessonPath);
    remember("lesson page");
    const search = await measureRoute(server, "catalogue search", searchPath);
    remember("search");
    const pdf = await measureRoute(server, "cached PDF", pdfPath);
    remember("PDF");
    const ratio = lesson.requestsPerSecond / ceiling.requestsPerSecond;
    printSingle([ceiling, lesson, search, pdf], ratio);
    console.log(`server RSS after ${memoryTrail.map(({ after, bytes }) => `${after}: ${mib(bytes)}`).join(", ")}`);

    const mixedResult = await measureMixed(server, serverPid, mixed);
    printMixed(mixedResult);
    const burst = await measureDuringPackBurst(server, serverPid, mixed.short);
    printBurst(burst);
    const verdicts = [...verdictsOf(lesson, search, pdf, ratio, mixedResult), ...burstVerdicts(burst)];
    notes.push(...serverTroubles(server.log()));
    console.log("\n4. Targets\n");
    console.log(table(["target", "measured", "result"], verdicts.map((v) => [v.target, v.measured, v.pass ? "PASS" : "MISS"]), [false, true, false]));
    for (const note of notes) console.log(`note: ${note}`);
    const missed = verdicts.filter((verdict) => !verdict.pass);
    console.log(`\n${verdicts.length - missed.length} of ${verdicts.length} targets met${missed.length === 0 ? "" : ` — MISS: ${missed.map((v) => v.target).join("; ")}`}`);
    console.log(
      JSON.stringify({
        benchmark: "http",
        machine: { cpus: availableParallelism(), loadAverageAtStart: round(loadBefore, 2) },
        single: { ceiling, lesson, search, pdf, lessonToCeiling: round(ratio, 3) },
        mixed: mixedResult,
        packBurst: burst,
        memoryTrail,
        targets: verdicts,
        notes,
      }),
    );
  } finally {
    await stopServer();
  }
}

function mixedSettings(flags: Record<string, string | true>): { connections: number; seconds: number; short: boolean } {
  const short = flags.short === true;
  const settings = { ...(short ? mixedShort : mixedFull), short };
  const duration = flags.duration;
  if (duration !== undefined) {
    const seconds = typeof duration === "string" && /^\d+$/.test(duration) ? Number(duration) : NaN;
    if (!(seconds >= 1 && seconds <= maximumDurationSeconds)) throw new Error(`--duration takes whole seconds from 1 to ${maximumDurationSeconds}, not ${String(duration)}`);
    settings.seconds = seconds;
  }
  return settings;
}

// ---- the requests -------------------------------------------------------------------------------

/** GET with node:http, so that the body stays as sent (fetch would unzip it). */
function rawGet(origin: string, pathname: string, timeoutMs = 60_000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(new URL(pathname, origin), { headers: browserHeaders, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () => {
        const pairs: [string, string][] = [];
        for (let index = 0; index + 1 < response.rawHeaders.length; index += 2) pairs.push([response.rawHeaders[index]!, response.rawHeaders[index + 1]!]);
        resolve({ status: response.statusCode ?? 0, headers: pairs, body: Buffer.concat(chunks) });
      });
    });
    request.setTimeout(timeoutMs, () => request.destroy(new Error(`GET ${pathname}: no answer within ${timeoutMs / 1000} s`)));
    request.on("error", reject);
    request.end();
  });
}

function header(response: RawResponse, name: string): string | undefined {
  return response.headers.find(([key]) => key.toLowerCase() === name)?.[1];
}

/** Each path must answer 200; a PDF is asked for again until the server says it came from its cache (at most 3 times). */
async function checkAndCache(origin: string, paths: string[]): Promise<void> {
  for (const pathname of new Set(paths)) {
    let response = await rawGet(origin, pathname);
    if (response.status !== 200) throw new Error(`GET ${pathname} answered ${response.status}: ${response.body.subarray(0, 300).toString("utf8")}`);
    if (!pathname.split("?")[0]!.endsWith(".pdf")) continue;
    for (let attempt = 0; attempt < 3 && header(response, "x-pdf-cache") !== "memory"; attempt += 1) response = await rawGet(origin, pathname);
    if (header(response, "x-pdf-cache") !== "memory") throw new Error(`GET ${pathname} is not served from the memory cache (X-Pdf-Cache: ${header(response, "x-pdf-cache") ?? "missing"})`);
  }
}

// ---- autocannon ---------------------------------------------------------------------------------

function load(options: Options): Promise<Result> {
  return new Promise((resolve, reject) => {
    autocannon({ timeout: 10, ...options }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

function measured(label: string, pathname: string, result: Result, connections: number): Measured {
  return {
    label,
    path: pathname,
    connections,
    seconds: round(result.duration, 1),
    requestsPerSecond: round(result.requests.average, 1),
    requests: result.requests.total,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    bytesPerSecond: Math.round(result.throughput.average),
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count])),
  };
}

/** A short run to warm the server (and the connections' paths through it) up, then the measured run. */
async function warmAndMeasure(label: string, origin: string, pathname: string): Promise<Measured> {
  const options: Options = { url: new URL(pathname, origin).href, connections: single.connections, headers: browserHeaders };
  await load({ ...options, duration: single.warmUpSeconds });
  console.log(`  ${label}: ${single.connections} connections, ${single.seconds} s …`);
  return measured(label, pathname, await load({ ...options, duration: single.seconds }), single.connections);
}

async function measureRoute(server: RunningServer, label: string, pathname: string): Promise<Measured> {
  const result = await warmAndMeasure(label, server.origin, pathname);
  if (!server.running()) throw new Error(`the server exited during the ${label} run\n--- server output ---\n${server.log()}`);
  return result;
}

// ---- the ceiling --------------------------------------------------------------------------------

/** Headers node's http server writes itself: left to the bare server, as the portal leaves them to it. */
const nodeHeaders = new Set(["date", "connection", "keep-alive", "transfer-encoding"]);

async function measureCeiling(lesson: RawResponse, notes: string[]): Promise<Measured> {
  if (header(lesson, "content-encoding") !== "gzip") notes.push(`the lesson page was not gzipped (Content-Encoding: ${header(lesson, "content-encoding") ?? "none"})`);
  const recording = mkdtempSync(path.join(tmpdir(), "bench-http-ceiling-"));
  const removeRecording = registerCleanup(async () => rmSync(recording, { recursive: true, force: true }));
  const recorded: RecordedResponse = {
    status: lesson.status,
    headers: lesson.headers.filter(([name]) => !nodeHeaders.has(name.toLowerCase())),
    chunked: header(lesson, "transfer-encoding")?.toLowerCase() === "chunked",
  };
  writeFileSync(path.join(recording, "response.json"), JSON.stringify(recorded));
  writeFileSync(path.join(recording, "body"), lesson.body);

  const bare = await startBareServer(recording);
  const stopBare = registerCleanup(bare.stop);
  try {
    const copy = await rawGet(bare.origin, lessonPath);
    const difference = differenceOf(lesson, copy);
    if (difference) throw new Error(`the bare server does not answer like the portal: ${difference}`);
    console.log(`  ceiling: the lesson page's response (${lesson.body.length} bytes of gzip, ${lesson.headers.length} headers) from a bare node:http server …`);
    return await warmAndMeasure("ceiling (bare node:http)", bare.origin, lessonPath);
  } finally {
    await stopBare();
    await removeRecording();
  }
}

/** Why two responses differ in status, headers (in order; only the Date's value aside) or body bytes; null when they do not. */
function differenceOf(expected: RawResponse, actual: RawResponse): string | null {
  if (expected.status !== actual.status) return `status ${actual.status}, not ${expected.status}`;
  const show = (response: RawResponse) => response.headers.map(([name, value]) => `${name}: ${name.toLowerCase() === "date" ? "…" : value}`).join("\n");
  if (show(expected) !== show(actual)) return `headers differ:\n${show(actual)}\n--- instead of ---\n${show(expected)}`;
  if (!expected.body.equals(actual.body)) return `the body differs (${actual.body.length} bytes, not ${expected.body.length})`;
  return null;
}

interface BareServer {
  origin: string;
  stop(): Promise<void>;
}

async function startBareServer(recording: string): Promise<BareServer> {
  // Its standard input stays open while this process lives: the child exits when it closes.
  const child = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, "bench", "bare-server.ts"), recording], {
    cwd: projectRoot,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output = (output + chunk.toString("utf8")).slice(-10_000)));
  child.stderr!.on("data", (chunk: Buffer) => (output = (output + chunk.toString("utf8")).slice(-10_000)));
  child.on("error", (error) => (output += `\n[bench] could not run the bare server: ${error.message}\n`));
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    child.stdin!.end();
    child.kill("SIGTERM");
    if (!(await exitedWithin(child, 3_000))) {
      child.kill("SIGKILL");
      await exitedWithin(child, 3_000);
    }
  };
  const deadline = performance.now() + 20_000;
  while (performance.now() < deadline) {
    const port = /"event":"listening","port":(\d+)/.exec(output)?.[1];
    if (port) return { origin: `http://127.0.0.1:${port}`, stop };
    if (child.exitCode !== null || child.signalCode !== null) break;
    await sleep(50);
  }
  await stop();
  throw new Error(`the bare server did not start\n--- its output ---\n${output}`);
}


// ---- the mixed load -----------------------------------------------------------------------------

interface MixedResult extends Measured {
  short: boolean;
  paths: string[];
  memory: Memory;
}

async function measureMixed(server: RunningServer, serverPid: number | null, settings: { connections: number; seconds: number; short: boolean }): Promise<MixedResult> {
  const paths = mixedPaths();
  console.log(`\n2. Mixed load: ${settings.connections} connections for ${settings.seconds} s${settings.short ? " (--short)" : ""}, each sending these ${paths.length} requests in turn:`);
  console.log(`  ${paths.map((pathname) => decodeURIComponent(pathname)).join(" ")}`);
  console.log("  …");
  const rss = () => (serverPid === null ? null : residentBytes(serverPid));
  const memory: Memory = { startBytes: rss(), peakBytes: null, endBytes: null, afterIdleBytes: null };
  memory.peakBytes = memory.startBytes;
  // Once a second during the load: the peak.
  const sampler = setInterval(() => {
    const now = rss();
    if (now !== null && (memory.peakBytes === null || now > memory.peakBytes)) memory.peakBytes = now;
  }, 1_000);
  let result: Result;
  try {
    result = await load({
      url: server.origin,
      connections: settings.connections,
      duration: settings.seconds,
      headers: browserHeaders,
      requests: paths.map((pathname) => ({ method: "GET", path: pathname })),
    });
  } finally {
    clearInterval(sampler);
  }
  memory.endBytes = rss();
  if (memory.endBytes !== null && (memory.peakBytes === null || memory.endBytes > memory.peakBytes)) memory.peakBytes = memory.endBytes;
  if (!server.running()) throw new Error(`the server exited during the mixed load\n--- server output ---\n${server.log()}`);
  await sleep(5_000);
  memory.afterIdleBytes = rss();
  return { ...measured("mixed", `${paths.length} paths`, result, settings.connections), short: settings.short, paths, memory };
}

interface BurstResult {
  packs: number;
  /** Status → count of the packs' answers. */
  statuses: Record<string, number>;
  /** How long the last pack took to answer. */
  packsSeconds: number;
  page: Measured;
  memory: { startBytes: number | null; peakBytes: number | null };
}

/**
 * Twenty packs never typeset before (every lesson, plans and handouts, 40 copies; each with another
 * order, so each is new), all at once, while the cached lesson page is under load: the page must keep
 * its latency, the packs get a PDF or a 503, and the memory stays bounded by the worker pool.
 */
async function measureDuringPackBurst(server: RunningServer, serverPid: number | null, short: boolean): Promise<BurstResult> {
  const packs = short ? 8 : 20;
  const slugs = ["what-is-trafficking", "forms-of-exploitation", "how-traffickers-recruit", "safe-migration", "safe-online", "myths-and-facts", "rights-and-help", "awareness-campaign"];
  console.log(`\n3. ${packs} new packs at once (8 lessons, plans and handouts, 40 copies each) while the lesson page is under load at ${single.connections} connections`);
  const rss = () => (serverPid === null ? null : residentBytes(serverPid));
  const memory = { startBytes: rss(), peakBytes: rss() };
  const sampler = setInterval(() => {
    const now = rss();
    if (now !== null && (memory.peakBytes === null || now > memory.peakBytes)) memory.peakBytes = now;
  }, 250);
  const started = performance.now();
  let packsSeconds = 0;
  const statuses: Record<string, number> = {};
  const burst = Promise.all(
    Array.from({ length: packs }, async (_, index) => {
      const order = [...slugs.slice(index % slugs.length), ...slugs.slice(0, index % slugs.length)];
      const language = languages[index % languages.length]!;
      const response = await rawGet(server.origin, `/${language}/packs/pack.pdf?lessons=${order.join(",")}&parts=${index % 2 ? "plan,handout" : "handout,plan"}&copies=40`, 120_000);
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      packsSeconds = (performance.now() - started) / 1000;
    }),
  );
  let result: Result;
  try {
    result = await load({ url: server.origin + lessonPath, connections: single.connections, duration: short ? 5 : 10, headers: browserHeaders });
    await burst;
  } finally {
    clearInterval(sampler);
  }
  return { packs, statuses, packsSeconds: round(packsSeconds, 1), page: measured("lesson page during the burst", lessonPath, result, single.connections), memory };
}

function printBurst(burst: BurstResult): void {
  console.log("");
  console.log(
    table(
      ["lesson page during the burst", "req/s", "p50", "p99", "max", "errors"],
      [[burst.page.path, burst.page.requestsPerSecond.toFixed(0), `${burst.page.p50Ms} ms`, `${burst.page.p99Ms} ms`, `${burst.page.maxMs} ms`, String(burst.page.errors)]],
      [false, true, true, true, true, true],
    ),
  );
  console.log(`packs: ${Object.entries(burst.statuses).map(([status, count]) => `${count} × ${status}`).join(", ")}, the last after ${burst.packsSeconds} s; server RSS ${mib(burst.memory.startBytes)} → peak ${mib(burst.memory.peakBytes)}`);
}

function burstVerdicts(burst: BurstResult): Verdict[] {
  const answered = Object.entries(burst.statuses).every(([status]) => status === "200" || status === "503");
  return [
    { target: `lesson page p99 < ${targets.burstP99Ms} ms while new packs typeset`, measured: `${burst.page.p99Ms} ms`, pass: burst.page.p99Ms < targets.burstP99Ms },
    { target: "every pack of the burst: a PDF (200) or 503 with Retry-After, never an error", measured: JSON.stringify(burst.statuses), pass: answered },
    {
      target: `server RSS peak during the burst < ${mib(targets.burstPeakBytes)}`,
      measured: mib(burst.memory.peakBytes),
      pass: burst.memory.peakBytes !== null && burst.memory.peakBytes < targets.burstPeakBytes,
    },
  ];
}

/** Lines of the server's log (its recent tail) that tell of an error or a warning. */
function serverTroubles(log: string): string[] {
  const lines = log.split("\n").filter((line) => /error|warn|exception|leak/i.test(line));
  if (lines.length === 0) return [];
  return [`the server logged ${lines.length} line(s) of trouble; the last: ${lines.slice(-3).map((line) => line.slice(0, 300)).join(" | ")}`];
}

// ---- verdicts and printing ----------------------------------------------------------------------

function verdictsOf(lesson: Measured, search: Measured, pdf: Measured, ratio: number, mixed: MixedResult): Verdict[] {
  const verdicts: Verdict[] = [
    { target: `lesson page ≥ ${targets.ceilingRatio} × ceiling (req/s)`, measured: `${round(ratio, 2)} ×`, pass: ratio >= targets.ceilingRatio },
    // The issue sets the p99 target for the lesson page; the search and the PDF are shown beside it.
    { target: `lesson page p99 < ${targets.p99Ms} ms at ${lesson.connections} connections`, measured: `${lesson.p99Ms} ms`, pass: lesson.p99Ms < targets.p99Ms },
    { target: "mixed load: 0 errors", measured: `${mixed.errors}`, pass: mixed.errors === 0 },
  ];
  const { startBytes, endBytes } = mixed.memory;
  if (startBytes !== null && endBytes !== null) {
    const limit = startBytes * targets.rssGrowthFactor + targets.rssAllowanceBytes;
    verdicts.push({
      target: `mixed load: RSS flat (end ≤ start × ${targets.rssGrowthFactor} + ${targets.rssAllowanceBytes / mebibyte} MiB = ${mib(limit)})`,
      measured: `${mib(startBytes)} → ${mib(endBytes)}`,
      pass: endBytes <= limit,
    });
  } else {
    verdicts.push({ target: "mixed load: RSS flat", measured: "not measured (no /proc)", pass: false });
  }
  return verdicts;
}

function printSingle(rows: Measured[], ratio: number): void {
  console.log(`\n(req/s: mean of the per-second samples; latency: of every response; bytes/s: as sent, gzip where the server gzipped)\n`);
  console.log(
    table(
      ["run", "path", "req/s", "p50", "p99", "max", "errors", "non-2xx", "bytes/s"],
      rows.map((row) => [row.label, row.path, row.requestsPerSecond.toFixed(0), `${row.p50Ms} ms`, `${row.p99Ms} ms`, `${row.maxMs} ms`, String(row.errors), String(row.non2xx), rate(row.bytesPerSecond)]),
      [false, false, true, true, true, true, true, true, true],
    ),
  );
  console.log(`\nlesson page / ceiling: ${round(ratio, 2)} × (${rows[1]!.requestsPerSecond.toFixed(0)} of ${rows[0]!.requestsPerSecond.toFixed(0)} req/s)`);
}

function printMixed(mixed: MixedResult): void {
  const { memory } = mixed;
  console.log("");
  const codes = Object.entries(mixed.statusCodes)
    .map(([code, count]) => `${code}: ${count}`)
    .join(", ");
  console.log(
    table(
      ["measure", "value"],
      [
        ["requests", String(mixed.requests)],
        ["req/s", mixed.requestsPerSecond.toFixed(0)],
        ["errors (timeouts)", `${mixed.errors} (${mixed.timeouts})`],
        ["non-2xx", String(mixed.non2xx)],
        ["status codes", codes || "none"],
        ["p50 / p99 / max", `${mixed.p50Ms} / ${mixed.p99Ms} / ${mixed.maxMs} ms`],
        ["bytes/s", rate(mixed.bytesPerSecond)],
        ["server RSS at the start", mib(memory.startBytes)],
        ["server RSS peak (1 s samples)", mib(memory.peakBytes)],
        ["server RSS at the end", mib(memory.endBytes)],
        ["server RSS 5 s after", mib(memory.afterIdleBytes)],
      ],
      [false, true],
    ),
  );
}

function table(header: string[], rows: string[][], alignRight: boolean[]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) => row.map((cell, column) => (alignRight[column] ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join("  ").trimEnd();
  return [line(header), widths.map((width) => "-".repeat(width)).join("  "), ...rows.map(line)].join("\n");
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function mib(bytes: number | null): string {
  return bytes === null ? "n/a" : `${(bytes / mebibyte).toFixed(1)} MiB`;
}

function rate(bytesPerSecond: number): string {
  return bytesPerSecond >= 1e6 ? `${(bytesPerSecond / 1e6).toFixed(1)} MB/s` : `${(bytesPerSecond / 1e3).toFixed(0)} kB/s`;
}
