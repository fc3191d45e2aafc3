// Every environment variable the portal reads, in one zod schema, parsed once. A wrong value stops the
// server at start with a message that names the variable, instead of surfacing later as odd behaviour
// (PDF_MEMORY_CACHE_BYTES=abc used to empty the PDF cache silently). The README's configuration table
// lists exactly these variables; a test holds the two together.
import { availableParallelism } from "node:os";
import path from "node:path";
import { z } from "zod";

const byteCount = (fallback: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === undefined || value === "" ? String(fallback) : value))
    .pipe(z.string().regex(/^\d+$/, "must be a whole number of bytes").transform(Number));

const onOff = (fallback: "on" | "off") =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === undefined || value === "" ? fallback : value))
    .pipe(z.enum(["on", "off"], { errorMap: () => ({ message: 'must be "on" or "off"' }) }));

/** Empty counts as unset: deployment templates often write `NAME=`. */
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === "" ? undefined : value));

export const environmentSchema = z.object({
  NODE_ENV: z.enum(["production", "development", "test"]).default("development"),
  /** Set by `npm start` (build/server.js --local): production build, local http, a generated secret. */
  PORTAL_LOCAL: z.enum(["1"]).optional(),
  PORT: z.string().trim().default("3000").pipe(z.string().regex(/^\d{1,5}$/, "must be a port number").transform(Number)),
  HOST: z.string().trim().min(1).default("0.0.0.0"),
  PUBLIC_ORIGIN: optionalText.pipe(
    z
      .string()
      .url("must be an origin such as https://lessons.example.ge")
      .refine((value) => /^https?:\/\/[^/]+\/?$/.test(value), "must be an origin (scheme and host, no path), such as https://lessons.example.ge")
      .transform((value) => value.replace(/\/+$/, ""))
      .optional(),
  ),
  TRUST_PROXY: z.string().trim().default("0").pipe(z.string().regex(/^[0-9]$/, "must be the number of proxies in front of the portal (0 to 9)").transform(Number)),
  SESSION_SECRET: optionalText.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  SESSION_SECRET_FILE: optionalText,
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(120),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 14).default(12),
  DATABASE_URL: optionalText,
  LESSONS_DIR: optionalText,
  PDF_CACHE_DIR: optionalText,
  PDF_MEMORY_CACHE_BYTES: byteCount(64 * 1024 * 1024),
  PAGE_CACHE_BYTES: byteCount(32 * 1024 * 1024),
  PDF_CACHE_MAX_BYTES: byteCount(1024 * 1024 * 1024),
  PDF_RECORDS_MAX: z.string().trim().default("200000").pipe(z.string().regex(/^\d{3,9}$/, "must be a whole number of records (100 or more)").transform(Number)),
  PDF_CREATOR: z.string().trim().min(1).default("Lessons against human trafficking — school portal"),
  // One core stays for the pages: typesetting never takes them all.
  PDF_WORKERS: z.string().trim().default(String(Math.max(1, availableParallelism() - 1))).pipe(z.string().regex(/^([1-9]|1[0-6])$/, "must be a number of threads from 1 to 16").transform(Number)),
  PDF_QUEUE: z.string().trim().default("16").pipe(z.string().regex(/^\d{1,4}$/, "must be a whole number").transform(Number)),
  PDF_WORKER_MEMORY_MB: z.string().trim().default("768").pipe(z.string().regex(/^\d{2,5}$/, "must be a number of megabytes").transform(Number)),
  WARM_UP: onOff("on"),
  HSTS: onOff("on"),
});

