// Approving a Georgian change of structure once took the Armenian, Azerbaijani and English versions of
// that lesson offline (404, pages and PDFs) while /healthz said ok. Now they stay public, /healthz
// counts them as outdated, and the editor of a translation sees what to bring in line.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "~/auth/users.server";
import { createDatabase } from "~/db/database.server";
import { decideRevision } from "~/review/decisions.server";
import { submitEditorRevision } from "~/review/editor.server";
import { publishedText } from "../support/published";
import { startServer, type ServerProcess } from "../support/server-process";

const slug = "how-traffickers-recruit";
const password = "an editor's long password";
let server: ServerProcess;
beforeAll(async () => {
  server = await startServer();
}, 60_000);
afterAll(() => server?.dispose());

describe("a Georgian change of structure, approved", () => {
  it("leaves the translations public, counted as outdated, and tells their editor", async () => {
    // The first page loads the catalogue: the curriculum is imported and approved.
    expect((await fetch(`${server.url}/en/lessons/${slug}`)).status).toBe(200);
    const database = createDatabase(path.join(server.directory, "portal.db"));
    try {
      const { db } = database;
      const account = (email: string, role: "reviewer" | "editor", languages: string) => createUser(db, { email, name: email, role, languages, password }, { id: null, email: "test" });
      const georgianReviewer = await account("ka-reviewer@outdated.test", "reviewer", "ka");
      const editor = await account("editor@outdated.test", "editor", "ka,en");
      // Five minutes move from the third activity to the second: the lesson still lasts 45 minutes.
      const georgian = await publishedText(db, slug, "ka");
      const changed = georgian
        .replace("## გადამბირებლის ხრიკები {10 min}", "## გადამბირებლის ხრიკები {15 min}")
        .replace("## საგანგაშო ნიშნები: შეთავაზებების დახარისხება {15 min}", "## საგანგაშო ნიშნები: შეთავაზებების დახარისხება {10 min}");
      expect(changed).not.toBe(georgian);
      const revision = await submitEditorRevision(db, { slug, language: "ka", content: changed, author: editor, ip: "127.0.0.1" });
      await decideRevision(db, revision, georgianReviewer, { kind: "approve" }, "127.0.0.1");
    } finally {
      await database.close();
    }
    // The server sees the approval (it checks what is published every half second).
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    for (const language of ["ka", "hy", "az", "en"]) {
      expect((await fetch(`${server.url}/${language}/lessons/${slug}`)).status, language).toBe(200);
      expect((await fetch(`${server.url}/${language}/lessons/${slug}/handout.pdf`)).status, language).toBe(200);
    }
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", content: { problems: 0, outdated: 3 } });

    const signIn = await fetch(`${server.url}/en/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url },
      body: new URLSearchParams({ email: "editor@outdated.test", password }),
    });
    expect(signIn.status).toBe(303);
    const cookie = signIn.headers.get("set-cookie")!.split(";")[0]!;
    const editorPage = await (await fetch(`${server.url}/en/edit/${slug}/en`, { headers: { Cookie: cookie } })).text();
    expect(editorPage).toContain("data-outdated");
    expect(editorPage).toMatch(/activity 2 lasts 10 min, but in the source \(ka\.md\) it lasts 15 min/);
  }, 90_000);
});
