// Typesetting runs in a bounded pool of worker threads: a burst of new packs never holds the pages up,
// and when every worker is busy and the queue is full the answer is 503 with Retry-After, in the
// reader's language. One worker and a queue of one make the limit easy to reach.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type ServerProcess } from "../support/server-process";

let server: ServerProcess;
beforeAll(async () => {
  server = await startServer({ PDF_WORKERS: "1", PDF_QUEUE: "1" });
}, 60_000);
afterAll(() => server?.dispose());

const slugs = ["what-is-trafficking", "forms-of-exploitation", "how-traffickers-recruit", "safe-migration", "safe-online", "myths-and-facts", "rights-and-help", "awareness-campaign"];

describe("the typesetting pool", () => {
  it("answers a burst of new packs with PDFs or 503 + Retry-After in the reader's language, while pages keep answering", async () => {
    // Eight distinct packs (never typeset before), all at once, in Armenian.
    let settled = 0;
    const packs = slugs.map((_, index) =>
      fetch(`${server.url}/hy/packs/pack.pdf?lessons=${slugs.slice(0, index + 1).join(",")}&parts=plan,handout&copies=${10 + index}`).finally(() => {
        settled += 1;
      }),
    );
    // Meanwhile a page that is not stored yet is rendered at once, not queued behind the PDFs: when it
    // arrives, packs are still being typeset.
    const page = await fetch(`${server.url}/hy/lessons/safe-online`);
    expect(page.status).toBe(200);
    expect(settled).toBeLessThan(slugs.length);
    const answers = await Promise.all(packs);
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(1);
    const busy = answers.filter((answer) => answer.status === 503);
    expect(busy.length).toBeGreaterThanOrEqual(1);
    for (const answer of busy) {
      expect(answer.headers.get("retry-after")).toBe("30");
      expect(answer.headers.get("cache-control")).toBe("no-store");
      expect(await answer.text()).toContain("Այս պահին շատ փաստաթղթեր են պատրաստվում");
    }
    for (const answer of answers.filter((each) => each.status === 200)) {
      expect(answer.headers.get("content-type")).toBe("application/pdf");
      expect(Buffer.from(await answer.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
    }
    // The server is still whole: the same pack asked again later is typeset and served.
    const again = await fetch(`${server.url}/hy/packs/pack.pdf?lessons=${slugs[0]}&parts=plan,handout&copies=10`);
    expect(again.status).toBe(200);
  }, 120_000);
});

describe("a document larger than a worker's memory", () => {
  let small: ServerProcess;
  beforeAll(async () => {
    // The largest Armenian pack needs between 48 and 64 MB of a worker's heap since engine 7 (a line is
    // one run, decision 014): half of the lower bound, so that the document is surely too large.
    small = await startServer({ PDF_WORKERS: "1", PDF_WORKER_MEMORY_MB: "24" });
  }, 60_000);
  afterAll(() => small?.dispose());

  it("is answered 422 in the reader's language, never 500, and the server goes on", async () => {
    const pack = await fetch(`${small.url}/hy/packs/pack.pdf?lessons=${slugs.join(",")}&parts=plan,handout&copies=40`);
    expect(pack.status).toBe(422);
    expect(pack.headers.get("cache-control")).toBe("no-store");
    expect(await pack.text()).toContain("Այս փաստաթուղթը չափազանց մեծ է");
    expect((await fetch(`${small.url}/hy/lessons/safe-online`)).status).toBe(200);
    expect((await fetch(`${small.url}/healthz`)).status).toBe(200);
  }, 120_000);
});
