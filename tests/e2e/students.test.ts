// A student on a 360 × 800 phone: the quick exit always in reach and leaving no way back, the lesson's
// title on the first screen, the quiz that gives nothing away on a mis-tap, and Armenian pages that fetch
// no Georgian font.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { languages } from "~/i18n/languages";
import { quickExitUrl } from "~/layout/navigation";
import { launchBrowser } from "./browser";

const baseUrl = inject("baseUrl");
const slug = "what-is-trafficking";
const exitHost = new URL(quickExitUrl).host;

type Browser = Awaited<ReturnType<typeof launchBrowser>>;
const browsers: Browser[] = [];

async function phone(options: Parameters<typeof launchBrowser>[0] = {}): Promise<BrowserContext> {
  const browser = await launchBrowser(options);
  browsers.push(browser);
  // The exit's weather page, answered here: the test machine has no internet.
  await browser.context.route(`https://${exitHost}/**`, (route) => route.fulfill({ contentType: "text/html", body: "<title>Weather</title><p>Weather</p>" }));
  return browser.context;
}

afterAll(async () => {
  await Promise.all(browsers.map((browser) => browser.close()));
});

let context: BrowserContext;
beforeAll(async () => {
  context = await phone();
});

async function open(path: string, on: BrowserContext = context): Promise<Page> {
  const page = await on.newPage();
  await page.goto(baseUrl + path, { waitUntil: "load" });
  return page;
}

describe("the quick exit", () => {
  it("is on screen, at least 44 × 44 px and not covered, at every scroll position, in every language", async () => {
    for (const language of languages) {
      const page = await open(`/${language}/lessons/${slug}`);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(height, language).toBeGreaterThan(5000);
      for (const share of [0, 0.25, 0.5, 0.75, 1]) {
        await page.evaluate((y) => window.scrollTo(0, y), Math.round(share * height));
        const box = (await page.locator("[data-quick-exit]").boundingBox())!;
        const where = `${language} at ${share * 100} %`;
        expect(box.y, where).toBeGreaterThanOrEqual(0);
        expect(box.y + box.height, where).toBeLessThanOrEqual(800);
        expect(box.x + box.width, where).toBeLessThanOrEqual(360);
        expect(box.width, where).toBeGreaterThanOrEqual(44);
        expect(box.height, where).toBeGreaterThanOrEqual(44);
        const onTop = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest("[data-quick-exit]") !== null, [box.x + box.width / 2, box.y + box.height / 2]);
        expect(onTop, where).toBe(true);
      }
      await page.close();
    }
  });

  it("with JavaScript: the whole visit is one history entry, and after the exit Back leads out of the portal", async () => {
    const page = await context.newPage();
    await page.goto("about:blank");
    await page.goto(`${baseUrl}/ka/`);
    await page.locator(".site-menu summary").click();
    await page.locator(".site-nav a[href='/ka/lessons']").click();
    await page.waitForURL(`${baseUrl}/ka/lessons`);
    await page.locator(".lesson-card a").first().click();
    await page.waitForURL(/\/ka\/lessons\/[a-z-]+$/);
    await page.locator(".page-contents a[href='#quiz']").click();
    await page.waitForURL(/#quiz$/);
    expect(await page.evaluate(() => history.length)).toBe(2);
    await page.locator("[data-quick-exit]").click();
    await page.waitForURL(new RegExp(exitHost));
    await page.goBack();
    expect(page.url()).toBe("about:blank");
    await page.close();
  });

  it("answers Shift+Escape and three quick taps, and a single tap or a scroll does not leave", async () => {
    const touch = await phone({ hasTouch: true });
    const page = await open(`/hy/lessons/${slug}`, touch);
    const paragraph = page.locator("#reading p").first();
    const box = (await paragraph.boundingBox())!;
    await page.touchscreen.tap(box.x + 20, box.y + 5);
    await page.waitForTimeout(1000);
    await page.touchscreen.tap(box.x + 20, box.y + 5);
    await page.waitForTimeout(1000);
    expect(page.url()).toContain("/hy/lessons/");
    for (let tap = 0; tap < 3; tap += 1) await page.touchscreen.tap(box.x + 20, box.y + 5);
    await page.waitForURL(new RegExp(exitHost));

    const keyboard = await open(`/en/help`);
    await keyboard.keyboard.press("Shift+Escape");
    await keyboard.waitForURL(new RegExp(exitHost));
  });

  it("is read out with its shortcuts, in the page's language", async () => {
    const page = await open(`/az/lessons/${slug}`);
    const description = await page.locator("[data-quick-exit]").evaluate((element) => document.getElementById(element.getAttribute("aria-describedby")!)?.textContent);
    expect(description).toMatch(/Shift/);
    expect(await page.locator("[data-quick-exit]").innerText()).toContain("Sürətli çıxış");
  });

  it("without JavaScript, still works as a plain link", async () => {
    const noScript = await phone({ javaScriptEnabled: false });
    const page = await open(`/ka/lessons/${slug}`, noScript);
    expect(await page.locator("[data-quick-exit]").getAttribute("href")).toBe(quickExitUrl);
    await page.locator("[data-quick-exit]").click();
    await page.waitForURL(new RegExp(exitHost));
  });
});

