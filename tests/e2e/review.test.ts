// A Ministry reviewer's morning: sign in, read what changed, approve, and see it public.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createUser } from "~/auth/users.server";
import { createDatabase, type DatabaseHandle } from "~/db/database.server";
import { submitEditorRevision } from "~/review/editor.server";
import { publishedText } from "../support/published";
import { launchBrowser, outputDirectory, watchForErrors } from "./browser";

const baseUrl = inject("baseUrl");
const slug = "rights-and-help";
const password = "a reviewer's long password";
let database: DatabaseHandle;
let revisionId: number;
const marker = "Friendlyhelplinemarker";

beforeAll(async () => {
  database = createDatabase(inject("serverDatabaseUrl"));
  await createUser(database.db, { email: "browser-reviewer@review.test", name: "Nino Reviewer", role: "reviewer", languages: "en", password }, { id: null, email: "test" });
  const editor = await createUser(database.db, { email: "browser-editor@review.test", name: "Editor", role: "editor", languages: "en", password }, { id: null, email: "test" });
  const content = (await publishedText(database.db, slug, "en")).replace(/^summary: (.*)$/m, `summary: ${marker} — $1`);
  revisionId = await submitEditorRevision(database.db, { slug, language: "en", content, author: { ...editor }, ip: "127.0.0.1" });
});

afterAll(async () => {
  await database?.close();
});

describe("a reviewer in the browser", () => {
  it("signs in, reads the diff, approves, and the change appears on the public page", async () => {
    const browser = await launchBrowser({ width: 1280 });
    const errors = watchForErrors(browser.context);
    try {
      const page = await browser.context.newPage();
      await page.goto(`${baseUrl}/en/lessons/${slug}`);
      expect(await page.locator("main").innerText()).not.toContain(marker);

      await page.goto(`${baseUrl}/en/review`);
      expect(new URL(page.url()).pathname).toBe("/en/login");
      await page.getByLabel("Email").fill("browser-reviewer@review.test");
      await page.getByLabel("Password").fill(password);
      await Promise.all([page.waitForURL(`${baseUrl}/en/review`), page.getByRole("button", { name: "Sign in" }).click()]);

      await page.getByRole("link", { name: `#${revisionId}` }).click();
      await page.waitForURL(`${baseUrl}/en/review/${revisionId}`);
      const inserted = await page.locator(".word-diff ins").allInnerTexts();
      expect(inserted.join(" ")).toContain(marker);
      await page.screenshot({ path: path.join(outputDirectory, "screenshots", "review-revision.png"), fullPage: false });

      await Promise.all([page.waitForURL(/decided=approved/), page.getByRole("button", { name: "Approve and publish" }).click()]);
      expect(await page.locator(".notice").first().innerText()).toContain("Approved");

      await page.goto(`${baseUrl}/en/lessons/${slug}`);
      expect(await page.locator("main").innerText()).toContain(marker);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
