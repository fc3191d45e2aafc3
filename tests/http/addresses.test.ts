// Forgiving addresses: what people type reaches the page they meant (app/publication/addresses.server.ts).
import { describe, expect, inject, it } from "vitest";

const baseUrl = inject("baseUrl");

function get(path: string, headers: Record<string, string> = {}) {
  return fetch(baseUrl + path, { redirect: "manual", headers });
}

async function redirectOf(path: string, headers: Record<string, string> = {}) {
  const response = await get(path, headers);
  return { status: response.status, location: response.headers.get("location"), response };
}

describe("addresses in the wrong case", () => {
  it("a language code or a slug in capitals redirects permanently to the lower-case address, query kept", async () => {
    expect(await redirectOf("/KA/lessons")).toMatchObject({ status: 301, location: "/ka/lessons" });
    expect(await redirectOf("/ka/lessons/Safe-Online")).toMatchObject({ status: 301, location: "/ka/lessons/safe-online" });
    expect(await redirectOf("/Hy/Lessons?q=ABC")).toMatchObject({ status: 301, location: "/hy/lessons?q=ABC" });
    const followed = await fetch(`${baseUrl}/EN/LESSONS/SAFE-ONLINE`);
    expect(followed.status).toBe(200);
    expect(followed.url).toBe(`${baseUrl}/en/lessons/safe-online`);
  });
});

describe("codes people type for our languages", () => {
  it("/ge/ goes to /ka/ and /am/ to /hy/, the rest of the path kept", async () => {
    expect(await redirectOf("/ge/")).toMatchObject({ status: 301, location: "/ka/" });
    expect(await redirectOf("/am/lessons/safe-online")).toMatchObject({ status: 301, location: "/hy/lessons/safe-online" });
    expect(await redirectOf("/GE/help")).toMatchObject({ status: 301, location: "/ka/help" });
  });

  it("another language code goes to the reader's language, keeping the page when it exists there", async () => {
    const kept = await redirectOf("/ru/lessons/safe-online", { "Accept-Language": "hy-AM,hy;q=0.9,ru;q=0.8" });
    expect(kept).toMatchObject({ status: 302, location: "/hy/lessons/safe-online" });
    expect(kept.response.headers.get("cache-control")).toBe("private, no-cache");
    expect(kept.response.headers.get("vary")).toMatch(/Accept-Language/);
    expect(await redirectOf("/ru/lessons/no-such-lesson", { "Accept-Language": "hy" })).toMatchObject({ status: 302, location: "/hy/" });
    expect(await redirectOf("/en-US/help?x=1", { "Accept-Language": "en-US" })).toMatchObject({ status: 302, location: "/en/help?x=1" });
    expect(await redirectOf("/xx/lessons")).toMatchObject({ status: 302, location: "/ka/lessons" });
  });

  it("a path that is no language code stays a 404", async () => {
    expect((await get("/wp-admin/setup.php")).status).toBe(404);
    expect((await get("/ka/no/such/page")).status).toBe(404);
  });
});

describe("language negotiation", () => {
  it("sends a phone set to Turkish to Azerbaijani, and keeps a listed language of ours first", async () => {
    expect(await redirectOf("/", { "Accept-Language": "tr-TR,tr;q=0.9" })).toMatchObject({ location: "/az/" });
    expect(await redirectOf("/", { "Accept-Language": "tr;q=0.5,hy;q=0.9" })).toMatchObject({ location: "/hy/" });
    expect(await redirectOf("/", { "Accept-Language": "de-DE,de;q=0.9" })).toMatchObject({ location: "/ka/" });
  });
});

describe("a 404 suggests what was meant", () => {
  it("a mistyped lesson slug or path lists the closest lessons, in the page's language", async () => {
    const lesson = await get("/en/lessons/safe-onlin");
    expect(lesson.status).toBe(404);
    const body = await lesson.text();
    expect(body).toContain("Were you looking for one of these lessons?");
    expect(body).toMatch(/<ul class="error-page__suggestions"><li><a href="\/en\/lessons\/safe-online">/);
    const georgian = await (await get("/ka/trafficking")).text();
    expect(georgian).toContain('<html lang="ka"');
    expect(georgian).toMatch(/class="error-page__suggestions"><li><a href="\/ka\/lessons\/what-is-trafficking"/);
  });

  it("a path like nothing of ours suggests nothing, and still leads home", async () => {
    const body = await (await get("/az/zzzz-qqqq")).text();
    expect(body).not.toContain("error-page__suggestions");
    expect(body).toContain('href="/az/"');
  });
});
