// The checks that keep four languages in step: the termbase, the facts a translation must not change,
// and the printable materials an activity names. Each case breaks the good fixture in one way.
import { describe, expect, it } from "vitest";
import { checkCurriculum } from "~/content/check";
import { formatProblem } from "~/content/document";
import { readTermbase } from "~/content/sources.server";
import { checkTerms, parseTermbase } from "~/content/terms";
import { fixtureWith, goodFixtures, replaceOnce } from "./fixtures";

const sample = "sample-lesson";
const { termbase } = readTermbase(goodFixtures);

function problemsOf(change: Parameters<typeof fixtureWith>[0]) {
  return checkCurriculum(fixtureWith(change), { termbase }).problems.map(formatProblem);
}

describe("the good fixture with its termbase", () => {
  it("has no problem, its printables parsed by kind", () => {
    const { lessons, problems } = checkCurriculum(fixtureWith(), { termbase });
    expect(problems.map(formatProblem)).toEqual([]);
    const english = lessons[0]!.documents.en!;
    expect(english.printables.map(({ id, kind, items }) => ({ id, kind, cards: items.length }))).toEqual([
      { id: "case-cards", kind: "cards", cards: 3 },
      { id: "sorting-sheet", kind: "sheet", cards: 1 },
    ]);
  });

  it("keeps the teacher's instructions and the student task apart", () => {
    const english = checkCurriculum(fixtureWith(), { termbase }).lessons[0]!.documents.en!;
    const text = (nodes: unknown) => JSON.stringify(nodes);
    expect(text(english.activities[0]!.body)).toContain("Teacher's hint");
    expect(text(english.activities[0]!.studentTask)).not.toContain("Teacher's hint");
    expect(text(english.activities[0]!.studentTask)).toContain("Write one word");
  });
});

describe("termbase", () => {
  it("reports a forbidden variant in a lesson file with the approved term", () => {
    const problems = problemsOf({ slug: sample, file: "ka.md", edit: replaceOnce("მიგრანტების უკანონო გადაყვანისგან", "სმაგლინგისგან") });
    expect(problems).toContain('good/sample-lesson/ka.md:3: "სმაგლინგისგან" is not the approved term (smuggling): use "მიგრანტების უკანონო გადაყვანა"');
  });

  it("matches a whole word unless the variant is a stem, and ignores case", () => {
    const english = (text: string) => checkTerms(text, "en", "x.md", termbase).map(formatProblem);
    expect(english("It was People Smuggling.")).toEqual(['x.md:1: "People Smuggling" is not the approved term (smuggling): use "smuggling of migrants"']);
    expect(english("people smugglingly")).toEqual([]);
    expect(english("\n\nour secret words")).toEqual(['x.md:3: "secret words" is not the approved term (code-word): use "code word"']);
  });

  it("reports a UI string with the same rule", () => {
    const problems = checkTerms('{\n  "title": "Smuggling: სმაგლინგი"\n}\n', "ka", "locales/ka/help.json", termbase).map(formatProblem);
    expect(problems).toEqual(['locales/ka/help.json:2: "სმაგლინგი" is not the approved term (smuggling): use "მიგრანტების უკანონო გადაყვანა"']);
  });

  it("refuses a termbase whose wrong variant matches its own approved term", () => {
    const { problems } = parseTermbase('concepts:\n  fund:\n    en: { term: "State Fund", wrong: ["state*"] }\n', "lessons/terms.yaml");
    expect(problems.map(formatProblem)).toEqual(['lessons/terms.yaml:3: the wrong variant "state*" matches the approved term "State Fund" itself']);
  });

  it("reports an unknown language in the termbase at its line", () => {
    const { problems } = parseTermbase('concepts:\n  fund:\n    ru: { term: "x" }\n', "lessons/terms.yaml");
    expect(problems.map(formatProblem)[0]).toMatch(/^lessons\/terms\.yaml:[23]: /);
  });
});

