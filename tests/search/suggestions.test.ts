import { describe, expect, it } from "vitest";
import type { Language } from "~/i18n/languages";
import { realIndex } from "./real-lessons";

const suggestions = (language: Language, query: string) => realIndex(language).suggestions(query);
const closest = (language: Language, text: string) => realIndex(language).closestLessons(text);

describe("a query that finds nothing suggests close words from the lessons", () => {
  it("every suggestion finds lessons", () => {
    for (const [language, query] of [["en", "trafiking zebra"], ["az", "muqavle zzzz"], ["ka", "ufleba zzzz"], ["en", "grooming campaign"]] as const) {
      expect(realIndex(language).search(query), query).toEqual([]);
      const offered = suggestions(language, query);
      expect(offered.length, query).toBeGreaterThan(0);
      for (const suggestion of offered) expect(realIndex(language).search(suggestion).length, suggestion).toBeGreaterThan(0);
    }
  });

  it("en: a misspelt word is offered corrected, and a word the lessons lack is left out", () => {
    expect(suggestions("en", "trafiking zebra")).toEqual(["trafficking"]);
    expect(suggestions("en", "exploitaiton zzzz")).toEqual(["exploitation"]);
  });

  it("az: as the lessons spell it, with the Azerbaijani letters", () => {
    expect(suggestions("az", "muqavle zzzz")).toEqual(["müqavilə"]);
  });

  it("ka: a Latin-typed word in Georgian script", () => {
    expect(suggestions("ka", "ufleba zzzz")).toEqual(["უფლება"]);
  });

  it("hy: the closest word of the lessons", () => {
    expect(suggestions("hy", "համացանկ zzzz")[0]).toMatch(/^համացանց/);
  });

  it("words that each find lessons, but no lesson together, are offered one by one", () => {
    expect(suggestions("en", "grooming campaign")).toEqual(["grooming", "campaign"]);
  });

  it("nothing close, nothing offered", () => {
    expect(suggestions("en", "zzzz qqqq")).toEqual([]);
    expect(suggestions("en", "  ?! ")).toEqual([]);
  });
});

describe("closestLessons: the lessons whose slug or title is closest to a mistyped path segment", () => {
  it("a slug with a letter missing, in the wrong case or with underscores", () => {
    expect(closest("en", "safe-onlin")[0]).toBe("safe-online");
    expect(closest("ka", "Safe_Online")[0]).toBe("safe-online");
    expect(closest("en", "what-is-traffiking")[0]).toBe("what-is-trafficking");
    expect(closest("en", "myth-and-fact")[0]).toBe("myths-and-facts");
  });

  it("one word of a slug, on any site", () => {
    for (const language of ["ka", "hy", "az", "en"] as const) expect(closest(language, "trafficking")[0], language).toBe("what-is-trafficking");
    expect(closest("en", "migrating")[0]).toBe("safe-migration");
  });

  it("words of a title in the site's language, or typed in Latin letters", () => {
    expect(closest("ka", "ტრეფიკინგი")[0]).toBe("what-is-trafficking");
    expect(closest("az", "insan-alveri")[0]).toBe("what-is-trafficking");
    expect(closest("ka", "uflebebi")[0]).toBe("rights-and-help");
    expect(closest("hy", "iravunqner")[0]).toBe("rights-and-help");
  });

  it("leaves out lessons that share only a small word, and answers nothing for nonsense", () => {
    expect(closest("en", "myth-and-fact")).toEqual(["myths-and-facts"]);
    expect(closest("en", "xyzzy")).toEqual([]);
    expect(closest("en", "")).toEqual([]);
  });
});
