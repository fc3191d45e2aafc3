// What outside checks found wrong in the responses themselves: each case below failed before its fix.
import { connect } from "node:net";
import { describe, expect, inject, it } from "vitest";

const baseUrl = inject("baseUrl");

function get(path: string, init: RequestInit = {}) {
  return fetch(baseUrl + path, { redirect: "manual", ...init });
}

/** A request with a method fetch will not send (TRACE), over a raw connection. */
function rawRequest(method: string, path: string): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(`${method} ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n\r\n`));
    const chunks: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]), text });
    });
    socket.on("error", reject);
  });
}

describe("every kind of response", () => {
  it("carries nosniff and frame protection: pages, PDFs, static files, the sitemap, robots.txt, redirects and the guards' answers", async () => {
    const responses = {
      page: await get("/en/help"),
      pdf: await get("/en/lessons/safe-online/handout.pdf"),
      favicon: await get("/favicon.svg"),
      sitemap: await get("/sitemap.xml"),
      robots: await get("/robots.txt"),
      redirect: await get("/"),
      guard: await get(`/en/${"x".repeat(3000)}`),
      notFound: await get("/en/no-such-page"),
    };
    for (const [kind, response] of Object.entries(responses)) {
      expect(response.headers.get("x-content-type-options"), kind).toBe("nosniff");
      expect(response.headers.get("x-frame-options"), kind).toBe("DENY");
      expect(response.headers.get("referrer-policy"), kind).toBe("same-origin");
    }
    expect(responses.guard.status).toBe(414);
    expect(responses.redirect.status).toBe(302);
  });

  it("says its language: Content-Language on every page", async () => {
    for (const language of ["ka", "hy", "az", "en"]) {
      expect((await get(`/${language}/lessons`)).headers.get("content-language")).toBe(language);
    }
  });

  it("answers HEAD on a public page with the validators of GET, and a 304 when they match", async () => {
    const head = await get("/az/lessons/safe-online", { method: "HEAD" });
    expect(head.status).toBe(200);
    const etag = head.headers.get("etag");
    expect(etag).toMatch(/^W\/".+"$/);
    expect(head.headers.get("cache-control")).toMatch(/^public, /);
    const second = await get("/az/lessons/safe-online", { method: "HEAD", headers: { "If-None-Match": etag! } });
    expect(second.status).toBe(304);
    expect((await get("/az/lessons/safe-online")).headers.get("etag")).toBe(etag);
  });

  it("puts the 404 page's title in the head, not in the body", async () => {
    const response = await get("/hy/no-such-page");
    expect(response.status).toBe(404);
    const html = await response.text();
    const head = html.slice(0, html.indexOf("</head>"));
    const body = html.slice(html.indexOf("<body"));
    expect(head).toMatch(/<title>[^<]+<\/title>/);
    expect(body).not.toContain("<title>");
  });

  it("lists x-default in the sitemap's alternates, as the pages do", async () => {
    const sitemap = await (await get("/sitemap.xml")).text();
    expect(sitemap).toContain(`<xhtml:link rel="alternate" hreflang="x-default" href="${baseUrl}/ka/lessons/safe-online"/>`);
    const urls = sitemap.match(/<url>/g)!.length;
    expect(sitemap.match(/hreflang="x-default"/g)!.length).toBe(urls);
  });
});

describe("malformed requests get a 4xx in the reader's language, never a 500", () => {
  it("TRACE and other methods: 405 with Allow", async () => {
    const trace = await rawRequest("TRACE", "/hy/");
    expect(trace.status).toBe(405);
    expect(trace.text).toMatch(/allow: GET, HEAD, POST/i);
    expect(trace.text).toContain("Հարցումը հնարավոր չեղավ մշակել");
    expect((await rawRequest("DELETE", "/en/lessons")).status).toBe(405);
  });

  it("a text/plain or JSON body posted to a form: 415; a broken multipart body: 400", async () => {
    const post = (path: string, type: string, body: string) => get(path, { method: "POST", headers: { "Content-Type": type, Origin: baseUrl }, body });
    expect((await post("/en/login", "text/plain", "email=a")).status).toBe(415);
    expect((await post("/en/login", "application/json", '{"email":"a"}')).status).toBe(415);
    expect((await post("/ka/lessons/safe-online", "text/plain", "answer-0=1")).status).toBe(415);
    const broken = await post("/ka/lessons/safe-online", "multipart/form-data; boundary=xyz", "garbage");
    expect(broken.status).toBe(400);
    expect(await broken.text()).toContain('<html lang="ka"');
  });

  it("a next parameter holding CR/LF or a character outside Latin-1: 400 in the chosen language", async () => {
    const crlf = await get(`/language/hy?next=${encodeURIComponent("/hy/\r\nX-Evil: 1")}`);
    expect(crlf.status).toBe(400);
    expect(crlf.headers.get("x-evil")).toBeNull();
    expect(await crlf.text()).toContain("Հարցումը հնարավոր չեղավ մշակել");
    expect((await get(`/language/en?next=${encodeURIComponent("/en/ა")}`)).status).toBe(400);
    // The sign-in page ignores such a next and goes to the queue instead.
    const login = await get(`/en/login?next=${encodeURIComponent("/en/review\r\n")}`);
    expect(login.status).toBe(200);
  });
});

describe("request bodies and slow clients", () => {
  it("a chunked body (no length) posted to a form is refused with 411 before it is read", async () => {
    const { hostname, port } = new URL(baseUrl);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => {
        socket.write(`POST /en/login HTTP/1.1\r\nHost: ${hostname}:${port}\r\nOrigin: ${baseUrl}\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n`);
        socket.write("10000\r\n" + "x".repeat(0x10000) + "\r\n");
      });
      let text = "";
      socket.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
      socket.on("close", () => resolve(text));
      socket.on("error", () => resolve(text));
      setTimeout(() => reject(new Error("no answer")), 10_000);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 411/);
  });

  it("a client that never finishes its headers is cut off within half a minute, not five", async () => {
    const { hostname, port } = new URL(baseUrl);
    const started = Date.now();
    await new Promise<void>((resolve) => {
      const socket = connect(Number(port), hostname, () => socket.write(`GET /en/ HTTP/1.1\r\nHost: ${hostname}:${port}\r\n`));
      socket.resume(); // read the 408 the server sends, so that its closing reaches us
      socket.on("close", () => resolve());
      socket.on("error", () => resolve());
    });
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 40_000);
});
