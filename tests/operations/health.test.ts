import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { root } from "../support/server-process";

const baseUrl = inject("baseUrl");

describe("/healthz", () => {
  it("answers 200 with status ok, the database's latency and the loaded catalogue, and is never cached", async () => {
    const response = await fetch(`${baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const lessonFolders = readdirSync(path.join(root, "lessons")).filter((name) => statSync(path.join(root, "lessons", name)).isDirectory());
    const report = await response.json();
    expect(report).toEqual({
      status: "ok",
      database: { reachable: true, latencyMs: expect.any(Number) },
      content: { loaded: true, lessons: lessonFolders.length, problems: 0, outdated: 0 },
      disk: { freeBytes: expect.any(Number), freeShare: expect.any(Number), nearlyFull: false },
    });
    expect(report.database.latencyMs).toBeGreaterThanOrEqual(0);
    expect(report.database.latencyMs).toBeLessThan(2_000);
  });
});
