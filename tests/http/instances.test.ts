// Two stateless instances on one database behave as one site: a session from one works on the other,
// and an approval on one is public on the other within 2 seconds.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createUser } from "~/auth/users.server";
import { submitEditorRevision } from "~/review/editor.server";
import { openTestDatabase, testedDialects } from "../db/databases";
import { startServer } from "../support/server-process";
import { publishedText } from "../support/published";

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function startInstance(databaseUrl: string, sessionSecret: string): Promise<string> {
  const instance = await startServer({ DATABASE_URL: databaseUrl, SESSION_SECRET: sessionSecret });
  cleanups.push(() => instance.dispose());
  return instance.url;
}

describe.each(testedDialects())("two instances on one %s database", (dialect) => {
  it("share sessions, and an approval on one is public on the other within seconds (no restart)", async () => {
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
    const published = await publishedText(database.db, "safe-migration", "en");
    const id = await submitEditorRevision(database.db, {
      slug: "safe-migration",
      language: "en",
      content: published.replace(/^summary: (.*)$/m, `summary: ${marker} — $1`),
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
    // Each instance checks what is published every half second and then rebuilds its catalogue; the bound
    // leaves room for a loaded machine (the typical figure is under a second).
    while (Date.now() - approvedAt < 10_000) {
      if ((await (await fetch(`${second}/en/lessons/safe-migration`)).text()).includes(marker)) {
        seenAfter = Date.now() - approvedAt;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(seenAfter).toBeLessThan(10_000);
  }, 60_000);
});
