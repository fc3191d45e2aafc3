// What /healthz reports to a load balancer or a monitor: does the database answer, and is the published
// catalogue in memory? Asking also retries whatever failed (getDatabase and getCatalogue remember no
// failure), so a server that started while its database was down recovers even before a visitor comes.
import { sql } from "kysely";
import { config } from "~/config.server";
import { getCatalogue } from "~/publication/catalogue.server";
import { getDatabase } from "~/db/database.server";
import { diskSpace } from "./disk-space.server";

interface HealthReport {
  /** degraded (503): take this instance out of service; attention (200): it serves, someone must look. */
  status: "ok" | "attention" | "degraded";
  database: { reachable: boolean; latencyMs: number | null };
  /** outdated: public translations that follow an older source (still served; not an error). */
  content: { loaded: boolean; lessons: number; problems: number; outdated: number };
  /** The disk the data lives on (the SQLite file, the PDF cache): nearly full when under the reserve the database keeps. */
  disk: { freeBytes: number | null; freeShare: number | null; nearlyFull: boolean };
}

async function probeDisk(): Promise<HealthReport["disk"]> {
  const space = await diskSpace(config().pdfCacheDirectory);
  if (!space) return { freeBytes: null, freeShare: null, nearlyFull: false };
  const freeShare = space.totalBytes > 0 ? Math.round((space.freeBytes / space.totalBytes) * 1000) / 1000 : null;
  return { freeBytes: space.freeBytes, freeShare, nearlyFull: space.nearlyFull };
}

// A probe that waits longer than a load balancer's own timeout (typically 5 s) tells it nothing.
const probeTimeoutMilliseconds = 2_000;

function withinProbeTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${probeTimeoutMilliseconds} ms`)), probeTimeoutMilliseconds);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function probeDatabase(): Promise<HealthReport["database"]> {
  try {
    const latencyMs = await withinProbeTimeout(
      (async () => {
        const db = await getDatabase();
        // Only the query is timed: opening and migrating happen once, not on every probe.
        const started = performance.now();
        await sql`select 1`.execute(db);
        return Math.round((performance.now() - started) * 10) / 10;
      })(),
    );
    return { reachable: true, latencyMs };
  } catch {
    return { reachable: false, latencyMs: null };
  }
}

async function probeContent(): Promise<HealthReport["content"]> {
  try {
    const catalogue = await withinProbeTimeout(getCatalogue());
    return { loaded: true, lessons: catalogue.lessons.length, problems: catalogue.problemCount, outdated: catalogue.outdated.length };
  } catch {
    return { loaded: false, lessons: 0, problems: 0, outdated: 0 };
  }
}

export async function healthReport(): Promise<HealthReport> {
  const [database, content, disk] = await Promise.all([probeDatabase(), probeContent(), probeDisk()]);
  // Without its database or its catalogue an instance cannot serve: degraded. A nearly full disk still
  // serves (the PDF cache stops writing and leaves the reserve to the database), and lesson files with
  // problems leave what is published online, but an operator must hear of both: attention.
  const serving = database.reachable && content.loaded;
  const attention = disk.nearlyFull || content.problems > 0;
  return { status: !serving ? "degraded" : attention ? "attention" : "ok", database, content, disk };
}

