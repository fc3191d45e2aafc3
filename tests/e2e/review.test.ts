// A Ministry reviewer's morning: sign in, read what changed, approve, and see it public; and the diff of
// a Georgian edit as a reviewer reads it on a phone (inline) and on a wide screen (side by side).
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createUser } from "~/auth/users.server";
import { createDatabase, type DatabaseHandle } from "~/db/database.server";
import { submitEditorRevision } from "~/review/editor.server";
import { publishedText } from "../support/published";
import { launchBrowser, outputDirectory, watchForErrors } from "./browser";

const baseUrl = inject("baseUrl");
const slug = "rights-and-help";
const georgianSlug = "safe-online";
const password = "a reviewer's long password";
let database: DatabaseHandle;
let revisionId: number;
let georgianRevisionId: number;
const marker = "Friendlyhelplinemarker";

beforeAll(async () => {
  database = createDatabase(inject("serverDatabaseUrl"));
  await createUser(database.db, { email: "browser-reviewer@review.test", name: "Nino Reviewer", role: "reviewer", languages: "en", password }, { id: null, email: "test" });
  await createUser(database.db, { email: "browser-ka-reviewer@review.test", name: "Tamar", role: "reviewer", languages: "ka", password }, { id: null, email: "test" });
  const editor = await createUser(database.db, { email: "browser-editor@review.test", name: "Editor", role: "editor", languages: "en,ka", password }, { id: null, email: "test" });
  const content = (await publishedText(database.db, slug, "en")).replace(/^summary: (.*)$/m, `summary: ${marker} — $1`);
  revisionId = await submitEditorRevision(database.db, { slug, language: "en", content, author: { ...editor }, ip: "127.0.0.1" });
  // A Georgian verb changed ("we post" → "we publish"), the edit the old diff cut into letters.
  const georgian = (await publishedText(database.db, georgianSlug, "ka")).replace("ფოტოებს ვდებთ", "ფოტოებს ვაქვეყნებთ");
  georgianRevisionId = await submitEditorRevision(database.db, { slug: georgianSlug, language: "ka", content: georgian, author: { ...editor }, ip: "127.0.0.1" });
});

afterAll(async () => {
  await database?.close();
});

async function signIn(context: BrowserContext, language: string, email: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/${language}/review`);
  expect(new URL(page.url()).pathname).toBe(`/${language}/login`);
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(password);
  await Promise.all([page.waitForURL(`${baseUrl}/${language}/review`), page.locator("button[type=submit]").click()]);
  return page;
}

describe("a reviewer in the browser", () => {
  it("signs in, reads the diff, approves, and the change appears on the public page; the diff stays on the revision page", async () => {
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

      await page.locator(`tr[data-revision-id="${revisionId}"] a`).first().click();
      await page.waitForURL(`${baseUrl}/en/review/${revisionId}`);
      // Side by side on a wide screen: the new words on the right, the inline rendering hidden.
      const inserted = await page.locator(".review-diff__new ins").allInnerTexts();
      expect(inserted.join(" ")).toContain(marker);
      expect(await page.locator(".review-diff__inline").first().isVisible()).toBe(false);
      await page.screenshot({ path: path.join(outputDirectory, "screenshots", "review-revision.png"), fullPage: false });

      await Promise.all([page.waitForURL(/decided=approved/), page.getByRole("button", { name: "Approve and publish" }).click()]);
      expect(await page.locator(".notice").first().innerText()).toContain("Approved");
      // Approved, and still saying what it changed.
      expect((await page.locator(".review-diff__new ins").allInnerTexts()).join(" ")).toContain(marker);

      await page.goto(`${baseUrl}/en/lessons/${slug}`);
      expect(await page.locator("main").innerText()).toContain(marker);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  for (const width of [360, 1280]) {
    it(`reads a Georgian edit as whole words at ${width} px, the decision after the diff`, async () => {
      const browser = await launchBrowser({ width });
      const errors = watchForErrors(browser.context);
      try {
        const page = await signIn(browser.context, "ka", "browser-ka-reviewer@review.test");
        await page.goto(`${baseUrl}/ka/review/${georgianRevisionId}`);
        const side = width < 768 ? ".review-diff__inline" : ".review-diff__new";
        const oldSide = width < 768 ? ".review-diff__inline" : ".review-diff__old";
        expect(await page.locator(`${side} ins`).allInnerTexts()).toEqual(["ვაქვეყნებთ"]);
        expect(await page.locator(`${oldSide} del`).allInnerTexts()).toEqual(["ვდებთ"]);
        // One rendering shows, the other is hidden.
        expect(await page.locator(".review-diff__inline").first().isVisible()).toBe(width < 768);
        expect(await page.locator(".review-diff__old").first().isVisible()).toBe(width >= 768);
        const diff = await page.locator(".review-diff").boundingBox();
        const approve = await page.locator('button[value="approve"]').boundingBox();
        expect(approve!.y).toBeGreaterThan(diff!.y + diff!.height);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await page.locator(".review-diff").scrollIntoViewIfNeeded();
        await page.screenshot({ path: path.join(outputDirectory, "screenshots", `review-diff-ka-${width}.png`), fullPage: false });
        expect(errors).toEqual([]);
      } finally {
        await browser.close();
      }
    });
  }
});
