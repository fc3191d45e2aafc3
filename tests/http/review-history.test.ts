// The reviewer's pages over HTTP, as the production server renders them: the queue by title and size of
// change, the revision page with the diff before the decision (and still after approval), the history
// of a lesson language and who may read it, the status matrix in words.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createUser, type User } from "~/auth/users.server";
import { timestampOf } from "~/db/schema";
import { createDatabase, type DatabaseHandle } from "~/db/database.server";
import { contentHash } from "~/publication/import.server";
import { submitEditorRevision } from "~/review/editor.server";
import { titleOf } from "~/review/lesson-titles.server";
import { localeTexts, wordsBeforeDate } from "../support/locales";
import { publishedText } from "../support/published";

const baseUrl = inject("baseUrl");
const password = "correct horse battery staple";
// Lessons no other HTTP test edits: their revisions here are nobody else's.
const armenianLesson = "myths-and-facts";
const georgianLesson = "forms-of-exploitation";
let database: DatabaseHandle;

const people = {
  armenianReviewer: { email: "hy-reviewer@review-ui.test", role: "reviewer", languages: "hy,az" },
  georgianReviewer: { email: "ka-reviewer@review-ui.test", role: "reviewer", languages: "ka" },
  admin: { email: "admin@review-ui.test", role: "admin", languages: undefined },
} as const;
type Person = keyof typeof people | "anonymous";
const cookies: Partial<Record<Person, string>> = { anonymous: "" };
let editor: User;
const revisions: { armenian: number; georgian: number; broken: number; sentBack: number } = { armenian: 0, georgian: 0, broken: 0, sentBack: 0 };

function request(person: Person, path: string, form?: Record<string, string>) {
  // A new connection each time: a kept-alive one may be closed by the server (5 s) just as it is reused,
  // and the set-up (content checks of three edits) takes about that long.
  const headers: Record<string, string> = { Origin: baseUrl, Connection: "close" };
  if (cookies[person]) headers.Cookie = cookies[person]!;
  if (form) headers["Content-Type"] = "application/x-www-form-urlencoded";
  return fetch(baseUrl + path, { method: form ? "POST" : "GET", headers, redirect: "manual", body: form ? new URLSearchParams(form) : undefined });
}

