// A teacher checks a PDF in the browser: with JavaScript the file never leaves the computer, only its
// SHA-256 (computed by WebCrypto) does.
import { createHash } from "node:crypto";
import { afterAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser";

const baseUrl = inject("baseUrl");
let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
afterAll(() => browser?.close());

describe("checking a PDF at /<lng>/verify", () => {
  it("computes the fingerprint in the browser and sends no file", async () => {
    browser = await launchBrowser({ width: 1280 });
    const pdf = Buffer.from(await (await fetch(`${baseUrl}/hy/lessons/safe-online/handout.pdf`)).arrayBuffer());
    const sha256 = createHash("sha256").update(pdf).digest("hex");
    const page = await browser.context.newPage();
    const posts: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST") posts.push(request.url());
    });
    await page.goto(`${baseUrl}/hy/verify`);
    await page.locator("#pdf").setInputFiles({ name: "handout.pdf", mimeType: "application/pdf", buffer: pdf });
    await page.getByRole("button", { name: await page.locator("form.verify-form button").innerText() }).click();
    await page.waitForURL(`${baseUrl}/verify/${sha256}?lng=hy`);
    expect(await page.locator("[data-verdict]").getAttribute("data-verdict")).toBe("current");
    expect(await page.getAttribute("html", "lang")).toBe("hy");
    expect(posts).toEqual([]);
  });
});
