// The service worker's rules of what may be stored, run as the browser runs the script: its source in a
// context of its own, with the web's Request/Response and a `self` at the portal's origin.
import { readFileSync } from "node:fs";
import path from "node:path";
import { createContext, runInContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { languages } from "~/i18n/languages";

const source = readFileSync(path.resolve(import.meta.dirname, "../../app/offline/service-worker.js"), "utf8");
const origin = "https://lessons.example.ge";
const listeners: Record<string, unknown> = {};
const worker = createContext({
  self: { location: new URL(origin), navigator: { languages: ["tr-TR", "en"] }, addEventListener: (type: string, listener: unknown) => (listeners[type] = listener) },
  URL,
  Response,
  Request,
  Headers,
  Map,
  Set,
  Promise,
  JSON,
});
runInContext(source, worker);
const rules = worker as unknown as {
  mayStore(url: URL, response: Response): boolean;
  isPrivatePath(pathname: string): boolean;
  preferredLanguages(): string[];
};

/** A response as the worker gets it from the network: type "basic", as Node's constructor cannot set. */
function answer(headers: Record<string, string>, status = 200, type: ResponseType = "basic"): Response {
  const response = new Response("<p>x</p>", { status, headers: { "Content-Type": "text/html; charset=utf-8", ...headers } });
  Object.defineProperty(response, "type", { value: type });
  return response;
}
const publicPage = { "Cache-Control": "public, max-age=0, must-revalidate, s-maxage=60, stale-while-revalidate=86400" };

describe("what the service worker may store", () => {
  it("listens for install, activate, fetch and messages", () => {
    expect(Object.keys(listeners).sort()).toEqual(["activate", "fetch", "install", "message"]);
  });

  it("stores a public page of the site, its assets and its PDFs", () => {
    expect(rules.mayStore(new URL(`${origin}/ka/lessons/safe-online`), answer(publicPage))).toBe(true);
    expect(rules.mayStore(new URL(`${origin}/assets/app-x.css`), answer({ "Cache-Control": "public, max-age=31536000, immutable" }))).toBe(true);
    expect(rules.mayStore(new URL(`${origin}/ka/lessons/safe-online/plan.pdf`), answer({ "Cache-Control": "public, max-age=300, s-maxage=3600" }))).toBe(true);
  });

  it("never stores what is private, no-store, unmarked, cookie-dependent, partial, redirected or another site's", () => {
    const page = new URL(`${origin}/ka/lessons/safe-online`);
    expect(rules.mayStore(page, answer({ "Cache-Control": "private, no-store" }))).toBe(false);
    expect(rules.mayStore(page, answer({ "Cache-Control": "public, no-store" }))).toBe(false);
    expect(rules.mayStore(page, answer({}))).toBe(false);
    expect(rules.mayStore(page, answer({ ...publicPage, Vary: "Cookie, Accept-Language" }))).toBe(false);
    expect(rules.mayStore(page, answer({ ...publicPage, "Set-Cookie": "lng=ka" }))).toBe(false);
    expect(rules.mayStore(page, answer(publicPage, 404))).toBe(false);
    expect(rules.mayStore(page, answer(publicPage, 200, "opaque"))).toBe(false);
    expect(rules.mayStore(new URL("https://elsewhere.example/ka/lessons/safe-online"), answer(publicPage))).toBe(false);
  });

  it("never stores an address with a query: what a student searched for stays off the device", () => {
    expect(rules.mayStore(new URL(`${origin}/ka/lessons?q=trafficking`), answer(publicPage))).toBe(false);
  });

  it("keeps away from staff pages, sign-in and what needs the server, even if one said public", () => {
    for (const pathname of ["/ka/login", "/en/logout", "/ka/review", "/ka/review/12", "/ka/edit/safe-online/ka", "/ka/account", "/ka/verify", "/verify/ab12", "/ka/packs", "/ka/packs/pack.pdf", "/language/ka", "/healthz", "/sw.js"]) {
      expect(rules.isPrivatePath(pathname), pathname).toBe(true);
      expect(rules.mayStore(new URL(origin + pathname), answer(publicPage)), pathname).toBe(false);
    }
    for (const pathname of ["/ka/", "/ka/lessons", "/ka/help", "/ka/offline", "/ka/offline/not-saved", "/assets/app.css", "/ka/lessons/login-safety"]) expect(rules.isPrivatePath(pathname), pathname).toBe(false);
  });

  it("answers an address without a language in the browser's language, Turkish read as Azerbaijani", () => {
    expect(rules.preferredLanguages()).toEqual(["az", "en", "ka", "hy"]);
  });

  it("knows the portal's languages, and keeps away from the staff pages of each (the script cannot import them)", () => {
    expect([...rules.preferredLanguages()].sort()).toEqual([...languages].sort());
    for (const language of languages) expect(rules.isPrivatePath(`/${language}/review`), language).toBe(true);
  });
});