describe("facts that must agree across translations", () => {
  it("a differing help line, with what the source says", () => {
    const problems = problemsOf({ slug: sample, file: "en.md", edit: replaceOnce("+995 32 2 91 34 61", "+995 32 2 91 34 62") });
    expect(problems).toContain("good/sample-lesson/en.md:61: the help line reads +995 32 2 91 34 62; ka.md has +995 32 2 91 34 61");
  });

  it("a differing number", () => {
    const problems = problemsOf({ slug: sample, file: "en.md", edit: replaceOnce("Giorgi, 24,", "Giorgi, 42,") });
    expect(problems).toContain("good/sample-lesson/en.md:68: the number reads 42; ka.md has 24");
  });

  it("a differing year", () => {
    const problems = problemsOf({
      slug: sample,
      file: "en.md",
      edit: replaceOnce("Speak calmly.", "Speak calmly. The Palermo Protocol dates from 2001."),
    });
    expect(problems).toContain("good/sample-lesson/en.md:57: the year 2001 is not in ka.md here");
  });

  it("a year that the translation leaves out is reported at its unit", () => {
    const sources = fixtureWith({ slug: sample, file: "ka.md", edit: replaceOnce("მშვიდად ისაუბრეთ.", "მშვიდად ისაუბრეთ. პალერმოს ოქმი 2000 წლისაა.") });
    const problems = checkCurriculum(sources, { termbase }).problems.map(formatProblem);
    expect(problems).toContain("good/sample-lesson/en.md:55: ka.md has the year 2000 here; this file does not");
  });

  it("a differing time and a differing lesson link", () => {
    const problems = problemsOf({
      slug: sample,
      file: "en.md",
      edit: (text) => replaceOnce("(lesson:second-lesson)", "(lesson:sample-lesson)")(replaceOnce("Speak calmly.", "Speak calmly at 18:00.")(text)),
    });
    expect(problems).toContain("good/sample-lesson/en.md:36: the link reads lesson:sample-lesson; ka.md has lesson:second-lesson");
    expect(problems).toContain("good/sample-lesson/en.md:57: the time 18:00 is not in ka.md here");
  });

  it("does not keep a translation with a differing fact off the site", () => {
    const { lessons } = checkCurriculum(fixtureWith({ slug: sample, file: "en.md", edit: replaceOnce("Giorgi, 24,", "Giorgi, 42,") }), { termbase });
    expect(Object.keys(lessons[0]!.documents).sort()).toEqual(["en", "ka"]);
  });
});

describe("printable materials", () => {
  it("an activity that names a material the lesson does not supply", () => {
    const problems = problemsOf({ slug: sample, file: "en.md", edit: replaceOnce("in their notebooks", "on a worksheet card") });
    expect(problems).toContain(
      'good/sample-lesson/en.md:16: the activity "Warm-up" names a material ("card") that the lesson does not supply: add it under # printables and link it as [text](material:<id>)',
    );
  });

  it("a link to a printable that does not exist", () => {
    const problems = problemsOf({ slug: sample, file: "en.md", edit: replaceOnce("(material:sorting-sheet)", "(material:role-cards)") });
    expect(problems).toContain('good/sample-lesson/en.md:26: link to a printable that this lesson does not supply: "material:role-cards" (add it under # printables)');
    expect(problems).toContain('good/sample-lesson/en.md:71: no activity and no item of # materials uses the printable "sorting-sheet": link it as [text](material:sorting-sheet)');
  });

  it("a translation with a card missing", () => {
    const problems = problemsOf({ slug: sample, file: "en.md", edit: replaceOnce("- **Card 3.** Eka, 14, is forced to beg in the street.\n", "") });
    expect(problems).toContain('good/sample-lesson/en.md:65: "case-cards" has 2 cards, but in the source (ka.md) it has 3');
  });

  it("a translation whose printables differ in id", () => {
    const problems = problemsOf({
      slug: sample,
      file: "en.md",
      edit: (text) => text.replaceAll("sorting-sheet", "sort-sheet"),
    });
    expect(problems).toContain(
      "good/sample-lesson/en.md:65: the printables are {cards: case-cards, sheet: sort-sheet}, but in the source (ka.md) they are {cards: case-cards, sheet: sorting-sheet} (same ids and kinds, in the same order)",
    );
  });

  it("an activity without a student task", () => {
    const problems = problemsOf({ slug: sample, file: "en.md", edit: replaceOnce("### student-task\n\nWrite one word that you connect with this topic.\n\n", "") });
    expect(problems).toContain(
      "good/sample-lesson/en.md:16: the activity has no `### student-task`: write what students do under it (the student page shows only that)",
    );
  });
});
