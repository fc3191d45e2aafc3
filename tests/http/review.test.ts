import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createUser } from "~/auth/users.server";
import { createDatabase, type DatabaseHandle } from "~/db/database.server";
import { publishedText } from "../support/published";

const baseUrl = inject("baseUrl");
const slug = "awareness-campaign";
const password = "correct horse battery staple";
let database: DatabaseHandle;

const people = {
  admin: { email: "admin@review.test", role: "admin", languages: undefined },
  editor: { email: "editor@review.test", role: "editor", languages: "en" },
  reviewer: { email: "reviewer@review.test", role: "reviewer", languages: "en,az" },
  otherReviewer: { email: "other@review.test", role: "reviewer", languages: "hy" },
} as const;
type Person = keyof typeof people | "anonymous";
const cookies: Partial<Record<Person, string>> = { anonymous: "" };

async function signIn(email: string, secret = password) {
  return fetch(`${baseUrl}/en/login`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: secret }),
  });
}

function request(person: Person, path: string, init: { method?: string; form?: Record<string, string>; origin?: string | null } = {}) {
  const headers: Record<string, string> = {};
  if (cookies[person]) headers.Cookie = cookies[person]!;
  if (init.form) headers["Content-Type"] = "application/x-www-form-urlencoded";
  if (init.origin !== null) headers.Origin = init.origin ?? baseUrl;
  return fetch(baseUrl + path, { method: init.method ?? (init.form ? "POST" : "GET"), headers, redirect: "manual", body: init.form ? new URLSearchParams(init.form) : undefined });
}

async function publishedEnglishText(): Promise<string> {
  return publishedText(database.db, slug, "en");
}

/** An editor's revision, submitted through the editor page as a browser would. */
async function submitThroughEditor(marker: string): Promise<number> {
  const text = (await publishedEnglishText()).replace(/^summary: .*$/m, `summary: ${marker} — a project lesson for 18 October.`);
  const response = await request("editor", `/en/edit/${slug}/en`, { form: { intent: "save", content: text } });
  expect(response.status).toBe(303);
  return Number(response.headers.get("location")!.split("/").at(-1));
}

beforeAll(async () => {
  database = createDatabase(inject("serverDatabaseUrl"));
  for (const [key, person] of Object.entries(people)) {
    await createUser(database.db, { email: person.email, name: key, role: person.role, languages: person.languages, password }, { id: null, email: "test" });
    const response = await signIn(person.email);
    expect(response.status, key).toBe(303);
    cookies[key as Person] = response.headers.get("set-cookie")!.split(";")[0]!;
  }
});

afterAll(async () => {
  await database?.close();
});

describe("sign-in", () => {
  it("sets an HttpOnly, SameSite=Lax session cookie, a new one at every sign-in", async () => {
    const first = await signIn(people.reviewer.email);
    const second = await signIn(people.reviewer.email);
    const cookie = first.headers.get("set-cookie")!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie.split(";")[0]).not.toBe(second.headers.get("set-cookie")!.split(";")[0]);
  });

  it("answers a wrong email and a wrong password alike", async () => {
    const wrongPassword = await signIn(people.admin.email, "not the password at all");
    const wrongEmail = await signIn("nobody@review.test", "not the password at all");
    expect(wrongPassword.status).toBe(401);
    expect(wrongEmail.status).toBe(401);
    const message = (body: string) => body.match(/role="alert">([^<]+)</)?.[1];
    expect(message(await wrongPassword.text())).toBe(message(await wrongEmail.text()));
  });

  it("limits failed attempts per account, even with the right password afterwards (429)", async () => {
    const email = "limited@review.test";
    await createUser(database.db, { email, name: "Limited", role: "editor", languages: "en", password }, { id: null, email: "test" });
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await signIn(email, "wrong password here")).status).toBe(401);
    const blocked = await signIn(email);
    expect(blocked.status).toBe(429);
    expect(await blocked.text()).toContain("Too many attempts");
  });

  it("refuses a sign-in posted from another site", async () => {
    for (const origin of [null, "https://evil.example"]) {
      const response = await fetch(`${baseUrl}/en/login`, {
        method: "POST",
        redirect: "manual",
        headers: { ...(origin ? { Origin: origin } : {}), "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email: people.admin.email, password }),
      });
      expect(response.status, String(origin)).toBe(403);
    }
  });

  it("treats a tampered session cookie as no session", async () => {
    const tampered = cookies.reviewer!.replace(/.$/, (last) => (last === "A" ? "B" : "A"));
    const response = await fetch(`${baseUrl}/en/review`, { headers: { Cookie: tampered }, redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/en\/login\?next=/);
  });

  it("records sign-ins and failed sign-ins in the audit log", async () => {
    const actions = await database.db.selectFrom("audit_log").select("action").where("actor", "=", people.admin.email).execute();
    expect(actions.map((row) => row.action)).toEqual(expect.arrayContaining(["session.sign-in", "session.sign-in-failed"]));
  });
});

