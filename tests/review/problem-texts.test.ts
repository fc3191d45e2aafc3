// Problems found in a lesson file reach reviewers and editors in their language: every problem code has
// its text in every language, with all its values filled in.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkCurriculum } from "~/content/check";
import { readLessonSources } from "~/content/sources.server";
import english from "../../locales/en/problems.json";
import { languages } from "~/i18n/languages";
import { problem, type ProblemCode } from "~/content/problems";
import { problemTexts } from "~/review/problem-texts.server";

const codes = Object.keys(english).filter((key) => key !== "kinds" && key !== "nodes") as ProblemCode[];
const sampleValues = { key: "reading", keys: "objectives, reading", field: "title", detail: "Required", name: "an image", url: "https://example.org", id: "case-cards", slug: "no-such-lesson", source: "ka.md", order: 3, holder: "safe-online", word: "ბარათები", activity: "Warm-up", topic: "cooking", total: 50, minutes: 45, count: 2, sourceCount: 3, number: 1, sourceMinutes: 10, option: 2, sourceOption: 1, printables: "{cards: a}", sourcePrintables: "{cards: b}", variant: "trafiking", term: "trafficking", concept: "trafficking", kind: "phone", value: "112", sourceValue: "113", node: "table" };

describe("content problems in the reader's language", () => {
  it("every code has a text in every language, with every value filled in", async () => {
    for (const language of languages) {
      const texts = await problemTexts(codes.map((code) => problem("lessons/x/ka.md", 7, code, sampleValues)), language);
      texts.forEach((text, index) => {
        expect(text, `${language} ${codes[index]}`).toMatch(/^lessons\/x\/ka\.md:7: /);
        expect(text, `${language} ${codes[index]}`).not.toMatch(/\{\{|\$t\(|kinds\.|nodes\./);
      });
    }
  });

  it("a real problem of a broken translation reads in Armenian and Azerbaijani, and in English on the command line", async () => {
    const sources = readLessonSources(path.resolve(import.meta.dirname, "../fixtures/lessons/good")).map((source) =>
      source.slug === "sample-lesson" ? { ...source, languageTexts: { ...source.languageTexts, en: source.languageTexts.en!.replace("{10 min}", "{15 min}").replace("{35 min}", "{30 min}") } } : source,
    );
    const found = checkCurriculum(sources).problems.filter((entry) => entry.code === "activityMinutes");
    expect(found).toHaveLength(2);
    expect(found[1]!.message).toBe("activity 2 lasts 30 min, but in the source (ka.md) it lasts 35 min");
    const [, armenian] = await problemTexts(found, "hy");
    const [, azerbaijani] = await problemTexts(found, "az");
    for (const text of [armenian!, azerbaijani!]) {
      expect(text).toMatch(/sample-lesson\/en\.md:\d+: /);
      expect(text).toContain("30");
      expect(text).toContain("35");
      expect(text).not.toContain("lasts");
    }
  });
});

describe("Markdown a lesson may not contain", () => {
  it("is named in the reader's language, every kind of it", async () => {
    for (const language of ["ka", "hy", "az"] as const) {
      const nodes = Object.keys(english.nodes);
      const texts = await problemTexts(nodes.map((node) => problem("lessons/x/hy.md", 3, "nodeNotAllowed", { node })), language);
      texts.forEach((text, index) => {
        expect(text, `${language} ${nodes[index]}`).not.toContain(english.nodes[nodes[index] as keyof typeof english.nodes]);
        expect(text).not.toMatch(/\$t\(|nodes\./);
      });
    }
  });
});
