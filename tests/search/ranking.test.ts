import { describe, expect, it } from "vitest";
import type { LessonDocument } from "~/content/document";
import type { Language } from "~/i18n/languages";
import { searchWords } from "~/search/folding";
import { buildSearchIndex } from "~/search/search";
import { documentsIn, realIndex, searchableText } from "./real-lessons";

/** How often a word occurs in a lesson's text, its title left out. */
function timesInText(document: LessonDocument, word: string): number {
  const language = document.language;
  const text = searchableText(document).slice(document.title.length);
  return searchWords(text, language).filter((each) => each === searchWords(word, language)[0]).length;
}

describe("titles weigh more than body text", () => {
  const titleWords: [Language, string, string][] = [
    ["en", "online", "safe-online"],
    ["en", "myths", "myths-and-facts"],
    ["en", "abroad", "safe-migration"],
    ["az", "istismar", "forms-of-exploitation"],
    ["az", "miqrasiya", "safe-migration"],
    ["az", "hüquqlar", "rights-and-help"],
    ["ka", "ექსპლუატაცია", "forms-of-exploitation"],
    ["ka", "მიგრაცია", "safe-migration"],
    ["ka", "ინტერნეტი", "safe-online"],
    ["hy", "իրավունքներ", "rights-and-help"],
    ["hy", "առասպելներ", "myths-and-facts"],
    ["hy", "համացանց", "safe-online"],
  ];
  for (const [language, word, slug] of titleWords) {
    it(`${language}: "${word}" lists ${slug}, whose title has it, first`, () => {
      expect(realIndex(language).search(word)[0]).toBe(slug);
    });
  }

  // Words that another lesson's text uses more often than the lesson with the word in its title.
  const outnumbered: [Language, string, string][] = [
    ["hy", "աշխատանք", "safe-migration"],
    ["hy", "մարդավաճառները", "how-traffickers-recruit"],
    ["ka", "ფორმები", "forms-of-exploitation"],
    ["az", "cəlb", "how-traffickers-recruit"],
  ];
  for (const [language, word, slug] of outnumbered) {
    it(`${language}: "${word}" in the title of ${slug} outweighs more of it in another lesson's text`, () => {
      const documents = documentsIn(language);
      const own = timesInText(documents.find((document) => document.slug === slug)!, word);
      expect(Math.max(...documents.map((document) => timesInText(document, word)))).toBeGreaterThan(own);
      expect(realIndex(language).search(word)[0]).toBe(slug);
    });
  }
});

describe("exact matches rank above diacritic-free ones", () => {
  // Two real Azerbaijani lessons, given texts in which şer (a poem) and şər (evil) differ only by ə.
  const [first, second] = documentsIn("az");
  const lesson = (document: LessonDocument, slug: string, title: string): LessonDocument => ({
    ...document,
    slug,
    title,
    summary: "",
    reading: [],
    activities: [],
    discussion: [],
  });
  const index = buildSearchIndex("az", [lesson(first!, "poem", "Şer gecəsi"), lesson(second!, "evil", "Şər, şər və yenə şər")]);

  it("şer finds the poem first, though the other title has şər three times", () => {
    expect(index.search("şer")).toEqual(["poem", "evil"]);
  });

  it("şər finds the evil first", () => {
    expect(index.search("şər")).toEqual(["evil", "poem"]);
  });

  it("ser, typed without Azerbaijani letters, finds both, the more frequent first", () => {
    expect(index.search("ser")).toEqual(["evil", "poem"]);
  });
});