describe("the authorization matrix", () => {
  let revisionId: number;
  beforeAll(async () => {
    revisionId = await submitThroughEditor("Matrix check");
  });

  const statuses: Record<string, Record<Person, number>> = {
    "GET /en/review": { anonymous: 302, editor: 200, reviewer: 200, otherReviewer: 200, admin: 200 },
    "GET /en/review/status": { anonymous: 302, editor: 200, reviewer: 200, otherReviewer: 200, admin: 200 },
    "GET /en/review/audit": { anonymous: 302, editor: 403, reviewer: 200, otherReviewer: 200, admin: 200 },
    "GET /en/review/:id": { anonymous: 302, editor: 200, reviewer: 200, otherReviewer: 403, admin: 200 },
    "GET /en/review/:id/plan.pdf": { anonymous: 302, editor: 200, reviewer: 200, otherReviewer: 403, admin: 200 },
    "GET /en/review/:id/handout.pdf": { anonymous: 302, editor: 200, reviewer: 200, otherReviewer: 403, admin: 200 },
    "GET /en/edit/:slug/en": { anonymous: 302, editor: 200, reviewer: 403, otherReviewer: 403, admin: 403 },
    "POST /en/edit/:slug/en (preview)": { anonymous: 401, editor: 200, reviewer: 403, otherReviewer: 403, admin: 403 },
    "POST /en/review/:id (request changes, no comment)": { anonymous: 401, editor: 403, reviewer: 400, otherReviewer: 403, admin: 403 },
    "POST /en/logout": { anonymous: 303, editor: 303, reviewer: 303, otherReviewer: 303, admin: 303 },
  };
  const everyone: Person[] = ["anonymous", "editor", "reviewer", "otherReviewer", "admin"];

  for (const [route, expected] of Object.entries(statuses)) {
    for (const person of everyone) {
      it(`${route} as ${person} → ${expected[person]}`, async () => {
        const [method, template] = route.split(" ") as [string, string];
        const path = template.replace(":id", String(revisionId)).replace(":slug", slug);
        let form: Record<string, string> | undefined;
        if (route.includes("(preview)")) form = { intent: "preview", content: await publishedEnglishText() };
        if (route.includes("request changes")) form = { intent: "request-changes", comment: "" };
        if (route.startsWith("POST /en/logout")) {
          // Sign out a fresh session of the same person, not the one the other tests use.
          const fresh = person === "anonymous" ? "" : (await signIn(people[person].email)).headers.get("set-cookie")!.split(";")[0]!;
          const response = await fetch(`${baseUrl}/en/logout`, { method: "POST", redirect: "manual", headers: { Origin: baseUrl, Cookie: fresh } });
          expect(response.status).toBe(expected[person]);
          return;
        }
        const response = await request(person, path, { method, form });
        expect(response.status).toBe(expected[person]);
      });
    }
  }

  it("a decision needs the Origin of this site (403 otherwise), and changes nothing", async () => {
    const response = await request("reviewer", `/en/review/${revisionId}`, { form: { intent: "approve" }, origin: "https://evil.example" });
    expect(response.status).toBe(403);
    const revision = await database.db.selectFrom("revisions").select("status").where("id", "=", revisionId).executeTakeFirstOrThrow();
    expect(revision.status).toBe("in_review");
  });
});

