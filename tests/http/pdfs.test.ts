import { describe, expect, inject, it } from "vitest";
import { extractPdf, normalized } from "../pdf/extract";

const baseUrl = inject("baseUrl");
const slug = "what-is-trafficking";

describe("PDF downloads", () => {
  it("a lesson plan: application/pdf, an RFC 6266 filename with a UTF-8 name, page count, validators for a CDN", async () => {
    const response = await fetch(`${baseUrl}/ka/lessons/${slug}/plan.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const disposition = response.headers.get("content-disposition")!;
    expect(disposition).toMatch(/^inline; filename="lesson-plan-what-is-trafficking-ka\.pdf"; filename\*=UTF-8''%E1%83/);
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1]!)).toContain("გაკვეთილის გეგმა");
    expect(response.headers.get("etag")).toMatch(/^"[0-9a-f]{64}"$/);
    expect(response.headers.get("cache-control")).toContain("s-maxage=");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    expect(Number(response.headers.get("x-pdf-pages"))).toBe((await extractPdf(bytes)).pageCount);
  });

  it("answers If-None-Match with 304 and no body", async () => {
    const first = await fetch(`${baseUrl}/hy/lessons/${slug}/handout.pdf`);
    await first.arrayBuffer();
    const etag = first.headers.get("etag")!;
    const second = await fetch(`${baseUrl}/hy/lessons/${slug}/handout.pdf`, { headers: { "If-None-Match": etag } });
    expect(second.status).toBe(304);
    expect((await second.arrayBuffer()).byteLength).toBe(0);
  });

  it("a repeated download never typesets again, and identical concurrent requests typeset once", async () => {
    const url = `${baseUrl}/az/packs/pack.pdf?lessons=safe-online,myths-and-facts&parts=handout,plan&handouts=en&copies=3`;
    const responses = await Promise.all(Array.from({ length: 5 }, () => fetch(url)));
    const sources = responses.map((response) => response.headers.get("x-pdf-cache"));
    expect(sources.filter((source) => source === "typeset")).toHaveLength(1);
    const bodies = await Promise.all(responses.map(async (response) => Buffer.from(await response.arrayBuffer())));
    for (const body of bodies) expect(body.equals(bodies[0]!)).toBe(true);
    const again = await fetch(url);
    expect(again.headers.get("x-pdf-cache")).toBe("memory");
  });

  it("the books page shows each book's page count and size, and the books download", async () => {
    // The page waits at most 1.5 s for a book being typeset (then it links it without its size, and is
    // not stored): once both books are ready, it shows both.
    await Promise.all([fetch(`${baseUrl}/en/books/student.pdf`), fetch(`${baseUrl}/en/books/teacher.pdf`)].map(async (download) => (await download).arrayBuffer()));
    const page = await (await fetch(`${baseUrl}/en/books`)).text();
    const pages = [...page.matchAll(/data-pages="(\d+)"/g)].map((match) => Number(match[1]));
    expect(pages).toHaveLength(2);
    expect(page).toMatch(/\d+ pages · \d+ kB/);
    const book = await fetch(`${baseUrl}/en/books/student.pdf`);
    expect(Number(book.headers.get("x-pdf-pages"))).toBe(pages[0]);
    const { pages: texts } = await extractPdf(new Uint8Array(await book.arrayBuffer()));
    expect(normalized(texts[1]!)).toContain("Contents");
  });

  it("a pack's file name says what it holds, in the page's language (RFC 6266, UTF-8), never \"Lesson pack (3).pdf\"", async () => {
    const nameOf = async (path: string) => {
      const response = await fetch(`${baseUrl}${path}`);
      expect(response.status).toBe(200);
      await response.arrayBuffer();
      const disposition = response.headers.get("content-disposition")!;
      return { ascii: /filename="([^"]+)"/.exec(disposition)![1], unicode: decodeURIComponent(disposition.split("filename*=UTF-8''")[1]!) };
    };
    const three = "what-is-trafficking,safe-online,how-traffickers-recruit";
    expect(await nameOf(`/ka/packs/pack.pdf?lessons=${three}&parts=plan,handout&handouts=hy&copies=25`)).toEqual({
      ascii: "lesson-pack-ka-hy-3-lessons-25-copies.pdf",
      unicode: "გაკვეთილების კრებული — 3 გაკვეთილი, ka+hy, 25 ასლი.pdf",
    });
    expect((await nameOf(`/en/packs/pack.pdf?lessons=${three}&parts=handout&handouts=en&copies=1`)).unicode).toBe("Lesson pack — 3 lessons, en, 1 copy.pdf");
    // One lesson: its title. Plans only: no copies to count.
    expect(await nameOf("/hy/packs/pack.pdf?lessons=safe-online&parts=plan")).toEqual({ ascii: "lesson-pack-hy-1-lesson.pdf", unicode: "Դասերի փաթեթ — Անվտանգությունը համացանցում, hy.pdf" });
  });

  it("the colophon prints the verify page's full address, from PUBLIC_ORIGIN, in the document's language", async () => {
    for (const language of ["hy", "az"]) {
      const response = await fetch(`${baseUrl}/${language}/lessons/${slug}/handout.pdf`);
      const { pages } = await extractPdf(new Uint8Array(await response.arrayBuffer()));
      expect(normalized(pages.join("\n"))).toContain(`${baseUrl}/${language}/verify`);
    }
  });

  it("the pack builder works without JavaScript: the form leads to the pack in the chosen order", async () => {
    const form = new URLSearchParams([
      ["build", "1"],
      ["lesson", "safe-online"],
      ["lesson", "what-is-trafficking"],
      ["order-safe-online", "2"],
      ["order-what-is-trafficking", "1"],
      ["part", "plan"],
      ["part", "handout"],
      ["handouts", "hy"],
      ["copies", "2"],
    ]);
    const response = await fetch(`${baseUrl}/ka/packs?${form}`, { redirect: "manual" });
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location")!, baseUrl);
    expect(location.pathname).toBe("/ka/packs/pack.pdf");
    expect(Object.fromEntries(location.searchParams)).toEqual({ lessons: "what-is-trafficking,safe-online", parts: "plan,handout", handouts: "hy", copies: "2" });
  });

  it("the pack builder answers a bad choice with 400 and the problem in the page's language", async () => {
    const form = new URLSearchParams([["build", "1"], ["part", "plan"], ["copies", "0"]]);
    const response = await fetch(`${baseUrl}/en/packs?${form}`);
    expect(response.status).toBe(400);
    const body = await response.text();
    expect(body).toContain("Choose at least one lesson.");
    expect(body).toContain("The number of copies must be a whole number from 1 to 40.");
  });
});

describe("bad PDF requests answer 400 with a message that names the problem, never 500", () => {
  const cases: [string, string][] = [
    ["lessons=what-is-trafficking,no-such-lesson,other-missing", "These lessons do not exist: no-such-lesson, other-missing."],
    ["lessons=what-is-trafficking&parts=plan,poster", "Unknown parts: poster."],
    ["lessons=what-is-trafficking&handouts=fr", "Unknown language: fr."],
    [`lessons=${Array.from({ length: 41 }, () => "what-is-trafficking").join(",")}`, "Choose at most 40 lessons."],
    ["lessons=what-is-trafficking&copies=41", "The number of copies must be a whole number from 1 to 40."],
    ["lessons=what-is-trafficking&copies=two", "The number of copies must be a whole number from 1 to 40."],
    ["lessons=", "Choose at least one lesson."],
  ];
  for (const [query, message] of cases) {
    it(query.slice(0, 60), async () => {
      const response = await fetch(`${baseUrl}/en/packs/pack.pdf?${query}`);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain(message);
    });
  }

  it("in the page's language", async () => {
    const response = await fetch(`${baseUrl}/hy/packs/pack.pdf?lessons=nope`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Այս դասերը գոյություն չունեն՝ nope։");
  });

  it("an unknown lesson is 404; an unknown language leads to the reader's", async () => {
    expect((await fetch(`${baseUrl}/ka/lessons/no-such-lesson/plan.pdf`)).status).toBe(404);
    const otherLanguage = await fetch(`${baseUrl}/xx/books/student.pdf`, { redirect: "manual", headers: { "Accept-Language": "az" } });
    expect(otherLanguage.status).toBe(302);
    expect(otherLanguage.headers.get("location")).toBe("/az/books/student.pdf");
  });
});
