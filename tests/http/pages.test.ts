import { gunzipSync } from "node:zlib";
import { describe, expect, inject, it } from "vitest";
import { languages } from "~/i18n/languages";

const baseUrl = inject("baseUrl");
const slug = "what-is-trafficking";

function get(path: string, headers: Record<string, string> = {}) {
  return fetch(baseUrl + path, { redirect: "manual", headers });
}

async function html(path: string, headers: Record<string, string> = {}) {
  const response = await get(path, headers);
  return { status: response.status, headers: response.headers, body: await response.text() };
}

describe("/ negotiates the reader's language", () => {
  it("redirects to Georgian by default", async () => {
    const response = await get("/");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/ka/");
  });

  it("follows Accept-Language", async () => {
    const response = await get("/", { "Accept-Language": "hy-AM,hy;q=0.9" });
    expect(response.headers.get("location")).toBe("/hy/");
  });

  it("puts the cookie set by the language switcher before Accept-Language", async () => {
    const switched = await get(`/language/az?next=${encodeURIComponent(`/az/lessons/${slug}`)}`);
    expect(switched.status).toBe(303);
    expect(switched.headers.get("location")).toBe(`/az/lessons/${slug}`);
    const cookie = switched.headers.get("set-cookie")!.split(";")[0]!;
    expect(cookie).toMatch(/^lng=/);
    const response = await get("/", { Cookie: cookie, "Accept-Language": "en" });
    expect(response.headers.get("location")).toBe("/az/");
  });

  it("never redirects the switcher off the site", async () => {
    for (const next of ["https://evil.example/", "//evil.example/", "/en/", "/az/\\evil"]) {
      const response = await get(`/language/az?next=${encodeURIComponent(next)}`);
      expect(response.headers.get("location"), next).toBe("/az/");
    }
  });
});

describe("pages in every language", () => {
  for (const language of languages) {
    it(`${language}: the lesson page has lang, title, hreflang alternates, canonical and the help line`, async () => {
      const { status, body } = await html(`/${language}/lessons/${slug}`);
      expect(status).toBe(200);
      expect(body).toContain(`<html lang="${language}"`);
      for (const code of languages) {
        expect(body).toContain(`<link rel="alternate" hrefLang="${code}" href="${baseUrl}/${code}/lessons/${slug}"/>`);
      }
      expect(body).toContain(`<link rel="alternate" hrefLang="x-default" href="${baseUrl}/ka/lessons/${slug}"/>`);
      expect(body).toContain(`<link rel="canonical" href="${baseUrl}/${language}/lessons/${slug}"/>`);
      // The help line never breaks: no-break spaces, and a tel: link.
      expect(body).toContain('<a href="tel:+995322913461">+995\u00a032\u00a02\u00a091\u00a034\u00a061</a>');
      expect(body).not.toContain("+995 32 2 91 34 61");
      expect(body).toContain('data-quick-exit=""');
      expect(body).toMatch(/<title>[^<]{5,}<\/title>/);
      expect(body).toMatch(/<meta name="description" content="[^"]{10,}"\/>/);
    });
  }

  it("the student page shows reading, activities, discussion and a quiz form that posts to the page", async () => {
    const { body } = await html(`/en/lessons/${slug}`);
    for (const id of ["reading", "activities", "discussion", "quiz"]) expect(body).toContain(`id="${id}"`);
    expect(body).toContain(`<form method="post" action="/en/lessons/${slug}#quiz"`);
    expect(body).not.toContain('id="safeguarding"');
  });

  it("the teacher page shows objectives, the timed plan adding up to the lesson, the answers and the safeguarding note", async () => {
    const { status, body } = await html(`/en/lessons/${slug}/teacher`);
    expect(status).toBe(200);
    for (const id of ["objectives", "materials", "activities", "quiz", "teacher-notes", "safeguarding"]) expect(body).toContain(`id="${id}"`);
    const minutes = [...body.matchAll(/<tbody>([\s\S]*?)<\/tbody>/g)][0]![1]!.match(/<td class="number">(\d+)<\/td>/g)!.map((cell) => Number(cell.replace(/\D/g, "")));
    expect(minutes.reduce((sum, value) => sum + value, 0)).toBe(45);
    expect(body).toMatch(/<tfoot>.*45<\/td>/);
    expect(body).toContain('class="quiz__answer"');
  });

  it("the help page gives the help line, its hours and 112", async () => {
    for (const language of languages) {
      const { status, body } = await html(`/${language}/help`);
      expect(status).toBe(200);
      expect(body).toContain('href="tel:+995322913461"');
      expect(body).toContain("09:00–17:00");
      expect(body).toContain('href="tel:112"');
    }
  });
});

