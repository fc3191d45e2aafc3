import { existsSync } from "node:fs";
import { Agent, request as httpRequest, type IncomingMessage } from "node:http";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { afterAll, describe, expect, it } from "vitest";
import { startServer, type ServerProcess } from "../support/server-process";

const servers: ServerProcess[] = [];
afterAll(async () => {
  for (const server of servers) await server.dispose();
});

function get(url: string, agent: Agent): Promise<{ response: IncomingMessage; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ response, body: Buffer.concat(chunks) }));
      response.on("error", reject);
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}

describe("graceful shutdown", () => {
  it("SIGTERM while a first-time PDF is typeset: the PDF still arrives whole with 200, no new connection is taken, the database is closed and the exit code is 0", async () => {
    const server = await startServer();
    servers.push(server);
    // One keep-alive connection, opened beforehand: the PDF request then certainly reaches the server
    // before the signal, however the two race on this machine.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    expect((await get(`${server.url}/robots.txt`, agent)).response.statusCode).toBe(200);

    const started = performance.now();
    let sentAt = 0;
    const download = new Promise<{ response: IncomingMessage; body: Buffer }>((resolve, reject) => {
      const outgoing = httpRequest(`${server.url}/ka/books/student.pdf`, { agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ response, body: Buffer.concat(chunks) }));
        response.on("error", reject);
      });
      outgoing.on("finish", () => (sentAt = performance.now()));
      outgoing.on("error", reject);
      outgoing.end();
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sentAt).toBeGreaterThan(0);
    server.child.kill("SIGTERM");
    await server.waitForEvent((event) => event.event === "shutdown");
    // The listening socket is closed as soon as the signal is handled.
    await expect(fetch(`${server.url}/robots.txt`)).rejects.toThrow();

    const { response, body } = await download;
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    // Typeset for this request, which was therefore in flight when the signal came.
    expect(response.headers["x-pdf-cache"]).toBe("typeset");
    expect(body.length).toBe(Number(response.headers["content-length"]));
    expect(body.subarray(0, 5).toString()).toBe("%PDF-");
    expect(body.subarray(-8).toString()).toContain("%%EOF");
    const pdf = await PDFDocument.load(body);
    expect(pdf.getPageCount()).toBe(Number(response.headers["x-pdf-pages"]));

    expect(await server.exited).toBe(0);
    const order = server.events().map((event) => (event.event === "request" ? `request ${String(event.path)}` : event.event));
    expect(order.slice(order.indexOf("shutdown"))).toEqual(["shutdown", "request /ka/books/student.pdf", "stopped"]);
    // SQLite folds the WAL back into the database and deletes it when the last connection closes.
    expect(existsSync(path.join(server.directory, "portal.db-wal")), "portal.db-wal is left: the database was not closed").toBe(false);
    expect(performance.now() - started).toBeLessThan(10_000);
    agent.destroy();
  });

  it("SIGINT with only idle keep-alive connections open: exits 0 at once, without waiting for them to time out", async () => {
    const server = await startServer();
    servers.push(server);
    const agent = new Agent({ keepAlive: true });
    expect((await get(`${server.url}/en/`, agent)).response.statusCode).toBe(200);
    const signalled = performance.now();
    server.child.kill("SIGINT");
    expect(await server.exited).toBe(0);
    // Node's keep-alive timeout is 5 s: an idle connection left open would hold the exit that long.
    expect(performance.now() - signalled).toBeLessThan(2_000);
    expect(server.events().map((event) => event.event).slice(-2)).toEqual(["shutdown", "stopped"]);
    agent.destroy();
  });
});