/** The page's text without its tags, spaces folded: what a reader sees (and, here, also what is hidden on one screen size). */
function visibleText(html: string): string {
  return html
    .replace(/<head>[\s\S]*?<\/head>/, "")
    .replace(/<[^>]+>/g, "")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

async function edit(slug: string, language: "hy" | "ka" | "az", change: (text: string) => string): Promise<number> {
  const text = await publishedText(database.db, slug, language);
  const changed = change(text);
  expect(changed).not.toBe(text);
  return submitEditorRevision(database.db, { slug, language, content: changed, author: editor, ip: "127.0.0.1" });
}

beforeAll(async () => {
  database = createDatabase(inject("serverDatabaseUrl"));
  for (const [key, person] of Object.entries(people)) {
    await createUser(database.db, { email: person.email, name: key, role: person.role, languages: person.languages, password }, { id: null, email: "test" });
    const response = await fetch(`${baseUrl}/en/login`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: baseUrl, Connection: "close", "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: person.email, password }),
    });
    expect(response.status, key).toBe(303);
    cookies[key as Person] = response.headers.get("set-cookie")!.split(";")[0]!;
  }
  editor = await createUser(database.db, { email: "editor@review-ui.test", name: "Editor", role: "editor", languages: "hy,ka,az", password }, { id: null, email: "test" });
  // Real edits of the curriculum's texts: a word's ending, in Armenian and in Georgian.
  revisions.armenian = await edit(armenianLesson, "hy", (text) => text.replace("տարածված առասպելները և", "տարածված առասպելներին և"));
  revisions.georgian = await edit(georgianLesson, "ka", (text) => text.replace("რეალისტურ სიტუაციებში", "რეალისტურ სიტუაციაში"));
  revisions.sentBack = await edit(georgianLesson, "az", (text) => text.replace(/^(summary: .*?)\.?$/m, "$1, qısa."));
  // A revision that fails the content checks (written straight into the table, as an old import could have).
  const broken = "---\ntitle: Miflər və faktlar\nsummary: S\n---\n\n# objectives\n\n<b>raw</b>\n";
  revisions.broken = (
    await database.db
      .insertInto("revisions")
      .values({
        lesson_slug: armenianLesson,
        language: "az",
        content: broken,
        content_hash: contentHash(broken),
        follows: null,
        author_id: editor.id,
        origin: "editor",
        status: "in_review",
        comment: null,
        decided_by: null,
        decided_at: null,
        created_at: timestampOf(new Date()),
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
});

afterAll(async () => {
  await database?.close();
});

describe("the review queue", () => {
  it("lists lessons by their title in the reader's language, with the language, +N / −M, the author and the date", async () => {
    const response = await request("armenianReviewer", "/hy/review");
    expect(response.status).toBe(200);
    const html = await response.text();
    const row = html.match(new RegExp(`<tr data-revision-id="${revisions.armenian}">[\\s\\S]*?</tr>`))?.[0];
    expect(row, "the Armenian revision is listed").toBeDefined();
    const armenianTitle = titleOf(await publishedText(database.db, armenianLesson, "hy"))!;
    expect(row).toContain(`lang="hy">${armenianTitle}</a>`);
    expect(row).not.toContain(`>${armenianLesson}<`);
    expect(visibleText(row!)).toContain("+1 / −1");
    expect(row).toContain("editor@review-ui.test");
    expect(row).toMatch(/Հայերեն/);
    // The Azerbaijani revision is listed by its Armenian title: the reader's language comes first.
    const azerbaijaniRow = html.match(new RegExp(`<tr data-revision-id="${revisions.broken}">[\\s\\S]*?</tr>`))![0];
    expect(azerbaijaniRow).toContain(`lang="hy">${armenianTitle}</a>`);
  });

  it("falls back to the title in the revision's language when the lesson has none in the reader's", async () => {
    // The Georgian reviewer reads the queue in English: the lesson is published in English.
    const html = await (await request("georgianReviewer", "/en/review")).text();
    const row = html.match(new RegExp(`<tr data-revision-id="${revisions.georgian}">[\\s\\S]*?</tr>`))![0];
    const englishTitle = titleOf(await publishedText(database.db, georgianLesson, "en"))!;
    expect(row).toContain(`lang="en">${englishTitle}</a>`);
    expect(visibleText(row)).toContain("+1 / −1");
    expect(visibleText(row)).toContain("1 word added, 1 word removed");
  });
});

describe("the revision page", () => {
  it("shows the whole-word diff first and the decision buttons after it", async () => {
    const html = await (await request("armenianReviewer", `/hy/review/${revisions.armenian}`)).text();
    expect(html).toContain("<del>առասպելները</del>");
    expect(html).toContain("<ins>առասպելներին</ins>");
    const diff = html.indexOf('class="review-diff"');
    const approve = html.indexOf('value="approve"');
    const requestChanges = html.indexOf('value="request-changes"');
    expect(diff).toBeGreaterThan(0);
    expect(approve).toBeGreaterThan(diff);
    expect(requestChanges).toBeGreaterThan(diff);
    // Side by side and inline are both rendered (CSS shows one): each with the whole word.
    expect(html.match(/<ins>առասպելներին<\/ins>/g)).toHaveLength(2);
    expect(html).toContain(`/hy/review/history/${armenianLesson}/hy`);
  });

  it("a disabled Approve button says why, next to it (aria-describedby)", async () => {
    const html = await (await request("armenianReviewer", `/hy/review/${revisions.broken}`)).text();
    const button = html.match(/<button[^>]*value="approve"[^>]*>/)![0];
    expect(button).toMatch(/ disabled=""/);
    expect(button).toContain('aria-describedby="approve-blocked"');
    const why = html.match(/<p id="approve-blocked"[^>]*>([\s\S]*?)<\/p>/)![1]!;
    expect(visibleText(why).trim().length).toBeGreaterThan(20);
    expect(html.indexOf('id="approve-blocked"')).toBeGreaterThan(html.indexOf('value="approve"'));
  });

  it("after approval, the revision still shows what it changed, never 'the same as the published one'", async () => {
    const approve = await request("georgianReviewer", `/ka/review/${revisions.georgian}`, { intent: "approve" });
    expect(approve.status).toBe(303);
    const html = await (await request("georgianReviewer", `/ka/review/${revisions.georgian}`)).text();
    expect(html).toContain("<del>სიტუაციებში</del>");
    expect(html).toContain("<ins>სიტუაციაში</ins>");
    expect(html).toMatch(/data-base="\d+" data-revision="\d+"/);
    expect(html).not.toMatch(/same as the published|გამოქვეყნებული ტექსტის იდენტურია/);
    // Decided: no buttons any more, the decision is on record.
    expect(html).not.toContain('value="approve"');
  });
});

describe("the history of a lesson language", () => {
  const path = `/hy/review/history/${armenianLesson}/hy`;

  it("answers 200 to a reviewer of that language and an administrator, 403 to another reviewer, 404 for what does not exist", async () => {
    expect((await request("armenianReviewer", path)).status).toBe(200);
    expect((await request("admin", path)).status).toBe(200);
    expect((await request("georgianReviewer", path)).status).toBe(403);
    expect((await request("anonymous", path)).status).toBe(302);
    expect((await request("armenianReviewer", `/hy/review/history/no-such-lesson/hy`)).status).toBe(404);
    expect((await request("armenianReviewer", `/hy/review/history/${armenianLesson}/xx`)).status).toBe(404);
  });

  it("lists every revision newest first with its status, author, decision, size and diff", async () => {
    const html = await (await request("armenianReviewer", path)).text();
    const entries = [...html.matchAll(/<li class="history-entry" data-revision-id="(\d+)" data-status="([a-z_]+)">/g)].map((match) => ({ id: Number(match[1]), status: match[2] }));
    expect(entries[0]).toEqual({ id: revisions.armenian, status: "in_review" });
    expect(entries.at(-1)!.status).toBe("approved");
    expect(entries.map((entry) => entry.id)).toEqual([...entries.map((entry) => entry.id)].sort((a, b) => b - a));
    const newest = html.slice(html.indexOf(`data-revision-id="${revisions.armenian}"`), html.indexOf("</li>", html.indexOf(`data-revision-id="${revisions.armenian}"`)));
    expect(newest).toContain("<details");
    expect(newest).toContain("<ins>առասպելներին</ins>");
    expect(visibleText(newest)).toContain("+1 / −1");
    expect(newest).toContain("editor@review-ui.test");
    // The first import: decided by no one, said in the reader's language (no English "system"), the whole text new.
    const oldest = html.slice(html.lastIndexOf('<li class="history-entry"'));
    const armenian = localeTexts("hy", "review") as { revision: Record<string, string>; history: Record<string, string> };
    expect(visibleText(oldest)).toContain(wordsBeforeDate(armenian.revision.decidedOnImport!));
    expect(visibleText(oldest)).toContain(armenian.history.fromFile!);
    expect(visibleText(oldest)).not.toMatch(/system|First import/);
    // Its own page says the same: imported from the lesson file, approved automatically with the first import.
    const oldestId = Number(oldest.match(/data-revision-id="(\d+)"/)![1]);
    const page = visibleText(await (await request("armenianReviewer", `/hy/review/${oldestId}`)).text());
    expect(page).toContain(wordsBeforeDate(armenian.revision.importedMeta!));
    expect(page).toContain(wordsBeforeDate(armenian.revision.decidedOnImport!));
    expect(page).not.toMatch(/system|First import/);
  });
});

describe("the status matrix", () => {
  it("says each cell's state in words, what is still live, the comment of a sent-back revision, and links to the history", async () => {
    const comment = "Qısa deyil: xülasəni əvvəlki kimi saxlayın, amma sonunda nöqtə olsun, mətni yenidən oxuyun və terminləri lüğətlə müqayisə edin.";
    expect((await request("armenianReviewer", `/hy/review/${revisions.sentBack}`, { intent: "request-changes", comment })).status).toBe(303);
    const html = await (await request("admin", "/en/review/status")).text();
    const row = html.match(new RegExp(`<tr data-slug="${armenianLesson}">[\\s\\S]*?</tr>`))![0];
    const cell = (language: string) => row.match(new RegExp(`<td[^>]*data-state="[a-z_]+"[^>]*>\\s*<span class="status-cell__language" lang="${language}">[\\s\\S]*?</td>`))![0];
    const armenianCell = cell("hy");
    expect(armenianCell).toContain('data-state="in_review"');
    expect(visibleText(armenianCell)).toMatch(/In review/);
    expect(visibleText(armenianCell)).toMatch(/Revision \d+ is still live/);
    expect(armenianCell).toContain(`href="/hy/lessons/${armenianLesson}"`);
    expect(armenianCell).toContain(`href="/en/review/history/${armenianLesson}/hy"`);

    const georgianRow = html.match(new RegExp(`<tr data-slug="${georgianLesson}">[\\s\\S]*?</tr>`))![0];
    const sentBack = georgianRow.match(/<td[^>]*data-state="changes_requested"[\s\S]*?<\/td>/)![0];
    expect(visibleText(sentBack)).toContain("Qısa deyil: xülasəni əvvəlki kimi saxlayın");
    expect(visibleText(sentBack)).toContain("…");
    expect(visibleText(sentBack)).toMatch(/is still live/);

    // A Georgian reviewer: no history link, nor comment, in languages they do not review.
    const asGeorgian = await (await request("georgianReviewer", "/en/review/status")).text();
    const theirRow = asGeorgian.match(new RegExp(`<tr data-slug="${georgianLesson}">[\\s\\S]*?</tr>`))![0];
    expect(theirRow).toContain(`/en/review/history/${georgianLesson}/ka"`);
    expect(theirRow).not.toContain(`/en/review/history/${georgianLesson}/az"`);
    expect(theirRow).not.toContain("Qısa deyil");
  });
});