describe("the catalogue", () => {
  it("lists every lesson with grades, duration and topics", async () => {
    const { status, body } = await html("/en/lessons");
    expect(status).toBe(200);
    expect(body.match(/class="lesson-card"/g)).toHaveLength(8);
    expect(body).toContain("45 minutes");
  });

  it("filters by grade and topic", async () => {
    const byGrade = await html("/en/lessons?grade=8");
    const all = (await html("/en/lessons")).body.match(/class="lesson-card"/g)!.length;
    const grade8 = byGrade.body.match(/class="lesson-card"/g)?.length ?? 0;
    expect(grade8).toBeGreaterThan(0);
    expect(grade8).toBeLessThan(all);
    const byTopic = await html("/en/lessons?topic=online-safety");
    expect(byTopic.body).toContain(`/en/lessons/safe-online"`);
    expect(byTopic.body).not.toContain(`/en/lessons/what-is-trafficking"`);
  });

  it("searches by word prefix and folds Azerbaijani case", async () => {
    const english = await html("/en/lessons?q=TRAFFICK");
    expect(english.body).toContain(`/en/lessons/${slug}"`);
    const azerbaijani = await html(`/az/lessons?q=${encodeURIComponent("İNSAN ALVER")}`);
    expect(azerbaijani.body.match(/class="lesson-card"/g)?.length ?? 0).toBeGreaterThan(0);
  });

  it("says so when nothing matches", async () => {
    const { status, body } = await html("/en/lessons?q=zzzzqqq");
    expect(status).toBe(200);
    expect(body).toContain('class="catalogue-empty"');
    expect(body).toContain("0 lessons");
  });

  it("answers a malformed filter with 400, in the page's language", async () => {
    const { status, body } = await html("/hy/lessons?grade=abc");
    expect(status).toBe(400);
    expect(body).toContain('<html lang="hy"');
  });
});

describe("the quiz without JavaScript", () => {
  async function rightOptions(): Promise<number[]> {
    const teacher = await html(`/en/lessons/${slug}/teacher`);
    return teacher.body.match(/<ol type="a">[\s\S]*?<\/ol>/g)!.map((list) => list.match(/<li[^>]*>/g)!.findIndex((item) => item.includes("quiz__answer")));
  }
  const post = (form: URLSearchParams) => fetch(`${baseUrl}/en/lessons/${slug}`, { method: "POST", body: form, redirect: "manual" });
  const outcomes = (body: string) => [...body.matchAll(/class="quiz__result quiz__outcome[^"]*"(?: data-result="(right|wrong)")?( hidden="")?/g)].map((match) => (match[2] ? "hidden" : match[1]));

  it("grades all posted answers at the route's action, storing nothing", async () => {
    const right = await rightOptions();
    const form = new URLSearchParams({ "answer-0": String(right[0]), "answer-1": String((right[1]! + 1) % 3), check: "all", checked: "" });
    const response = await post(form);
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toBeNull();
    const body = await response.text();
    expect(outcomes(body).slice(0, 3)).toEqual(["right", "wrong", "hidden"]);
    // The questions left unanswered say so, visibly (not hidden).
    expect(body).toMatch(/data-missing="">Choose an answer first\./);
  });

  it("checks one question, keeps what was checked before, and Try again clears only its question", async () => {
    const right = await rightOptions();
    const checkSecond = await (await post(new URLSearchParams({ "answer-0": String(right[0]), "answer-1": String(right[1]), check: "1", checked: "" }))).text();
    // A chosen answer is not graded until its question is checked: a mis-tap gives nothing away.
    expect(outcomes(checkSecond).slice(0, 2)).toEqual(["hidden", "right"]);
    expect(checkSecond).toContain('name="checked" value="1"');
    const checkFirst = await (await post(new URLSearchParams({ "answer-0": String(right[0]), "answer-1": String(right[1]), check: "0", checked: "1" }))).text();
    expect(outcomes(checkFirst).slice(0, 2)).toEqual(["right", "right"]);
    const retry = await (await post(new URLSearchParams({ "answer-0": String(right[0]), "answer-1": String(right[1]), retry: "1", checked: "0,1" }))).text();
    expect(outcomes(retry).slice(0, 2)).toEqual(["right", "hidden"]);
    expect(retry).toContain('name="checked" value="0"');
    // Each Check button brings the page back at its own question.
    expect(retry).toMatch(/formAction="\/en\/lessons\/what-is-trafficking#question-2"/i);
  });

  it("answers a tampered quiz form with 400 and a message in the page's language", async () => {
    const form = new URLSearchParams({ "answer-0": "99" });
    const response = await fetch(`${baseUrl}/az/lessons/${slug}`, { method: "POST", body: form });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('role="alert"');
  });
});

describe("unknown and hostile addresses", () => {
  it("an unknown lesson and an unknown page are 404 in the path's language", async () => {
    for (const path of ["/az/lessons/no-such-lesson", "/az/no/such/page", "/az/lessons/no-such-lesson/teacher"]) {
      const { status, body } = await html(path);
      expect(status, path).toBe(404);
      expect(body).toContain('<html lang="az"');
    }
  });

  it("the guards in front of Remix answer in the path's language", async () => {
    const response = await get("/hy/lessons/a%00b");
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Հարցումը");
    const tooLong = await get(`/az/lessons/${"x".repeat(2100)}`);
    expect(tooLong.status).toBe(414);
    expect(await tooLong.text()).toContain("Ünvan çox uzundur.");
  });

  it("hostile paths answer 4xx, never 500", async () => {
    for (const path of [
      "/ka/lessons/..%2F..%2Fetc%2Fpasswd",
      "/ka/lessons/..%5C..%5Cwindows",
      "/ka/lessons/a%00b",
      `/ka/lessons/${"a".repeat(3000)}`,
      "/ka/lessons/%E0%A4%A",
      "/%c0%ae%c0%ae/",
    ]) {
      const response = await get(path);
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.status, path).toBeLessThan(500);
    }
  });
});

