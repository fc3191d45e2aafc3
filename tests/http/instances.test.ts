// Two stateless instances on one database behave as one site: a session from one works on the other,
// and an approval on one is public on the other within 2 seconds.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createUser } from "~/auth/users.server";
import { submitEditorRevision } from "~/review/revisions.server";
import { openTestDatabase, testedDialects } from "../db/databases";

const root = path.resolve(import.meta.dirname, "../..");
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function startInstance(databaseUrl: string, sessionSecret: string): Promise<string> {
  const port = await freePort();
  const directory = mkdtempSync(path.join(tmpdir(), "portal-instance-"));
  const child: ChildProcess = spawn(process.execPath, ["server.mjs"], {
    cwd: root,
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("VITEST"))),
      PORT: String(port),
      HOST: "127.0.0.1",
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      SESSION_SECRET: sessionSecret,
      PDF_CACHE_DIR: path.join(directory, "pdf-cache"),
      WARM_UP: "off",
    },
    stdio: "ignore",
  });
  cleanups.push(async () => {
    child.kill("SIGTERM");
    await new Promise((resolve) => (child.exitCode === null ? child.once("exit", resolve) : resolve(null)));
    rmSync(directory, { recursive: true, force: true });
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 150; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`instance exited with ${child.exitCode}`);
    if ((await fetch(`${url}/robots.txt`).catch(() => null))?.ok) return url;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("instance did not start");
}

describe.each(testedDialects())("two instances on one %s database", (dialect) => {
  it("share sessions, and an approval on one is public on the other within 2 s", async () => {
    const database = await openTestDatabase(dialect);
    cleanups.push(() => database.dispose());
    const secret = randomBytes(32).toString("hex");
    // The first instance imports the curriculum; the second finds it there.
    const first = await startInstance(database.url, secret);
    const second = await startInstance(database.url, secret);

    const password = "two instances, one site";
    await createUser(database.db, { email: "reviewer@instances.test", name: "R", role: "reviewer", languages: "en", password }, { id: null, email: "test" });
    const editor = await createUser(database.db, { email: "editor@instances.test", name: "E", role: "editor", languages: "en", password }, { id: null, email: "test" });
    const signIn = await fetch(`${first}/en/login`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: first, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: "reviewer@instances.test", password }),
    });
    expect(signIn.status).toBe(303);
    const cookie = signIn.headers.get("set-cookie")!.split(";")[0]!;
    expect((await fetch(`${second}/en/review`, { headers: { Cookie: cookie }, redirect: "manual" })).status).toBe(200);

    const marker = "Secondinstancemarker";
    const published = await database.db
      .selectFrom("published")
      .innerJoin("revisions", "revisions.id", "published.revision_id")
      .select("revisions.content")
      .where("published.lesson_slug", "=", "safe-migration")
      .where("published.language", "=", "en")
      .executeTakeFirstOrThrow();
    const id = await submitEditorRevision(database.db, {
      slug: "safe-migration",
      language: "en",
      content: published.content.replace(/^summary: (.*)$/m, `summary: ${marker} — $1`),
      author: editor,
      ip: "127.0.0.1",
    });
    // The second instance has the old text in memory.
    expect(await (await fetch(`${second}/en/lessons/safe-migration`)).text()).not.toContain(marker);

    const approve = await fetch(`${first}/en/review/${id}`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: first, Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "approve" }),
    });
    expect(approve.status).toBe(303);
    const approvedAt = Date.now();
    let seenAfter = Number.POSITIVE_INFINITY;
    while (Date.now() - approvedAt < 2_000) {
      if ((await (await fetch(`${second}/en/lessons/safe-migration`)).text()).includes(marker)) {
        seenAfter = Date.now() - approvedAt;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(seenAfter).toBeLessThan(2_000);
  }, 60_000);
});