describe("a phone's first screen", () => {
  it("shows the lesson title within the first 200 px in every language, and the menu opens with 44 px targets", async () => {
    const heights: Record<string, number> = {};
    for (const language of languages) {
      const page = await open(`/${language}/lessons/${slug}`);
      await page.evaluate(() => document.fonts.ready);
      heights[language] = Math.round((await page.locator(".site-header").boundingBox())!.height);
      const title = (await page.locator("h1").boundingBox())!;
      expect(title.y, language).toBeLessThan(200);
      await page.locator(".site-menu summary").click();
      for (const link of await page.locator(".site-nav a, .language-switcher a").all()) {
        expect((await link.boundingBox())!.height, `${language} ${await link.innerText()}`).toBeGreaterThanOrEqual(44);
      }
      await page.close();
    }
    console.log(`header height on a 360 × 800 phone (px): ${JSON.stringify(heights)}`);
  });

  it("the catalogue shows a lesson on the first screen, grade and topic folded away", async () => {
    for (const language of languages) {
      const page = await open(`/${language}/lessons`);
      await page.evaluate(() => document.fonts.ready);
      expect((await page.locator(".lesson-card").first().boundingBox())!.y, language).toBeLessThan(800 - 100);
      expect(await page.locator("#grade").isVisible(), language).toBe(false);
      await page.locator(".filters__more summary").click();
      expect(await page.locator("#grade").isVisible(), language).toBe(true);
      await page.close();
    }
  });

  it("a laptop shows the whole menu without a button", async () => {
    const laptop = await phone({ width: 1280 });
    const page = await open(`/ka/lessons/${slug}`, laptop);
    expect(await page.locator(".site-menu summary").isVisible()).toBe(false);
    expect(await page.locator(".site-nav a").first().isVisible()).toBe(true);
    expect(await page.locator(".language-switcher a").first().isVisible()).toBe(true);
    const catalogue = await open("/hy/lessons", laptop);
    expect(await catalogue.locator("#topic").isVisible()).toBe(true);
  });
});

describe("the quiz", () => {
  it("with JavaScript: choosing shows nothing; Check shows the verdict; Try again clears; the score comes at the end", async () => {
    const page = await open(`/en/lessons/${slug}`);
    const questions = page.locator(".quiz fieldset");
    const first = questions.first();
    const right = Number(await first.getAttribute("data-right-option"));
    await first.locator('input[type="radio"]').nth((right + 1) % 3).check();
    expect(await first.locator(".quiz__outcome").isVisible()).toBe(false);
    await first.locator("[data-check]").click();
    expect(await first.locator(".quiz__outcome").getAttribute("data-result")).toBe("wrong");
    // Only that it is wrong: the right answer and the explanation would make trying again pointless.
    expect(await first.locator("[data-answer]").isVisible()).toBe(false);
    expect(await first.locator("[data-explanation]").isVisible()).toBe(false);
    expect(await first.locator("[data-retry]").evaluate((button) => button === document.activeElement)).toBe(true);
    await first.locator("[data-retry]").click();
    expect(await first.locator(".quiz__outcome").isVisible()).toBe(false);
    expect(await first.locator("input:checked").count()).toBe(0);
    expect(await page.locator(".quiz__score").isVisible()).toBe(false);
    const count = await questions.count();
    for (let index = 0; index < count; index += 1) {
      const question = questions.nth(index);
      await question.locator('input[type="radio"]').nth(Number(await question.getAttribute("data-right-option"))).check();
      await question.locator("[data-check]").click();
      expect(await question.locator(".quiz__outcome").getAttribute("data-result")).toBe("right");
    }
    expect(await page.locator(".quiz__score").innerText()).toBe(`${count} of ${count} answers right`);
  });

  it("without JavaScript: the page comes back at the question just checked, then Try again", async () => {
    const noScript = await phone({ javaScriptEnabled: false });
    const page = await open(`/en/lessons/${slug}`, noScript);
    const third = page.locator(".quiz fieldset").nth(2);
    await third.locator('input[type="radio"]').first().check();
    await Promise.all([page.waitForURL(/#question-3$/), third.locator("[data-check]").click()]);
    const box = (await page.locator("#question-3").boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(-1);
    expect(box.y).toBeLessThan(800);
    expect(await page.locator("#question-3 .quiz__outcome").isVisible()).toBe(true);
    expect(await page.locator("#question-1 .quiz__outcome").isVisible()).toBe(false);
    await Promise.all([page.waitForURL(/#question-3$/), page.locator("#question-3 [data-retry]").click()]);
    await page.waitForLoadState("load");
    expect(await page.locator("#question-3 .quiz__outcome").isVisible()).toBe(false);
    expect(await page.locator("#question-3 input:checked").count()).toBe(0);
  });
});

describe("Armenian pages", () => {
  it("fetch no Georgian font and show no bar above the header", async () => {
    const fresh = await phone();
    const page = await fresh.newPage();
    const fonts: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "font") fonts.push(new URL(request.url()).pathname);
    });
    await page.goto(`${baseUrl}/hy/lessons/${slug}`, { waitUntil: "networkidle" });
    await page.evaluate(() => document.fonts.ready);
    expect(fonts.some((font) => /armenian/.test(font))).toBe(true);
    expect(fonts.filter((font) => /georgian|symbols/.test(font) && !/language-name/.test(font))).toEqual([]);
    const skipLink = (await page.locator(".skip-link").boundingBox())!;
    expect(skipLink.y + skipLink.height).toBeLessThanOrEqual(0);
    expect((await page.locator(".site-header").boundingBox())!.y).toBe(0);
  });
});
