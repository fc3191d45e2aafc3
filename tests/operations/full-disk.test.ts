// A full disk, for real: the portal's data (the SQLite database and the PDF cache, the default layout) on a
// small tmpfs that something else has nearly filled. Before, distinct packs went on filling it, the
// database then had no room for a session, and sign-in failed while /healthz said ok. Now the cache never
// writes into the reserve the database keeps, PDFs are still served, sign-in works and /healthz asks for
// attention. Mounting needs root (CI runs as root); elsewhere the test says why it is skipped.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statfsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reserveBytes } from "~/operations/disk-space.server";
import { signInNewReviewer, startServer, type ServerProcess } from "../support/server-process";

const mebibyte = 1024 * 1024;
const mountPoint = mkdtempSync(path.join(tmpdir(), "portal-full-disk-"));
const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "size=32m", "tmpfs", mountPoint]).status === 0;
if (!mounted) console.warn(`full-disk test skipped: cannot mount a tmpfs on ${mountPoint} (needs root)`);

function freeBytes(): { free: number; total: number } {
  const stats = statfsSync(mountPoint);
  return { free: stats.bavail * stats.bsize, total: stats.blocks * stats.bsize };
}

let server: ServerProcess;
beforeAll(async () => {
  if (!mounted) return;
  server = await startServer({
    DATABASE_URL: path.join(mountPoint, "portal.db"),
    PDF_CACHE_DIR: path.join(mountPoint, "pdf-cache"),
  });
}, 60_000);

afterAll(async () => {
  await server?.dispose();
  if (mounted) spawnSync("umount", [mountPoint]);
  rmSync(mountPoint, { recursive: true, force: true });
});

const slugs = ["what-is-trafficking", "forms-of-exploitation", "how-traffickers-recruit", "safe-migration", "safe-online", "myths-and-facts", "rights-and-help", "awareness-campaign"];

describe.skipIf(!mounted)("the data's disk nearly full (a real tmpfs)", () => {
  it("keeps the reserve free of PDFs, still serves them, signs a reviewer in and asks for attention", async () => {
    const { free, total } = freeBytes();
    const reserve = reserveBytes(total);
    // Something else (logs, backups) has taken all but 2 MiB above the reserve.
    writeFileSync(path.join(mountPoint, "ballast"), Buffer.alloc(free - reserve - 2 * mebibyte));

    // Distinct packs, one lesson more each time (copies share their pages, so it is lessons that make a
    // pack large: from about 140 KB to about 900 KB), until one is not stored.
    for (const index of slugs.keys()) {
      const response = await fetch(`${server.url}/ka/packs/pack.pdf?lessons=${slugs.slice(0, index + 1).join(",")}&parts=plan,handout&copies=${30 + index}`);
      expect(response.status).toBe(200);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
    }
    await server.waitForEvent((event) => event.event === "pdf-cache-disk-reserve", 10_000);
    const cache = readdirSync(path.join(mountPoint, "pdf-cache"));
    expect(cache.filter((name) => name.endsWith(".pdf")).length).toBeGreaterThan(0);
    expect(cache.filter((name) => name.endsWith(".tmp"))).toEqual([]);
    expect(freeBytes().free).toBeGreaterThanOrEqual(reserve - mebibyte); // the database's own writes aside

    // Something else goes on filling the disk, into the reserve: half of it is left.
    writeFileSync(path.join(mountPoint, "more-ballast"), Buffer.alloc(Math.max(0, freeBytes().free - Math.floor(reserve / 2))));
    expect(freeBytes().free).toBeLessThan(reserve);

    // A pack that is not stored is still served, whole.
    const storedBefore = readdirSync(path.join(mountPoint, "pdf-cache")).filter((name) => name.endsWith(".pdf")).length;
    const unstored = await fetch(`${server.url}/hy/packs/pack.pdf?lessons=safe-online&parts=handout&copies=3`);
    expect(unstored.status).toBe(200);
    expect(Buffer.from(await unstored.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
    expect(readdirSync(path.join(mountPoint, "pdf-cache")).filter((name) => name.endsWith(".pdf")).length).toBe(storedBefore);

    const signIn = await signInNewReviewer(server, path.join(mountPoint, "portal.db"), "disk@review.test");
    expect(signIn.status).toBe(303);
    const cookie = signIn.headers.get("set-cookie")!.split(";")[0]!;
    const staffPage = await fetch(`${server.url}/ka/review`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(staffPage.status).toBe(200);

    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "attention", disk: { nearlyFull: true } });
  }, 120_000);
});
