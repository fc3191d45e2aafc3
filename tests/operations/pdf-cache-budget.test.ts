// Anyone can ask for distinct packs. Before, each one stayed on the disk for ever, and a full disk then
// broke sign-in (SQLite beside the cache) while /healthz said ok. Now the cache keeps to its budget,
// least recently used out, and signing in goes on working.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInNewReviewer, startServer, type ServerProcess } from "../support/server-process";

const budget = 400_000;
let server: ServerProcess;
beforeAll(async () => {
  server = await startServer({ PDF_CACHE_MAX_BYTES: String(budget) });
}, 60_000);
afterAll(() => server?.dispose());

const slugs = ["what-is-trafficking", "forms-of-exploitation", "how-traffickers-recruit", "safe-migration", "safe-online", "myths-and-facts"];

describe("the PDF disk cache under a flood of distinct packs", () => {
  it("stays within PDF_CACHE_MAX_BYTES, and sign-in keeps working", async () => {
    for (let index = 0; index < slugs.length; index += 1) {
      const response = await fetch(`${server.url}/ka/packs/pack.pdf?lessons=${slugs.slice(0, index + 1).join(",")}&parts=plan,handout&copies=2`);
      expect(response.status).toBe(200);
      await response.arrayBuffer();
    }
    const cacheDirectory = path.join(server.directory, "pdf-cache");
    const pdfBytes = readdirSync(cacheDirectory)
      .filter((name) => name.endsWith(".pdf"))
      .reduce((sum, name) => sum + statSync(path.join(cacheDirectory, name)).size, 0);
    expect(pdfBytes).toBeGreaterThan(0);
    expect(pdfBytes).toBeLessThanOrEqual(budget);

    const signIn = await signInNewReviewer(server, path.join(server.directory, "portal.db"), "flood@review.test");
    expect(signIn.status).toBe(303);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  }, 120_000);
});
