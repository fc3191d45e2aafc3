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

// Every lesson's plan and handout, each handout 40 times: the largest pack there is (under 1 MB since
// copies share their pages), more than a loopback connection's socket buffers usually hold, so the
// server may still be writing when the client goes (and the test holds either way).
const bigPack = "/en/packs/pack.pdf?lessons=what-is-trafficking,how-traffickers-recruit,forms-of-exploitation,safe-migration,safe-online,myths-and-facts,rights-and-help,awareness-campaign&parts=plan,handout&copies=40";

/** Sends a GET on a raw socket and destroys the socket `when` says; resolves with the bytes received. */
function requestAndHangUp(pathAndQuery: string, when: "after the first bytes" | "before any byte"): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, "127.0.0.1");
    let received = 0;
    socket.on("connect", () => {
      socket.write(`GET ${pathAndQuery} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
      if (when === "before any byte") {
        setTimeout(() => {
          socket.destroy();
          resolve(received);
        }, 50);
      }
    });
    socket.on("data", (chunk: Buffer) => {
      received += chunk.length;
      if (when === "after the first bytes") {
        socket.destroy();
        resolve(received);
      }
    });
    socket.on("error", reject);
  });
}

async function expectServerStillServes() {
  expect(server.child.exitCode).toBeNull();
  const health = await fetch(`${server.url}/healthz`);
  expect(health.status).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok" });
}

describe("a client that disconnects during a PDF download", () => {
  it("after the first bytes of a large pack: the server logs it (aborted while it was still writing), stays up, answers /healthz 200 and serves the same PDF whole", async () => {
    const received = await requestAndHangUp(bigPack, "after the first bytes");
    expect(received).toBeGreaterThan(0);
    const line = await requestLine(server, "/en/packs/pack.pdf");
    expect(line).toMatchObject({ status: 200 });
    // Whatever the kernel's buffers took counts as sent; a response cut short of that is marked.
    if (line.aborted !== true) expect(Number(line.bytes)).toBeGreaterThan(received);
    await expectServerStillServes();

    const whole = await fetch(`${server.url}${bigPack}`);
    expect(whole.status).toBe(200);
    const body = Buffer.from(await whole.arrayBuffer());
    expect(body.length).toBe(Number(whole.headers.get("content-length")));
    expect(body.length).toBeGreaterThan(500_000);
    expect(body.subarray(-8).toString()).toContain("%%EOF");
    expect(server.output()).not.toMatch(/uncaught|unhandled|EPIPE|ECONNRESET/i);
  }, 60_000);

  it("before the first byte, while the PDF is typeset: the typesetting finishes, the server stays up and answers /healthz 200", async () => {
    const path = "/ka/books/teacher.pdf";
    expect(await requestAndHangUp(path, "before any byte")).toBe(0);
    expect(await requestLine(server, path)).toMatchObject({ aborted: true });
    await expectServerStillServes();
    const again = await fetch(`${server.url}${path}`);
    expect(again.status).toBe(200);
    // Typeset once for the client that left, and kept: the next one is served from the cache.
    expect(again.headers.get("x-pdf-cache")).not.toBe("typeset");
    await expectServerStillServes();
    expect(server.output()).not.toMatch(/uncaught|unhandled|EPIPE|ECONNRESET/i);
  }, 60_000);
});
