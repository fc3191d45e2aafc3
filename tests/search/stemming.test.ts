import { describe, expect, it } from "vitest";
import type { Language } from "~/i18n/languages";
import { searchWords } from "~/search/folding";
import { stem } from "~/search/stemming";

/** The stem of each word as the search takes it (case-folded first). */
const stems = (words: string[], language: Language) => words.map((word) => stem(searchWords(word, language)[0]!, language));

describe("Georgian endings fall off, so every form of a noun has one stem", () => {
  it("cases and postpositions: ინტერნეტი, ინტერნეტში, ინტერნეტით, ინტერნეტ", () => {
    expect(new Set(stems(["ინტერნეტი", "ინტერნეტში", "ინტერნეტით", "ინტერნეტ"], "ka"))).toEqual(new Set(["ინტერნეტ"]));
  });

  it("plurals in -ებ-, and nouns in -ება whose genitive looks plural: უფლება, უფლების, უფლებები, უფლებებზე", () => {
    expect(new Set(stems(["უფლება", "უფლების", "უფლებები", "უფლებებს", "უფლებებზე", "უფლებებისთვის"], "ka"))).toEqual(new Set(["უფლ"]));
    expect(new Set(stems(["ტრეფიკერი", "ტრეფიკერები", "ტრეფიკერების", "ტრეფიკერებს"], "ka"))).toEqual(new Set(["ტრეფიკერ"]));
  });

  it("-ია stems and the copula: მიგრაცია, მიგრაციის; ტრეფიკინგი, ტრეფიკინგია, ტრეფიკინგისთვის", () => {
    expect(new Set(stems(["მიგრაცია", "მიგრაციის", "მიგრაციისთვის"], "ka")).size).toBe(1);
    expect(new Set(stems(["ტრეფიკინგი", "ტრეფიკინგია", "ტრეფიკინგისთვის", "ტრეფიკინგის"], "ka"))).toEqual(new Set(["ტრეფიკინგ"]));
  });

  it("leaves short words alone: their prefixes would match too much", () => {
    expect(stems(["და", "ის", "ხაზი"], "ka")).toEqual(["და", "ის", "ხაზ"]);
  });
});

describe("Armenian endings fall off", () => {
  it("the article and the locative: համացանց, համացանցը, համացանցում", () => {
    expect(new Set(stems(["համացանց", "համացանցը", "համացանցում"], "hy"))).toEqual(new Set(["համացանց"]));
  });

  it("plurals in -ներ with their cases: իրավունք, իրավունքներ, իրավունքները, իրավունքների", () => {
    expect(new Set(stems(["իրավունք", "իրավունքներ", "իրավունքները", "իրավունքների"], "hy"))).toEqual(new Set(["իրավունք"]));
  });

  it("-ում nouns and their genitive in -ման, -ություն and its genitive -ության, vowel stems with a glide", () => {
    expect(new Set(stems(["շահագործում", "շահագործման", "շահագործումը"], "hy")).size).toBe(1);
    expect(new Set(stems(["անվտանգություն", "անվտանգության", "անվտանգությունը"], "hy")).size).toBe(1);
    expect(new Set(stems(["միգրացիա", "միգրացիայի", "միգրացիան"], "hy"))).toEqual(new Set(["միգրացիա"]));
  });

  it("-եր is a plural of one-syllable words only: գործեր is գործ, but ընկեր stays ընկեր", () => {
    expect(stems(["գործեր", "ընկեր", "ընկերներ"], "hy")).toEqual(["գործ", "ընկեր", "ընկեր"]);
  });
});

describe("Azerbaijani suffixes fall off, with or without the Azerbaijani letters", () => {
  it("plural and cases: insan, insanlar, insanların, insanlara", () => {
    expect(new Set(stems(["insan", "insanlar", "insanların", "insanlara", "İNSANLARIN"], "az"))).toEqual(new Set(["insan"]));
  });

  it("cuts a diacritic-free word where it cuts the word as written", () => {
    const [written, typed] = stems(["alverçilərinin", "alvercilerinin"], "az");
    expect(written!.length).toBe(typed!.length);
    expect(stems(["istismarın", "istismarin"], "az")).toEqual(["istismar", "istismar"]);
  });
});

describe("English loses only its plural", () => {
  it("rights → right, stories → story, traffickers → trafficker; business and crisis stay", () => {
    expect(stems(["rights", "stories", "traffickers", "business", "crisis"], "en")).toEqual(["right", "story", "trafficker", "business", "crisis"]);
  });
});
