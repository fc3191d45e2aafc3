import path from "node:path";
import type { Nodes } from "mdast";
import { toString as plainText } from "mdast-util-to-string";
import { describe, expect, it } from "vitest";
import { checkCurriculum } from "~/content/check";
import { formatProblem } from "~/content/document";
import { readLessonSources, readLocaleTexts, readTermbase } from "~/content/sources.server";
import { checkTerms } from "~/content/terms";
import { languages } from "~/i18n/languages";
import { searchWords } from "~/search/search";

const lessonsDirectory = path.resolve(import.meta.dirname, "../../lessons");
const { termbase, problems: termbaseProblems } = readTermbase(lessonsDirectory);
const curriculum = checkCurriculum(readLessonSources(lessonsDirectory), { termbase });

describe("the seed curriculum", () => {
  it("passes content check without a single problem, with the termbase", () => {
    expect(termbaseProblems.map(formatProblem)).toEqual([]);
    expect(curriculum.problems.map(formatProblem)).toEqual([]);
  });

  it("has a termbase with every concept the editors agreed on, in all four languages", () => {
    for (const concept of [
      "state-fund-full", "state-fund-short", "trafficker", "trafficking", "smuggling", "act", "means", "purpose", "red-flag",
      "code-word", "leading-question", "emergency", "help-line", "handout", "student-book", "iom", "sextortion", "grooming",
    ]) {
      expect(termbase.concepts, concept).toContain(concept);
    }
    for (const language of languages) expect(termbase.materialWords[language], language).not.toBeNull();
  });

  it("uses only approved terms in the UI strings", () => {
    const problems = readLocaleTexts(path.resolve(lessonsDirectory, "../locales")).flatMap(({ file, language, text }) => checkTerms(text, language, file, termbase));
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it("supplies the printables its activities name, in every language", () => {
    const expected: Record<string, Record<string, number | "sheet">> = {
      "what-is-trafficking": { "case-cards": 6 },
      "rights-and-help": { "rights-cards": 6, "role-play-cards": 3, "observer-checklist": 3 },
      "awareness-campaign": { "sample-messages": 6 },
      "safe-online": { "message-cards": 6, "sheet-safe": "sheet", "sheet-be-careful": "sheet", "sheet-red-flag": "sheet" },
    };
    for (const [slug, printables] of Object.entries(expected)) {
      const lesson = curriculum.lessons.find((candidate) => candidate.slug === slug)!;
      for (const language of languages) {
        const supplied = new Map(lesson.documents[language]!.printables.map((printable) => [printable.id, printable]));
        for (const [id, count] of Object.entries(printables)) {
          const printable = supplied.get(id);
          expect(printable, `${slug}/${language}.md ${id}`).toBeDefined();
          expect(count === "sheet" ? printable!.kind : printable!.items.length, `${slug}/${language}.md ${id}`).toBe(count);
        }
      }
    }
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
