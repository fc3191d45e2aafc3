import { describe, expect, it } from "vitest";
import { languageCookie, negotiateLanguage, pageLanguage } from "~/i18n/i18n.server";

function request(headers: Record<string, string> = {}) {
  return new Request("http://localhost/", { headers });
}

describe("language negotiation for /", () => {
  it("falls back to Georgian", async () => {
    expect(await negotiateLanguage(request())).toBe("ka");
    expect(await negotiateLanguage(request({ "Accept-Language": "fr-FR,fr;q=0.9" }))).toBe("ka");
  });

  it("follows Accept-Language, with its weights and regional variants", async () => {
    expect(await negotiateLanguage(request({ "Accept-Language": "hy-AM,hy;q=0.9,en;q=0.5" }))).toBe("hy");
    expect(await negotiateLanguage(request({ "Accept-Language": "az-Latn-AZ" }))).toBe("az");
    expect(await negotiateLanguage(request({ "Accept-Language": "de;q=0.9,en;q=0.8" }))).toBe("en");
  });

  it("puts the lng cookie before Accept-Language", async () => {
    const cookie = (await languageCookie.serialize("az")).split(";")[0]!;
    expect(await negotiateLanguage(request({ Cookie: cookie, "Accept-Language": "en" }))).toBe("az");
  });

  it("ignores a cookie that names no language of ours", async () => {
    const cookie = (await languageCookie.serialize("xx")).split(";")[0]!;
    expect(await negotiateLanguage(request({ Cookie: cookie, "Accept-Language": "hy" }))).toBe("hy");
  });

  it("uses the path's language on language-prefixed pages", async () => {
    expect(await pageLanguage(request({ "Accept-Language": "en" }), "az")).toBe("az");
    expect(await pageLanguage(request({ "Accept-Language": "en" }), "xx")).toBe("en");
  });
});
