import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestLine, startServer, type ServerProcess } from "../support/server-process";

let server: ServerProcess;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.dispose();
});

/**
 * A request over a raw connection that the server closes after its answer: every byte received, the
 * status line and headers included, is a byte the server sent for this request.
 */
function get(url: string, method = "GET"): Promise<{ status: number; received: number }> {
  const { hostname, port, pathname, search } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(`${method} ${pathname}${search} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n\r\n`));
    const chunks: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("end", () => {
      const raw = Buffer.concat(chunks);
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(raw.toString("latin1", 0, 20))?.[1]), received: raw.length });
    });
    socket.on("error", reject);
  });
}

describe("the request log", () => {
  it("writes one JSON line per request with method, path, status, milliseconds and the bytes sent, headers included", async () => {
    const page = await get(`${server.url}/en/lessons`);
    const missing = await get(`${server.url}/en/no-such-page`);
    const head = await get(`${server.url}/robots.txt`, "HEAD");
    expect([page.status, missing.status, head.status]).toEqual([200, 404, 200]);

    const pageLine = await requestLine(server, "/en/lessons");
    expect(pageLine).toEqual({ event: "request", method: "GET", path: "/en/lessons", status: 200, milliseconds: expect.any(Number), bytes: page.received });
    expect(pageLine.milliseconds).toBeGreaterThanOrEqual(0);
    expect(await requestLine(server, "/en/no-such-page")).toMatchObject({ method: "GET", status: 404, bytes: missing.received });
    expect(await requestLine(server, "/robots.txt")).toMatchObject({ method: "HEAD", status: 200, bytes: head.received });
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