describe("the workflow over HTTP", () => {
  it("nothing unapproved leaks through pages, search, sitemap or PDFs; an approval is public at the next request", async () => {
    const marker = "Zqxwvutsmarker";
    const revisionId = await submitThroughEditor(marker);
    const publicTexts = async () => {
      const lesson = await (await fetch(`${baseUrl}/en/lessons/${slug}`)).text();
      const search = await (await fetch(`${baseUrl}/en/lessons?q=${marker}`)).text();
      const handout = Buffer.from(await (await fetch(`${baseUrl}/en/lessons/${slug}/handout.pdf`)).arrayBuffer());
      return { lesson, search, handout };
    };
    const before = await publicTexts();
    expect(before.lesson).not.toContain(marker);
    expect(before.search).toContain('class="catalogue-empty"');
    const { extractPdf, normalized } = await import("../pdf/extract");
    expect(normalized((await extractPdf(new Uint8Array(before.handout))).pages.join(" "))).not.toContain(marker);

    const approve = await request("reviewer", `/en/review/${revisionId}`, { form: { intent: "approve" } });
    expect(approve.status).toBe(303);
    const after = await publicTexts();
    expect(after.lesson).toContain(marker);
    expect(after.search).toContain(`/en/lessons/${slug}"`);
    expect(normalized((await extractPdf(new Uint8Array(after.handout))).pages.join(" "))).toContain(marker);

    // Deciding it again: 409, nothing changes.
    const again = await request("reviewer", `/en/review/${revisionId}`, { form: { intent: "request-changes", comment: "Too late." } });
    expect(again.status).toBe(409);
    const revision = await database.db.selectFrom("revisions").select(["status", "comment"]).where("id", "=", revisionId).executeTakeFirstOrThrow();
    expect(revision).toEqual({ status: "approved", comment: null });
  });

  it("the PDF of the approved text ends with its provenance, and /verify knows it", async () => {
    const response = await fetch(`${baseUrl}/en/lessons/${slug}/plan.pdf`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const { extractPdf, normalized } = await import("../pdf/extract");
    const text = normalized((await extractPdf(bytes)).pages.join(" "));
    expect(text).toMatch(/About this document/);
    expect(text).toMatch(/revision \d+ approved \d{4}-\d{2}-\d{2}/);
    const sha256 = response.headers.get("etag")!.replaceAll('"', "");
    const verdict = await (await fetch(`${baseUrl}/verify/${sha256}`, { headers: { "Accept-Language": "en" } })).text();
    expect(verdict).toContain('data-verdict="current"');
    const unknown = await (await fetch(`${baseUrl}/verify/${"0".repeat(64)}`)).text();
    expect(unknown).toContain('data-verdict="unknown"');
    expect((await fetch(`${baseUrl}/verify/not-a-hash`)).status).toBe(404);
  });

  it("bad input: unknown and malformed revision ids are 404, an oversized editor form is refused, nothing is written", async () => {
    expect((await request("reviewer", "/en/review/99999999")).status).toBe(404);
    expect((await request("reviewer", "/en/review/abc")).status).toBe(404);
    const count = async () => Number((await database.db.selectFrom("revisions").select(database.db.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
    const before = await count();
    const tooLong = await request("editor", `/en/edit/${slug}/en`, { form: { intent: "save", content: "x".repeat(300_000) } });
    expect(tooLong.status).toBe(400);
    expect(await tooLong.text()).toContain("too long");
    const huge = await fetch(`${baseUrl}/en/edit/${slug}/en`, {
      method: "POST",
      headers: { Cookie: cookies.editor!, Origin: baseUrl, "Content-Type": "application/x-www-form-urlencoded", Connection: "close" },
      body: `intent=save&content=${"x".repeat(3 * 1024 * 1024)}`,
    }).then(
      (response) => ({ status: response.status }),
      (error: unknown) => ({ error }),
    );
    // Refused before the body is read: a 413, or the connection closed by the server while the upload was
    // still going (a reset) — and nothing else.
    if ("status" in huge) expect(huge.status).toBe(413);
    else expect(String((huge.error as { cause?: { code?: string } }).cause?.code ?? huge.error)).toMatch(/ECONNRESET|EPIPE|UND_ERR_SOCKET|other side closed/);
    const broken = await request("editor", `/en/edit/${slug}/en`, { form: { intent: "save", content: "---\ntitle: T\n---\n<b>raw</b>" } });
    expect(broken.status).toBe(422);
    expect(await broken.text()).toContain("raw HTML is not allowed");
    const bogus = await request("editor", `/en/edit/${slug}/en`, { form: { intent: "publish-now", content: "x" } });
    expect(bogus.status).toBe(400);
    expect(await count()).toBe(before);
  });

  it("every response carries the security headers, staff pages are never cached", async () => {
    const response = await request("reviewer", "/en/review");
    const policy = response.headers.get("content-security-policy")!;
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(response.headers.get("referrer-policy")).toBe("same-origin");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toContain("no-store");
  });
});
