// Search as a visitor gets it from the running server: the rendered catalogue page.
import { describe, expect, inject, it } from "vitest";

const baseUrl = inject("baseUrl");

async function page(path: string) {
  const response = await fetch(baseUrl + path, { redirect: "manual" });
  return { status: response.status, body: await response.text() };
}

const lessonCards = (body: string) => body.match(/class="lesson-card"/g)?.length ?? 0;
const lessonLinks = (body: string, language: string) =>
  [...body.matchAll(new RegExp(`<a href="/${language}/lessons/([a-z-]+)"`, "g"))].map((match) => match[1]);
const query = (language: string, text: string) => `/${language}/lessons?q=${encodeURIComponent(text)}`;

describe("the catalogue finds what students type", () => {
  it("az: INSAN and Insan list the lessons insan lists (they listed none)", async () => {
    const insan = await page(query("az", "insan"));
    expect(lessonCards(insan.body)).toBeGreaterThan(0);
    for (const typed of ["INSAN", "Insan"]) {
      const { status, body } = await page(query("az", typed));
      expect(status, typed).toBe(200);
      expect(lessonLinks(body, "az"), typed).toEqual(lessonLinks(insan.body, "az"));
    }
  });

  it("az: tehlukesiz, typed without Azerbaijani letters, lists the safety lessons", async () => {
    const { body } = await page(query("az", "tehlukesiz"));
    expect(lessonLinks(body, "az")).toContain("safe-online");
  });

  it("ka: Latin internet lists what ინტერნეტი lists", async () => {
    const latin = await page(query("ka", "internet"));
    expect(lessonLinks(latin.body, "ka")).toContain("safe-online");
    expect(lessonLinks(latin.body, "ka")).toEqual(lessonLinks((await page(query("ka", "ინტერნეტი"))).body, "ka"));
  });
});

describe("an empty result suggests where to go", () => {
  it("en: close words as links to their search, and the topics as links", async () => {
    const { status, body } = await page(query("en", "trafiking zebra"));
    expect(status).toBe(200);
    expect(body).toContain('class="catalogue-empty"');
    expect(body).toContain('<section class="search-suggestions" aria-label="Suggestions">');
    expect(body).toContain('<a href="/en/lessons?q=trafficking">trafficking</a>');
    expect(body).toContain('<a href="/en/lessons?topic=online-safety">Safety online</a>');
    // The suggested search finds lessons.
    expect(lessonCards((await page("/en/lessons?q=trafficking")).body)).toBeGreaterThan(0);
  });

  it("ka: a Latin-typed word is suggested in Georgian, and the headings are Georgian", async () => {
    const { body } = await page(query("ka", "ufleba zzzz"));
    expect(body).toContain(`<a href="/ka/lessons?q=${encodeURIComponent("უფლება")}">უფლება</a>`);
    expect(body).toContain("სცადე ეს სიტყვები");
    expect(body).toContain("ან აირჩიე თემა");
  });

  it("hy: nothing close, still the topics, in Armenian", async () => {
    const { body } = await page(query("hy", "zzzz"));
    expect(body).not.toContain('class="search-suggestions__words"');
    expect(body).toContain('class="search-suggestions__topics"');
    expect(body).toContain("Կամ ընտրիր թեմա");
  });

  it("a result with lessons shows no suggestions", async () => {
    const { body } = await page(query("en", "trafficking"));
    expect(body).not.toContain("search-suggestions");
  });
});
