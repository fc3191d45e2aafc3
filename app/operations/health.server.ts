// What /healthz reports to a load balancer or a monitor: does the database answer, and is the published
// catalogue in memory? Asking also retries whatever failed (getDatabase and getCatalogue remember no
// failure), so a server that started while its database was down recovers even before a visitor comes.
import { sql } from "kysely";
import { getCatalogue } from "~/publication/catalogue.server";
import { getDatabase } from "~/db/database.server";
// Not used here: imported so that every server build carries it (see the file).

interface HealthReport {
  status: "ok" | "degraded";
  database: { reachable: boolean; latencyMs: number | null };
  content: { loaded: boolean; lessons: number; problems: number };
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
    return { loaded: true, lessons: catalogue.lessons.length, problems: catalogue.problemCount };
  } catch {
    return { loaded: false, lessons: 0, problems: 0 };
  }
}

export async function healthReport(): Promise<HealthReport> {
  const [database, content] = await Promise.all([probeDatabase(), probeContent()]);
  return { status: database.reachable && content.loaded ? "ok" : "degraded", database, content };
}

