import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { createHash } from "node:crypto";
import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase, migrateToLatest } from "~/db/database.server";
import { helpLine } from "~/layout/navigation";
import { openTestDatabase } from "../db/databases";
import { localeTexts } from "../support/locales";
import { relay } from "../support/relay";
import { freePort, startServer, type ServerProcess } from "../support/server-process";

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function start(environment: Record<string, string>): Promise<ServerProcess> {
  const server = await startServer(environment);
  cleanups.push(() => server.dispose());
  return server;
}

function unavailableStrings(language: string): { title: string; message: string } {
  const { error } = localeTexts(language, "common");
  return { title: error.unavailableTitle, message: error.unavailable };
}

async function expectUnavailablePage(response: Response, language: string) {
  expect(response.status).toBe(503);
  expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(response.headers.get("cache-control")).toBe("no-store");
  const html = await response.text();
  const { title, message } = unavailableStrings(language);
  expect(html).toContain(`<html lang="${language}"`);
  expect(html).toContain(`<h1>${title}</h1>`);
  expect(html).toContain(message);
  // Whoever came for help still finds the number.
  expect(html).toContain(helpLine.display);
}

describe("the database out of reach", () => {
  it("PostgreSQL unreachable at start: the server starts anyway; pages answer 503 in the reader's language with Retry-After, /healthz 503", async () => {
    const server = await start({ DATABASE_URL: "postgres://postgres@127.0.0.1:1/none" });
    expect(server.events()).toContainEqual(expect.objectContaining({ event: "database-unreachable", during: "start-up", error: expect.stringContaining("ECONNREFUSED") }));

    await expectUnavailablePage(await fetch(`${server.url}/ka/`), "ka");
    await expectUnavailablePage(await fetch(`${server.url}/hy/lessons`), "hy");
    await expectUnavailablePage(await fetch(`${server.url}/az/lessons/what-is-trafficking`), "az");

    // A download: the same words as plain text.
    const pdf = await fetch(`${server.url}/ka/books/student.pdf`);
    expect(pdf.status).toBe(503);
    expect(pdf.headers.get("retry-after")).not.toBeNull();
    expect(pdf.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await pdf.text()).toContain(unavailableStrings("ka").message);

    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(503);
    expect(health.headers.get("cache-control")).toBe("no-store");
    expect(await health.json()).toEqual({
      status: "degraded",
      database: { reachable: false, latencyMs: null },
      content: { loaded: false, lessons: 0, problems: 0, outdated: 0 },
      disk: expect.objectContaining({ nearlyFull: false }),
    });
    // Said once in the log, not with a stack trace per page.
    expect(server.output()).not.toMatch(/^\s+at /m);
    expect(server.child.exitCode).toBeNull();
  });

  it("SQLite locked by another process: 503 while it is, and the pages come back by themselves once it is free", async () => {
    const directory = mkdtempSync(path.join(tmpdir(), "portal-locked-"));
    cleanups.push(() => rmSync(directory, { recursive: true, force: true }));
    const url = path.join(directory, "portal.db");
    const handle = createDatabase(url);
    await migrateToLatest(handle.db);
    await handle.close();
    // Another process (a long import, a VACUUM) holds the write lock: every write of the server waits
    // busy_timeout (5 s), then fails with SQLITE_BUSY.
    // Each of the server's writes at start waits out busy_timeout before it fails: this test takes about a
    // minute on an idle machine, so its timeout leaves room for a busy one.
    const otherProcess = new SqliteDatabase(url);
    cleanups.push(() => {
      if (otherProcess.open) otherProcess.close();
    });
    otherProcess.exec("begin immediate");

    const server = await start({ DATABASE_URL: url });
    expect(server.events()).toContainEqual(expect.objectContaining({ event: "database-unreachable", during: "start-up", error: expect.stringContaining("SQLITE_BUSY") }));
    await expectUnavailablePage(await fetch(`${server.url}/en/`), "en");

    otherProcess.exec("rollback");
    const page = await fetch(`${server.url}/en/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("what-is-trafficking");
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  }, 120_000);
});

describe("a PDF issued while the database cannot be written", () => {
  it("is served anyway, and recorded for /verify once the database answers again", async () => {
    const directory = mkdtempSync(path.join(tmpdir(), "portal-unrecorded-"));
    cleanups.push(() => rmSync(directory, { recursive: true, force: true }));
    const url = path.join(directory, "portal.db");
    const server = await start({ DATABASE_URL: url });
    expect((await fetch(`${server.url}/en/lessons`)).status).toBe(200);
    // Another process holds the write lock: the server can read (WAL) but not record the PDF.
    const otherProcess = new SqliteDatabase(url);
    cleanups.push(() => {
      if (otherProcess.open) otherProcess.close();
    });
    otherProcess.exec("begin immediate");
    const pdf = await fetch(`${server.url}/en/lessons/safe-online/plan.pdf`);
    expect(pdf.status).toBe(200);
    const sha256 = createHash("sha256").update(Buffer.from(await pdf.arrayBuffer())).digest("hex");
    await server.waitForEvent((event) => event.event === "pdf-record-deferred");
    otherProcess.exec("rollback");
    // Within a few seconds the server records it by itself.
    let verdict = "";
    for (let attempt = 0; attempt < 40 && !verdict.includes('data-verdict="current"'); attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      verdict = await (await fetch(`${server.url}/verify/${sha256}`, { headers: { "Accept-Language": "en" } })).text();
    }
    expect(verdict).toContain('data-verdict="current"');
  }, 60_000);
});

const postgresUrl = process.env.TEST_DATABASE_URL?.trim() || undefined;

describe.skipIf(postgresUrl === undefined)("PostgreSQL going away and coming back (TEST_DATABASE_URL)", () => {
  it("503 until it answers, then pages by themselves; once loaded, public pages outlive an outage while sign-in and /healthz say 503", async () => {
    const database = await openTestDatabase("postgres");
    cleanups.push(() => database.dispose());
    const real = new URL(postgresUrl!);
    const port = await freePort();
    const postgres = relay(port, { host: real.hostname, port: Number(real.port || 5432) });
    cleanups.push(() => postgres.stop());
    const throughRelay = new URL(database.url);
    throughRelay.hostname = "127.0.0.1";
    throughRelay.port = String(port);

    const server = await start({ DATABASE_URL: throughRelay.toString() });
    await expectUnavailablePage(await fetch(`${server.url}/en/`), "en");

    await postgres.start();
    expect((await fetch(`${server.url}/en/`)).status).toBe(200);
    expect(await (await fetch(`${server.url}/healthz`)).json()).toMatchObject({ status: "ok", content: { loaded: true } });

    await postgres.stop();
    // The published catalogue is in memory: students keep reading, and downloading.
    expect((await fetch(`${server.url}/en/lessons/what-is-trafficking`)).status).toBe(200);
    const plan = await fetch(`${server.url}/en/lessons/what-is-trafficking/plan.pdf`);
    expect(plan.status).toBe(200);
    expect(Buffer.from(await plan.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: "degraded", database: { reachable: false }, content: { loaded: true } });
    // Signing in needs the database.
    const signIn = await fetch(`${server.url}/en/login`, {
      method: "POST",
      headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: "reviewer@outage.test", password: "whatever it is" }),
      redirect: "manual",
    });
    await expectUnavailablePage(signIn, "en");

    await postgres.start();
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  }, 60_000);
});
