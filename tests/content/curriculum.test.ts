import path from "node:path";
import type { Nodes } from "mdast";
import { toString as plainText } from "mdast-util-to-string";
import { describe, expect, it } from "vitest";
import { checkCurriculum } from "~/content/check";
import { formatProblem } from "~/content/document";
import { readLessonSources } from "~/content/sources.server";
import { languages } from "~/i18n/languages";
import { searchWords } from "~/search/search";

const curriculum = checkCurriculum(readLessonSources(path.resolve(import.meta.dirname, "../../lessons")));

describe("the seed curriculum", () => {
  it("passes content check without a single problem", () => {
    expect(curriculum.problems.map(formatProblem)).toEqual([]);
  });

  it("has the 8 briefed lessons, in order, each in all four languages", () => {
    expect(curriculum.lessons.map((lesson) => lesson.slug)).toEqual([
      "what-is-trafficking",
      "forms-of-exploitation",
      "how-traffickers-recruit",
      "safe-migration",
      "safe-online",
      "myths-and-facts",
      "rights-and-help",
      "awareness-campaign",
    ]);
    for (const lesson of curriculum.lessons) {
      expect(Object.keys(lesson.documents).sort(), lesson.slug).toEqual([...languages].sort());
      expect(lesson.metadata.source, lesson.slug).toBe("ka");
      expect(lesson.metadata.grades.every((grade) => grade >= 8 && grade <= 11), lesson.slug).toBe(true);
    }
  });

  it("gives students a real reading of several hundred words in every language", () => {
    for (const lesson of curriculum.lessons) {
      for (const language of languages) {
        const document = lesson.documents[language]!;
        const words = searchWords(document.reading.map((node) => plainText(node as Nodes)).join(" "), language).length;
        expect(words, `${lesson.slug}/${language}.md reading`).toBeGreaterThanOrEqual(300);
      }
    }
  });

  it("points to the help line in every lesson and language, with the number written exactly", () => {
    for (const lesson of curriculum.lessons) {
      for (const language of languages) {
        const document = lesson.documents[language]!;
        const text = [...document.reading, ...document.safeguarding].map((node) => plainText(node as Nodes)).join(" ");
        expect(text, `${lesson.slug}/${language}.md`).toContain("+995 32 2 91 34 61");
      }
    }
  });
});