describe("machines", () => {
  it("sitemap.xml lists every public URL in every language", async () => {
    const response = await get("/sitemap.xml");
    expect(response.headers.get("content-type")).toContain("application/xml");
    const body = await response.text();
    const locations = [...body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
    // home, catalogue, books, packs, help, offline, and 8 lessons × (student + teacher), in 4 languages
    expect(locations).toHaveLength((6 + 8 * 2) * 4);
    expect(locations).toContain(`${baseUrl}/hy/lessons/${slug}/teacher`);
  });

  it("robots.txt points to the sitemap", async () => {
    const body = await (await get("/robots.txt")).text();
    expect(body).toContain(`Sitemap: ${baseUrl}/sitemap.xml`);
  });

  it("responses are compressed and carry security headers", async () => {
    const response = await fetch(`${baseUrl}/ka/lessons/${slug}`, { headers: { "Accept-Encoding": "gzip" } });
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    // fetch decompresses transparently; ask node:http-level bytes through a raw request instead.
    const raw = await new Promise<{ encoding?: string; bytes: Buffer }>((resolve, reject) => {
      import("node:http").then(({ get: httpGet }) => {
        httpGet(`${baseUrl}/ka/lessons/${slug}`, { headers: { "Accept-Encoding": "gzip" } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk) => chunks.push(chunk));
          res.on("end", () => resolve({ encoding: res.headers["content-encoding"], bytes: Buffer.concat(chunks) }));
        }).on("error", reject);
      });
    });
    expect(raw.encoding).toBe("gzip");
    expect(gunzipSync(raw.bytes).toString("utf8")).toContain('<html lang="ka"');
  });
});

