// What students type, against the real lessons in each language. The "before" of issue 11 is in each
// test's name: these are the queries that found nothing, or something else, before.
import { describe, expect, it } from "vitest";
import type { Language } from "~/i18n/languages";
import { documentsIn, realIndex, searchableText, sorted } from "./real-lessons";

const search = (language: Language, query: string) => realIndex(language).search(query);

/** The lessons whose text has a word starting with this (case-insensitively): what a query must find. */
const lessonsWithWordStarting = (language: Language, start: string) =>
  documentsIn(language)
    .filter((document) => new RegExp(`(^|[^\\p{L}])${start}`, "iu").test(searchableText(document)))
    .map((document) => document.slug);

describe("Azerbaijani", () => {
  it("every case form of insan finds what insan finds (Insan and INSAN found nothing)", () => {
    const insan = search("az", "insan");
    expect(insan.length).toBeGreaterThan(0);
    for (const form of ["İnsan", "Insan", "INSAN", "İNSAN", "ınsan", "InSaN", "iNSAN"]) expect(search("az", form), form).toEqual(insan);
  });

  it("INTERNET and Internet find the internet lessons, as internet does (INTERNET found nothing)", () => {
    const internet = search("az", "internet");
    expect(internet).toContain("safe-online");
    for (const form of ["INTERNET", "Internet", "İnternet", "İNTERNET"]) expect(search("az", form), form).toEqual(internet);
  });

  it("words typed without Azerbaijani letters find what the words with them find (tehlukesiz found nothing)", () => {
    expect(search("az", "təhlükəsiz")).toContain("safe-online");
    expect(sorted(search("az", "tehlukesiz"))).toEqual(sorted(search("az", "təhlükəsiz")));
    expect(sorted(search("az", "TEHLUKESIZ"))).toEqual(sorted(search("az", "təhlükəsiz")));
  });

  it("qaynar xett finds the help-line lessons, as qaynar xətt does (it found nothing)", () => {
    expect(search("az", "qaynar xətt").length).toBeGreaterThan(0);
    expect(sorted(search("az", "qaynar xett"))).toEqual(sorted(search("az", "qaynar xətt")));
  });

  it("suffixes: alverçiləri and the diacritic-free alverci find the lessons on traffickers", () => {
    expect(search("az", "alverçiləri")).toContain("how-traffickers-recruit");
    expect(search("az", "alverci")).toContain("how-traffickers-recruit");
    expect(sorted(search("az", "istismarın"))).toEqual(sorted(search("az", "istismar")));
  });
});

describe("Georgian", () => {
  it("ინტერნეტი and ინტერნეტ find the same lessons, in the same order (ინტერნეტი found fewer)", () => {
    const stem = search("ka", "ინტერნეტ");
    expect(stem).toContain("safe-online");
    expect(search("ka", "ინტერნეტი")).toEqual(stem);
    expect(search("ka", "ინტერნეტში")).toEqual(stem);
    expect(search("ka", "ინტერნეტით")).toEqual(stem);
  });

  it("every form of უფლება (right) finds the same lessons", () => {
    const singular = search("ka", "უფლება");
    expect(singular).toContain("rights-and-help");
    for (const form of ["უფლებები", "უფლების", "უფლებებს"]) expect(search("ka", form), form).toEqual(singular);
  });

  it("Latin internet finds what ინტერნეტი finds (it found nothing)", () => {
    expect(search("ka", "internet")).toEqual(search("ka", "ინტერნეტი"));
    expect(search("ka", "INTERNET")).toEqual(search("ka", "ინტერნეტი"));
  });

  it("Latin trefikingi and ufleba (romanisation without apostrophes) find ტრეფიკინგი and უფლება", () => {
    expect(search("ka", "trefikingi")).toEqual(search("ka", "ტრეფიკინგი"));
    expect(search("ka", "ufleba")).toEqual(search("ka", "უფლება"));
    expect(search("ka", "cxeli xazi")).toEqual(search("ka", "ცხელი ხაზი"));
  });
});

describe("Armenian", () => {
  it("an ending does not change the lessons: համացանցը found 1, համացանց and համացանցում 2", () => {
    const stem = search("hy", "համացանց");
    expect(stem).toContain("safe-online");
    expect(search("hy", "համացանցը")).toEqual(stem);
    expect(search("hy", "համացանցում")).toEqual(stem);
    expect(search("hy", "իրավունքները")).toEqual(search("hy", "իրավունք"));
  });

  it("Latin-typed words find what the Armenian ones find: hamacanc, trafiqing, iravunqner (found nothing)", () => {
    expect(search("hy", "hamacanc")).toEqual(search("hy", "համացանց"));
    expect(search("hy", "hamacancum")).toEqual(search("hy", "համացանց"));
    expect(search("hy", "trafiqing")).toEqual(search("hy", "թրաֆիքինգ"));
    expect(search("hy", "iravunqner")).toEqual(search("hy", "իրավունքներ"));
  });
});

describe("English", () => {
  it("the misspelling trafiking finds the trafficking lessons (it found nothing)", () => {
    expect(sorted(search("en", "trafiking"))).toEqual(sorted(search("en", "trafficking")));
    expect(search("en", "trafiking")[0]).toBe("what-is-trafficking");
    expect(search("en", "groomng")).toEqual(["safe-online"]);
  });

  it("typos are forgiven only when the words as typed find nothing, and never in short words", () => {
    // "trafficking" is not stretched to other words two edits away; "fake" does not become make or take.
    expect(sorted(search("en", "trafficking"))).toEqual(sorted(lessonsWithWordStarting("en", "trafficking")));
    expect(sorted(search("en", "fake"))).toEqual(sorted(lessonsWithWordStarting("en", "fake")));
    expect(search("en", "zzzz")).toEqual([]);
  });

  it("needs every word: a lesson that has only some of them is not a match", () => {
    const online = lessonsWithWordStarting("en", "online");
    const employer = lessonsWithWordStarting("en", "employer");
    const both = online.filter((slug) => employer.includes(slug));
    expect(both.length).toBeGreaterThan(0);
    expect(both.length).toBeLessThan(new Set([...online, ...employer]).size);
    expect(sorted(search("en", "online employer"))).toEqual(sorted(both));
  });
});

describe("every site folds every form of I", () => {
  it("İ, I, ı and i find the same lessons in English, Georgian and Armenian too", () => {
    for (const language of ["en", "ka", "hy"] as const) {
      const plain = search(language, "internet");
      for (const form of ["INTERNET", "İnternet", "ınternet", "Internet"]) expect(search(language, form), `${language} ${form}`).toEqual(plain);
    }
  });
});
