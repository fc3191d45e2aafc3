import { describe, expect, it } from "vitest";
import { checkCurriculum } from "~/content/check";
import { formatProblem } from "~/content/document";
import { parseLessonFile } from "~/content/parse";
import { fixtureWith, replaceOnce } from "./fixtures";

const sample = "sample-lesson";

function problemsOf(change: Parameters<typeof fixtureWith>[0]) {
  return checkCurriculum(fixtureWith(change)).problems.map(formatProblem);
}

describe("the good fixture", () => {
  it("parses into typed lesson documents with every section", () => {
    const { lessons, problems } = checkCurriculum(fixtureWith());
    expect(problems).toEqual([]);
    expect(lessons.map((lesson) => lesson.slug)).toEqual(["sample-lesson", "second-lesson"]);
    const english = lessons[0]!.documents.en!;
    expect(english.title).toBe("What is human trafficking?");
    expect(english.activities.map(({ title, minutes }) => ({ title, minutes }))).toEqual([
      { title: "Warm-up", minutes: 10 },
      { title: "Sorting the cases", minutes: 35 },
    ]);
    expect(english.quiz).toHaveLength(1);
    expect(english.quiz[0]!.options.map((option) => option.correct)).toEqual([false, true, false]);
    expect(english.quiz[0]!.explanation[0]).toMatchObject({ type: "paragraph" });
    expect(english.reading[0]).toMatchObject({ type: "heading", depth: 2 });
    expect(english.lessonLinks).toEqual([{ slug: "second-lesson", line: 36 }]);
    expect(Object.keys(lessons[0]!.documents).sort()).toEqual(["en", "ka"]);
  });

  it("keeps no source positions in the documents it serves", () => {
    const { lessons } = checkCurriculum(fixtureWith());
    expect(JSON.stringify(lessons)).not.toContain('"position"');
  });
});