describe("public pages for caches", () => {
  it("carry an ETag and CDN-friendly Cache-Control, the same bytes for everyone, and a 304 with the CSP of its 200", async () => {
    const path = "/hy/lessons/safe-online";
    const first = await get(path);
    const second = await get(path);
    expect(first.headers.get("cache-control")).toMatch(/s-maxage=\d+.*stale-while-revalidate=\d+/);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^W\/".+"$/);
    // The page's own inline scripts are allowed by hash, not by a nonce: its HTML and its policy are the
    // same for everyone.
    const policy = first.headers.get("content-security-policy")!;
    expect(policy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(policy).not.toContain("'nonce-");
    expect(second.headers.get("content-security-policy")).toBe(policy);
    const [firstBody, secondBody] = [await first.text(), await second.text()];
    expect(secondBody).toBe(firstBody);
    expect(secondBody).not.toContain("nonce=");
    const revalidated = await get(path, { "If-None-Match": etag });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get("content-security-policy")).toBe(policy);
    expect(revalidated.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("revalidates with the weak comparison, whether the page is rendered or stored: W/ or bare, in a list, or *", async () => {
    // Every public page's tag names the build and the published content: learnt from one page, it is
    // the tag of a page never asked for yet (rendered for this request), and then of the stored copy.
    const etag = (await get("/ka/help")).headers.get("etag")!;
    const bare = etag.replace(/^W\//, "");
    for (const path of ["/az/help", "/az/help"]) {
      for (const header of [etag, bare, `"other", ${bare}`, "*"]) {
        expect((await get(path, { "If-None-Match": header })).status, `${path} ${header}`).toBe(304);
      }
      const changed = await get(path, { "If-None-Match": 'W/"another-version"' });
      expect(changed.status, path).toBe(200);
      expect(await changed.text()).toContain('<html lang="az"');
    }
  });

  it("a private page gets a fresh nonce in each response", async () => {
    const nonceOf = async (response: Response) => {
      const nonce = response.headers.get("content-security-policy")!.match(/'nonce-([^']+)'/)![1]!;
      expect(await response.text()).toContain(`nonce="${nonce}"`);
      return nonce;
    };
    const [first, second] = [await get("/en/login"), await get("/en/login")];
    expect(first.headers.get("cache-control")).toBe("private, no-store");
    expect(await nonceOf(first)).not.toBe(await nonceOf(second));
  });
});

describe("public caching is opt-in", () => {
  it("marks only the routes that declare it public; any other page is private and never stored", async () => {
    const publicPaths = ["/ka/", "/en/lessons", "/az/lessons/safe-online", "/hy/lessons/safe-online/teacher", "/en/help", "/ka/books", "/en/packs"];
    // The teacher page and the books page show PDF sizes: until the PDFs are typeset they are not stored.
    await Promise.all([fetch(`${baseUrl}/hy/lessons/safe-online/materials.pdf`), fetch(`${baseUrl}/ka/books/student.pdf`), fetch(`${baseUrl}/ka/books/teacher.pdf`)]);
    for (const path of publicPaths) {
      expect((await get(path)).headers.get("cache-control"), path).toMatch(/^public, /);
    }
    const verify = await get(`/verify/${"a".repeat(64)}`);
    expect(verify.status).toBe(200);
    expect(verify.headers.get("cache-control")).toBe("private, no-store");
    expect(verify.headers.get("etag")).toBeNull();
    expect((await get("/en/no-such-page")).headers.get("cache-control")).toBe("private, no-store");
  });

  it("never serves one reader's /verify page to another: the language follows each reader", async () => {
    const path = `/verify/${"b".repeat(64)}`;
    const switched = await get(`/language/hy?next=${encodeURIComponent("/hy/")}`);
    const cookie = switched.headers.get("set-cookie")!.split(";")[0]!;
    const armenian = await html(path, { Cookie: cookie });
    expect(armenian.body).toContain('<html lang="hy"');
    const english = await html(path, { "Accept-Language": "en" });
    expect(english.body).toContain('<html lang="en"');
    const georgian = await html(path);
    expect(georgian.body).toContain('<html lang="ka"');
  });
});

describe("the raw bytes of every public page", () => {
  const slugs = ["what-is-trafficking", "forms-of-exploitation", "how-traffickers-recruit", "safe-migration", "safe-online", "myths-and-facts", "rights-and-help", "awareness-campaign"];
  it("carry no NUL byte, in any language, first render and stored copy alike", async () => {
    const paths = languages.flatMap((language) => [
      `/${language}/`,
      `/${language}/lessons`,
      `/${language}/help`,
      `/${language}/books`,
      `/${language}/packs`,
      ...slugs.flatMap((slug) => [`/${language}/lessons/${slug}`, `/${language}/lessons/${slug}/teacher`]),
    ]);
    const withNul: string[] = [];
    for (const path of paths) {
      for (const round of ["first", "stored"]) {
        const response = await get(path, { "Accept-Encoding": "identity" });
        expect(response.status, path).toBe(200);
        const bytes = Buffer.from(await response.arrayBuffer());
        if (bytes.includes(0)) withNul.push(`${path} (${round}): ${bytes.filter((byte) => byte === 0).length}`);
      }
    }
    expect(withNul).toEqual([]);
  });
});
