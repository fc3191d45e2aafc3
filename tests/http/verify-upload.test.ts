// /<lng>/verify: a teacher checks a PDF without knowing what a SHA-256 is. Without JavaScript the file is
// uploaded, hashed as it streams and never kept; a typed fingerprint works too; bad input is a 4xx in
// the page's language.
import { createHash } from "node:crypto";
import { request as httpRequest } from "node:http";
import { describe, expect, inject, it } from "vitest";

const baseUrl = inject("baseUrl");

function upload(language: string, fields: Record<string, Blob | string>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === "string") form.set(name, value);
    else form.set(name, value, "lesson.pdf");
  }
  return fetch(`${baseUrl}/${language}/verify`, { method: "POST", body: form, redirect: "manual", headers: { Origin: baseUrl } });
}

describe("/<lng>/verify", () => {
  it("offers a file field and, with JavaScript, hashes in the browser (its script allowed by hash)", async () => {
    const response = await fetch(`${baseUrl}/hy/verify`);
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toContain('<html lang="hy"');
    expect(body).toMatch(/encType="multipart\/form-data"/i);
    expect(body).toContain('name="pdf" type="file"');
    expect(body).toContain("crypto.subtle.digest");
  });

  it("hashes an uploaded PDF on the server and leads to its verdict", async () => {
    const pdf = Buffer.from(await (await fetch(`${baseUrl}/ka/lessons/safe-online/handout.pdf`)).arrayBuffer());
    const sha256 = createHash("sha256").update(pdf).digest("hex");
    const response = await upload("ka", { pdf: new Blob([pdf], { type: "application/pdf" }) });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/verify/${sha256}?lng=ka`);
    const verdict = await (await fetch(`${baseUrl}${response.headers.get("location")}`)).text();
    expect(verdict).toContain('<html lang="ka"');
    expect(verdict).toContain('data-verdict="current"');
  });

  it("takes a typed fingerprint, in capitals too", async () => {
    const sha256 = "ab".repeat(32);
    const response = await upload("en", { sha256: sha256.toUpperCase() });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/verify/${sha256}?lng=en`);
  });

  it("answers a file that is not a PDF, nothing at all, or a malformed fingerprint with 400 in the page's language", async () => {
    const notPdf = await upload("az", { pdf: new Blob(["hello"], { type: "text/plain" }) });
    expect(notPdf.status).toBe(400);
    expect(await notPdf.text()).toContain('role="alert"');
    const nothing = await upload("en", {});
    expect(nothing.status).toBe(400);
    expect(await nothing.text()).toContain("Choose a PDF file, or type its fingerprint.");
    const malformed = await upload("en", { sha256: "not a hash" });
    expect(malformed.status).toBe(400);
    const wrongType = await fetch(`${baseUrl}/en/verify`, { method: "POST", body: new URLSearchParams({ sha256: "ab".repeat(32) }), headers: { Origin: baseUrl } });
    expect(wrongType.status).toBe(415);
  });

  it("refuses a body over its limit before reading it (413), and the ordinary limit holds elsewhere", async () => {
    const refused = (path: string, length: number) =>
      new Promise<number>((resolve, reject) => {
        const url = new URL(path, baseUrl);
        const outgoing = httpRequest(
          { host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { "Content-Type": "multipart/form-data; boundary=x", "Content-Length": String(length), Origin: baseUrl } },
          (response) => {
            response.resume();
            resolve(response.statusCode ?? 0);
          },
        );
        outgoing.on("error", reject);
        outgoing.end();
      });
    expect(await refused("/ka/verify", 40 * 1024 * 1024)).toBe(413);
    expect(await refused("/ka/lessons/safe-online", 5 * 1024 * 1024)).toBe(413);
  });
});
