import { healthReport } from "~/operations/health.server";

// For load balancers and monitors: 200 when the database answers and the catalogue is loaded, 503
// otherwise, with what failed in the JSON. Never cached: a cached "ok" would hide an outage.
export async function loader() {
  const report = await healthReport();
  return Response.json(report, { status: report.status === "degraded" ? 503 : 200, headers: { "Cache-Control": "no-store" } });
}
