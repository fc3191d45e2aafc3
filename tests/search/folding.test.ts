import { describe, expect, it } from "vitest";
import { checkCurriculum } from "~/content/check";
import { looseForm, queryWordReadings } from "~/search/folding";
import { buildSearchIndex, foldCase, searchWords } from "~/search/search";
import { fixtureWith } from "../content/fixtures";

describe("case folding follows each language", () => {
  it("Azerbaijani: İ folds to i and I folds to ı", () => {
    expect(foldCase("İnsan", "az")).toBe(foldCase("insan", "az"));
    expect(foldCase("ı", "az")).toBe(foldCase("I", "az"));
    expect(foldCase("I", "az")).not.toBe(foldCase("i", "az"));
    expect(foldCase("İNSAN ALVERİ", "az")).toBe("insan alveri");
  });

  it("English folds I to i, and İ to plain i", () => {
    expect(foldCase("Insan", "en")).toBe("insan");
    expect(foldCase("İnsan", "en")).toBe("insan");
  });

  it("Armenian has case, and in-word question marks do not split words", () => {
    expect(foldCase("Թրաֆիքինգ", "hy")).toBe(foldCase("թրաֆիքինգ", "hy"));
    expect(searchWords("Ինչո՞ւ է դա կարևոր։", "hy")).toEqual(["ինչու", "է", "դա", "կարեվոր"]);
  });

  it("Armenian և, its capitals ԵՎ and the եվ or եւ a keyboard without it types are one spelling", () => {
    for (const spelling of ["կարևոր", "ԿԱՐԵՎՈՐ", "կարեվոր", "կարեւոր"]) expect(foldCase(spelling, "hy"), spelling).toBe("կարեվոր");
  });

  it("Georgian has no case: the text is left as written (Mtavruli capitals fold to Mkhedruli)", () => {
    expect(foldCase("ადამიანით ვაჭრობა", "ka")).toBe("ადამიანით ვაჭრობა");
    expect(foldCase("ᲐᲓᲐᲛᲘᲐᲜᲘ", "ka")).toBe("ადამიანი");
  });
});

describe("the loose form forgets diacritics, letter for letter", () => {
  it("Azerbaijani letters become the Latin letters typed without them", () => {
    expect(looseForm("təhlükəsizlik")).toBe("tehlukesizlik");
    expect(looseForm("qaynar xəttinə")).toBe("qaynar xettine");
    expect(looseForm("şagirdlər öyrənir, çağırış, ığdır")).toBe("sagirdler oyrenir, cagiris, igdir");
  });

  it("keeps every word's length, so that a cut made in the loose form fits the word", () => {
    for (const word of ["alverçilərinin", "Gürcüstanda", "ტრეფიკინგი", "թրաֆիքինգ", "İnsan"]) expect(looseForm(word)).toHaveLength(word.length);
  });

  it("leaves Georgian and Armenian as they are", () => {
    expect(looseForm("ინტერნეტში")).toBe("ინტერნეტში");
    expect(looseForm("համացանցում")).toBe("համացանցում");
  });
});

describe("an Azerbaijani capital I is read both ways", () => {
  it("as ı (an Azerbaijani keyboard) and as i (a phone's English or Russian keyboard)", () => {
    expect(queryWordReadings("INSAN", "az")).toEqual([["ınsan", "insan"]]);
    expect(queryWordReadings("Insan alveri", "az")).toEqual([["ınsan", "insan"], ["alveri"]]);
  });

  it("but İ, ı and lower-case words have one reading, and so has every word on the other sites", () => {
    expect(queryWordReadings("İNSAN qız", "az")).toEqual([["insan"], ["qız"]]);
    expect(queryWordReadings("INTERNET", "en")).toEqual([["internet"]]);
  });
});

describe("search over lessons", () => {
  const { lessons } = checkCurriculum(fixtureWith());
  const documentsIn = (language: "ka" | "en") => lessons.flatMap((lesson) => (lesson.documents[language] ? [lesson.documents[language]!] : []));

  it("matches word prefixes", () => {
    const english = buildSearchIndex("en", documentsIn("en"));
    expect(english.search("traffick")).toEqual(["sample-lesson"]);
    expect(english.search("TRAFFICKING")).toEqual(["sample-lesson"]);
    const georgian = buildSearchIndex("ka", documentsIn("ka"));
    expect(georgian.search("ხელშეკრ")).toEqual(["second-lesson"]);
  });

  it("needs every word to match, and finds nothing for nonsense or an empty query", () => {
    const english = buildSearchIndex("en", documentsIn("en"));
    expect(english.search("trafficking zebra")).toEqual([]);
    expect(english.search("   ")).toEqual([]);
    expect(english.search("?!")).toEqual([]);
  });
});
