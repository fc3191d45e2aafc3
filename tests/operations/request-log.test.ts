import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestLine, startServer, type ServerProcess } from "../support/server-process";

let server: ServerProcess;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.dispose();
});

/** A plain GET without Accept-Encoding, so that the body received is the body sent. */
function get(url: string, method = "GET"): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { method, headers: { Connection: "close" } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode!, body: Buffer.concat(chunks) }));
      response.on("error", reject);
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}

describe("the request log", () => {
  it("writes one JSON line per request with method, path, status, milliseconds and the bytes sent", async () => {
    const page = await get(`${server.url}/en/lessons`);
    const missing = await get(`${server.url}/en/no-such-page`);
    const head = await get(`${server.url}/robots.txt`, "HEAD");
    expect([page.status, missing.status, head.status]).toEqual([200, 404, 200]);

    const pageLine = await requestLine(server, "/en/lessons");
    expect(pageLine).toEqual({ event: "request", method: "GET", path: "/en/lessons", status: 200, milliseconds: expect.any(Number), bytes: page.body.length });
    expect(pageLine.milliseconds).toBeGreaterThanOrEqual(0);
    expect(await requestLine(server, "/en/no-such-page")).toMatchObject({ method: "GET", status: 404, bytes: missing.body.length });
    expect(await requestLine(server, "/robots.txt")).toMatchObject({ method: "HEAD", status: 200, bytes: 0 });
    for (const pathname of ["/en/lessons", "/en/no-such-page", "/robots.txt"]) {
      expect(server.events().filter((event) => event.event === "request" && event.path === pathname), pathname).toHaveLength(1);
    }
  });

  it("leaves the query string out: what a student searched for is never logged", async () => {
    const search = "my-uncle-offers-a-job-abroad";
    const response = await get(`${server.url}/ka/lessons?q=${search}&grade=9`);
    expect(response.status).toBe(200);
    const line = await server.waitForEvent((event) => event.event === "request" && String(event.path).startsWith("/ka/lessons"));
    expect(line).toMatchObject({ method: "GET", path: "/ka/lessons", status: 200 });
    expect(server.output()).not.toContain(search);
    expect(server.output()).not.toContain("grade=9");
  });
});