export interface Config {
  /** A deployment (production, not `npm start` on a laptop): secure cookies, HSTS, a required secret. */
  deployment: boolean;
  development: boolean;
  port: number;
  host: string;
  /** The public origin for canonical and verify URLs, without a trailing slash; null when unset. */
  publicOrigin: string | null;
  /** How many proxies in front of the portal append to X-Forwarded-For: the client is that many hops from the right. */
  trustProxyHops: number;
  sessionSecret: string | undefined;
  sessionSecretFile: string;
  sessionIdleMinutes: number;
  /** However active, a session ends this long after sign-in. */
  sessionMaxHours: number;
  /** Unset: the default SQLite file (app/db decides its path). */
  databaseUrl: string | undefined;
  lessonsDirectory: string;
  pdfCacheDirectory: string;
  pdfMemoryCacheBytes: number;
  pageCacheBytes: number;
  /** The disk cache of PDFs is trimmed to this many bytes, least recently used first. */
  pdfCacheMaxBytes: number;
  /** The record of issued PDFs (/verify) keeps at most this many, the oldest out first. */
  pdfRecordsMax: number;
  pdfCreator: string;
  /** Worker threads that typeset PDFs, the requests that may wait for one, each worker's heap. */
  pdfWorkers: number;
  pdfQueue: number;
  pdfWorkerMemoryMegabytes: number;
  warmUp: boolean;
  hsts: boolean;
}

export class ConfigurationError extends Error {}

/** Parses an environment into the configuration; throws one ConfigurationError naming every wrong variable. */
export function parseConfig(environment: Record<string, string | undefined>, workingDirectory = process.cwd()): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigurationError(`Invalid configuration:\n  ${lines.join("\n  ")}`);
  }
  const values = parsed.data;
  const deployment = values.NODE_ENV === "production" && values.PORTAL_LOCAL !== "1";
  const missing: string[] = [];
  if (deployment && !values.SESSION_SECRET) {
    missing.push("SESSION_SECRET: required in a deployment: set it to a random string of 32 characters or more (e.g. `openssl rand -base64 48`)");
  }
  // A deployment never takes its own address from a request's Host header: canonical links, hreflang,
  // the sitemap and stored public pages would follow whatever a client sends.
  if (deployment && !values.PUBLIC_ORIGIN) {
    missing.push("PUBLIC_ORIGIN: required in a deployment: the site's public origin, such as https://lessons.example.ge");
  }
  if (missing.length > 0) throw new ConfigurationError(`Invalid configuration:\n  ${missing.join("\n  ")}`);
  const resolve = (value: string | undefined, fallback: string) => path.resolve(workingDirectory, value ?? fallback);
  return {
    deployment,
    development: values.NODE_ENV === "development",
    port: values.PORT,
    host: values.HOST,
    publicOrigin: values.PUBLIC_ORIGIN ?? null,
    trustProxyHops: values.TRUST_PROXY,
    sessionSecret: values.SESSION_SECRET,
    sessionSecretFile: resolve(values.SESSION_SECRET_FILE, path.join("data", "session-secret")),
    sessionIdleMinutes: values.SESSION_IDLE_MINUTES,
    sessionMaxHours: values.SESSION_MAX_HOURS,
    databaseUrl: values.DATABASE_URL,
    lessonsDirectory: resolve(values.LESSONS_DIR, "lessons"),
    pdfCacheDirectory: resolve(values.PDF_CACHE_DIR, path.join("data", "pdf-cache")),
    pdfMemoryCacheBytes: values.PDF_MEMORY_CACHE_BYTES,
    pageCacheBytes: values.PAGE_CACHE_BYTES,
    pdfCacheMaxBytes: values.PDF_CACHE_MAX_BYTES,
    pdfRecordsMax: values.PDF_RECORDS_MAX,
    pdfCreator: values.PDF_CREATOR,
    pdfWorkers: values.PDF_WORKERS,
    pdfQueue: values.PDF_QUEUE,
    pdfWorkerMemoryMegabytes: values.PDF_WORKER_MEMORY_MB,
    warmUp: values.WARM_UP === "on",
    hsts: values.HSTS === "on",
  };
}

let current: Config | null = null;

/** The process's configuration, parsed from process.env the first time it is asked for. */
export function config(): Config {
  current ??= parseConfig(process.env);
  return current;
}