describe("content check reports each error kind as file:line: message", () => {
  it("a missing section", () => {
    const problems = problemsOf({ slug: sample, file: "en.md", edit: replaceOnce("# materials\n\n- [Cards with cases](material:case-cards), one set for each group.\n\n", "") });
    expect(problems).toEqual(['good/sample-lesson/en.md:72: missing section "# materials"']);
  });

  it("minutes that do not add up to the lesson's length", () => {
    const problems = problemsOf({ slug: sample, file: "ka.md", edit: replaceOnce("{35 min}", "{30 min}") });
    expect(problems).toContain(
      "good/sample-lesson/ka.md:16: the activities' minutes add up to 40, but the lesson lasts 45 minutes (lesson.yaml)",
    );
  });

  it("a translation whose activity minutes differ from the source", () => {
    const problems = problemsOf({
      slug: sample,
      file: "en.md",
      edit: (text) => replaceOnce("{35 min}", "{30 min}")(replaceOnce("{10 min}", "{15 min}")(text)),
    });
    expect(problems).toContain("good/sample-lesson/en.md:16: activity 1 lasts 15 min, but in the source (ka.md) it lasts 10 min");
  });

  it("a translation with another number of activities", () => {
    const problems = problemsOf({
      slug: sample,
      file: "en.md",
      edit: replaceOnce("## Sorting the cases {35 min}\n", "## Sorting {20 min}\n\nSort.\n\n### student-task\n\nSort.\n\n## Reporting {15 min}\n"),
    });
    expect(problems).toContain("good/sample-lesson/en.md:16: 3 activities, but the source (ka.md) has 2");
  });

  it("a translation whose quiz options differ from the source", () => {
    const problems = problemsOf({ slug: sample, file: "en.md", edit: replaceOnce("- [ ] Crossing a border\n", "") });
    expect(problems).toContain("good/sample-lesson/en.md:47: quiz question 1 has 2 options, but in the source (ka.md) it has 3");
  });

  it("a translation whose right quiz answer differs from the source", () => {
    const problems = problemsOf({
      slug: sample,
      file: "en.md",
      edit: (text) => replaceOnce("- [x] An act and a purpose", "- [ ] An act and a purpose")(replaceOnce("- [ ] Crossing a border", "- [x] Crossing a border")(text)),
    });
    expect(problems).toContain("good/sample-lesson/en.md:51: quiz question 1: the right option is number 3, but in the source (ka.md) it is number 2");
  });

  it("a translation with another number of quiz questions", () => {
    const problems = problemsOf({
      slug: sample,
      file: "en.md",
      edit: replaceOnce("# teacher-notes", "## Is smuggling the same?\n\n- [ ] Yes\n- [x] No\n\n> It is not.\n\n# teacher-notes"),
    });
    expect(problems).toContain("good/sample-lesson/en.md:47: 2 quiz questions, but the source (ka.md) has 1");
  });

  it("a quiz question without exactly one right option", () => {
    const problems = problemsOf({ slug: sample, file: "ka.md", edit: replaceOnce("- [x] ქმედება და მიზანი", "- [ ] ქმედება და მიზანი") });
    expect(problems).toContain("good/sample-lesson/ka.md:49: a quiz question needs exactly one right option marked [x]");
  });

  it("an unknown topic", () => {
    const problems = problemsOf({ slug: sample, file: "lesson.yaml", edit: replaceOnce("topics: [definitions, law]", "topics: [definitions, cooking]") });
    expect(problems).toContain('good/sample-lesson/lesson.yaml:4: unknown topic "cooking"');
  });

  it("raw HTML, which is never rendered", () => {
    const problems = problemsOf({
      slug: sample,
      file: "en.md",
      edit: replaceOnce("Speak calmly.", 'Speak calmly.\n\n<script>alert("x")</script>'),
    });
    expect(problems).toContain("good/sample-lesson/en.md:59: raw HTML is not allowed in a lesson (raw HTML is never rendered)");
    const english = checkCurriculum(fixtureWith({ slug: sample, file: "en.md", edit: replaceOnce("Speak calmly.", "Speak <b>calmly</b>.") }));
    expect(english.lessons[0]!.documents.en).toBeUndefined();
  });

  it("a link to a lesson that does not exist", () => {
    const problems = problemsOf({ slug: sample, file: "ka.md", edit: replaceOnce("lesson:second-lesson", "lesson:no-such-lesson") });
    expect(problems).toContain('good/sample-lesson/ka.md:36: link to a lesson that does not exist: "lesson:no-such-lesson"');
  });

  it("a link to a web site", () => {
    const problems = problemsOf({ slug: sample, file: "en.md", edit: replaceOnce("Speak calmly.", "Speak calmly, see [this](https://example.org).") });
    expect(problems).toContain(
      'good/sample-lesson/en.md:57: links to web sites are not allowed ("https://example.org"); link lessons as [text](lesson:<slug>), printables as [text](material:<id>)',
    );
  });

  it("an activity heading without its minutes", () => {
    const problems = problemsOf({ slug: sample, file: "ka.md", edit: replaceOnce("## გახურება {10 min}", "## გახურება") });
    expect(problems).toContain(
      'good/sample-lesson/ka.md:16: an activity heading must end with its minutes in braces, e.g. "## Sorting the cases {15 min}"',
    );
  });

  it("a translated section key", () => {
    const problems = problemsOf({ slug: sample, file: "en.md", edit: replaceOnce("# discussion", "# Discussion questions") });
    expect(problems).toContain(
      'good/sample-lesson/en.md:40: unknown section "# Discussion questions" (the keys are: objectives, materials, activities, reading, discussion, quiz, teacher-notes, safeguarding, printables; never translate them)',
    );
  });

  it("missing front matter", () => {
    const problems = problemsOf({ slug: sample, file: "en.md", edit: (text) => text.replace(/^---[\s\S]*?---\n/, "") });
    expect(problems).toContain("good/sample-lesson/en.md:1: front matter (--- title: … summary: … ---) is missing at the top of the file");
  });

  it("a source language file with problems leaves the whole lesson out", () => {
    const { lessons, problems } = checkCurriculum(fixtureWith({ slug: sample, file: "ka.md", edit: replaceOnce("{35 min}", "{30 min}") }));
    expect(lessons.map((lesson) => lesson.slug)).toEqual(["second-lesson"]);
    expect(problems.map(formatProblem)).toContain(
      "good/sample-lesson/lesson.yaml:1: the source language file ka.md has problems, so the lesson is left out",
    );
  });

  it("an invalid lesson.yaml", () => {
    const problems = problemsOf({ slug: sample, file: "lesson.yaml", edit: replaceOnce("minutes: 45", "minutes: many") });
    expect(problems).toContain("good/sample-lesson/lesson.yaml:3: minutes: Expected number, received string");
  });
});

describe("parseLessonFile", () => {
  it("rejects a checkbox outside the quiz", () => {
    const { problems } = parseLessonFile({
      slug: "x",
      language: "en",
      file: "x/en.md",
      text: "---\ntitle: T\nsummary: S\n---\n\n# objectives\n\n- [ ] one\n",
    });
    expect(problems.map(formatProblem)).toContain("x/en.md:8: checkboxes (- [ ] / - [x]) belong in the quiz only");
  });
});
