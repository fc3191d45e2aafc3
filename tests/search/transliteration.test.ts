import { describe, expect, it } from "vitest";
import { plainTransliteration, transliterations } from "~/search/transliteration";

/** A vocabulary of a few words, as the lessons' vocabulary answers "does some word begin with this?". */
const vocabulary = (words: string[]) => (text: string) => words.some((word) => word.startsWith(text));

describe("Latin-typed Georgian is read back into Georgian script", () => {
  const begins = vocabulary(["ინტერნეტში", "ინტერნეტი", "ტრეფიკინგი", "უფლება", "უფლებები", "ცხელი", "თავი"]);

  it("in the national romanisation without apostrophes (t for both თ and ტ, k for კ and ქ)", () => {
    expect(transliterations("internet", "ka", begins).whole).toEqual(["ინტერნეტ"]);
    expect(transliterations("trefikingi", "ka", begins).whole).toEqual(["ტრეფიკინგი"]);
    expect(transliterations("ufleba", "ka", begins).whole).toEqual(["უფლება"]);
    expect(transliterations("tavi", "ka", begins).whole).toEqual(["თავი"]);
  });

  it("as the Georgian keyboard lays the letters out (x for ხ, c for ც)", () => {
    expect(transliterations("cxeli", "ka", begins).whole).toEqual(["ცხელი"]);
    expect(transliterations("tskheli", "ka", begins).whole).toEqual(["ცხელი"]);
  });

  it("keeps the reading of the start of a word whose ending the lessons do not have", () => {
    expect(transliterations("uflebebshi", "ka", begins)).toEqual({ whole: [], partial: ["უფლებებ"] });
  });

  it("reads nothing that no word of the lessons begins with, and nothing that is not Latin", () => {
    expect(transliterations("zzzz", "ka", begins)).toEqual({ whole: [], partial: [] });
    expect(transliterations("ინტერნეტი", "ka", begins)).toEqual({ whole: [], partial: [] });
  });
});

describe("Latin-typed Armenian, in the informal Latin of chats, is read back into Armenian script", () => {
  const begins = vocabulary(["համացանցում", "թրաֆիքինգի", "իրավունքներ", "աշխատանք", "երեխա", "ոչ"]);

  it("q for ք, c for ց, x for խ, u for ու, a lone r for ր or ռ", () => {
    expect(transliterations("hamacancum", "hy", begins).whole).toEqual(["համացանցում"]);
    expect(transliterations("trafiqing", "hy", begins).whole).toEqual(["թրաֆիքինգ"]);
    expect(transliterations("iravunqner", "hy", begins).whole).toEqual(["իրավունքներ"]);
    expect(transliterations("ashxatanq", "hy", begins).whole).toEqual(["աշխատանք"]);
    expect(transliterations("yerexa", "hy", begins).whole).toEqual(["երեխա"]);
    expect(transliterations("voch", "hy", begins).whole).toEqual(["ոչ"]);
  });
});

describe("only the Georgian and Armenian sites transliterate", () => {
  it("an Azerbaijani or English word is left to the search as it is", () => {
    expect(transliterations("internet", "az", () => true)).toEqual({ whole: [], partial: [] });
    expect(plainTransliteration("internet", "en")).toBeNull();
  });

  it("the letter-by-letter reading, for typo tolerance, takes each Latin letter's first reading", () => {
    expect(plainTransliteration("internet", "ka")).toBe("ინტერნეტ");
    expect(plainTransliteration("shokoladi", "ka")).toBe("შოკოლადი");
  });
});
