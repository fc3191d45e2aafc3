// The reviewer's diff in every script: real Georgian and Armenian sentences of the curriculum (copied
// from lessons/safe-online/ka.md and lessons/awareness-campaign/hy.md, so that editing a lesson never
// changes this test), edited the way translators edit — a word's ending — and marked as whole words.
import { diffWordsWithSpace } from "diff";
import { describe, expect, it } from "vitest";
import { diffView, excerpt, type DiffView } from "~/review/diff-view";
import { sizeOfChange, wordDiff, wordTokens } from "~/review/word-diff";

const georgian =
  "ყოველდღე დროის ნაწილს ინტერნეტში ვატარებთ: ვწერთ ერთმანეთს, ვთამაშობთ, ფოტოებს ვდებთ და ახალ მეგობრებს ვიძენთ. ინტერნეტი სწავლისა და ურთიერთობისთვის შესანიშნავი სივრცეა. მაგრამ იქ ისინიც არიან, ვისაც ახალგაზრდების გამოყენება და ექსპლუატაცია სურს, და მათ კარგად იციან, როგორ დაიმალონ.";
const armenian =
  "- Աշակերտները կարողանում են բացատրել, թե ինչու են նշվում հոկտեմբերի 18-ը (Եվրոպական միության թրաֆիքինգի դեմ պայքարի օր) և հուլիսի 30-ը (ՄԱԿ-ի Մարդկանց թրաֆիքինգի դեմ պայքարի համաշխարհային օր)։";
const armenianNext = "- Աշակերտները ճանաչում են կարծրատիպերը, զոհին մեղադրելը և ցնցող պատկերները թրաֆիքինգի մասին ուղերձներում և դրանք փոխարինում են զոհերի նկատմամբ հարգալից ուղերձներով։";

/** A lesson file around a paragraph: lines before and after it, so that the diff has context to fold. */
function lessonWith(paragraph: string, language: string): string {
  const filler = language === "ka" ? "მოსწავლეები ერთ სიტყვას წერენ რვეულში." : "Աշակերտները խմբերով ստեղծում են պաստառներ։";
  return ["---", "title: T", "summary: S", "---", "", "# reading", "", ...Array.from({ length: 12 }, () => filler), "", paragraph, "", ...Array.from({ length: 12 }, () => filler), ""].join("\n");
}

function marked(view: DiffView) {
  const parts = view.blocks.flatMap((block) => (block.kind === "line" ? block.parts : []));
  return {
    removed: parts.flatMap((part) => (part.kind === "removed" ? [part.text] : [])),
    added: parts.flatMap((part) => (part.kind === "added" ? [part.text] : [])),
  };
}

/** Offsets in `text` where Intl.Segmenter puts a boundary: a mark may start and end only there. */
function boundaries(text: string, language: string): Set<number> {
  const offsets = new Set<number>([0]);
  let offset = 0;
  for (const token of wordTokens(text, language)) offsets.add((offset += token.length));
  return offsets;
}

/** Every mark of the full diff starts and ends at a word boundary of its own side's text. */
function expectWholeWords(before: string, after: string, language: string) {
  const { lines } = wordDiff(before, after, language);
  const oldText = lines.map((line) => line.parts.filter((part) => part.kind !== "added").map((part) => part.text).join("")).join("\n");
  const newText = lines.map((line) => line.parts.filter((part) => part.kind !== "removed").map((part) => part.text).join("")).join("\n");
  expect(oldText).toBe(before);
  expect(newText).toBe(after);
  const oldBoundaries = boundaries(before, language);
  const newBoundaries = boundaries(after, language);
  let oldOffset = 0;
  let newOffset = 0;
  for (const line of lines) {
    for (const part of line.parts) {
      if (part.kind === "removed") {
        expect(oldBoundaries.has(oldOffset) && oldBoundaries.has(oldOffset + part.text.length), `removed "${part.text}"`).toBe(true);
      }
      if (part.kind === "added") {
        expect(newBoundaries.has(newOffset) && newBoundaries.has(newOffset + part.text.length), `added "${part.text}"`).toBe(true);
      }
      if (part.kind !== "added") oldOffset += part.text.length;
      if (part.kind !== "removed") newOffset += part.text.length;
    }
    oldOffset += 1;
    newOffset += 1;
  }
}

/**
 * The shown context never cuts a word: next to "…", the shown text meets the left-out text at a
 * space (so a word, its punctuation and a hyphenated ending stay together).
 */
function expectContextAtSpaces(view: DiffView, before: string) {
  const oldLines = before.split("\n");
  for (const block of view.blocks) {
    if (block.kind !== "line" || block.oldLine === null || !block.parts.some((part) => part.kind === "skip")) continue;
    const line = oldLines[block.oldLine - 1]!;
    let offset = 0;
    block.parts.forEach((part, index) => {
      if (part.kind === "skip") return;
      if (part.kind === "added") return;
      const start = line.indexOf(part.text, offset);
      expect(start, `"${part.text}" is in line ${block.oldLine}`).toBeGreaterThanOrEqual(0);
      if (block.parts[index - 1]?.kind === "skip") expect(/\s/.test(line[start - 1] ?? " "), `before "${part.text.slice(0, 20)}"`).toBe(true);
      if (block.parts[index + 1]?.kind === "skip") expect(/\s/.test(line[start + part.text.length] ?? " "), `after "${part.text.slice(-20)}"`).toBe(true);
      offset = start + part.text.length;
    });
  }
}

describe("the word diff in every script", () => {
  it("the old diff split Georgian words into letters (why this exists)", () => {
    const pieces = diffWordsWithSpace("ფოტოებს ვდებთ და", "ფოტოებს ვაქვეყნებთ და").filter((part) => part.added || part.removed);
    expect(pieces.map((part) => part.value).join("|")).not.toBe("ვდებთ|ვაქვეყნებთ");
  });

  it("Georgian: a changed verb is marked as one whole word on each side, +1 / −1", () => {
    const before = lessonWith(georgian, "ka");
    const after = before.replace("ვდებთ", "ვაქვეყნებთ");
    const view = diffView({ id: 1, content: before }, { id: 2, content: after }, "ka");
    expect(marked(view)).toEqual({ removed: ["ვდებთ"], added: ["ვაქვეყნებთ"] });
    expect(view.size).toEqual({ added: 1, removed: 1 });
    expectWholeWords(before, after, "ka");
    expectContextAtSpaces(view, before);
  });

  it("Georgian: changed endings of several words (a case ending, a plural) are whole words, and counted", () => {
    const before = lessonWith(georgian, "ka");
    const after = before.replace("მეგობრებს ვიძენთ", "მეგობრებთან ვმეგობრობთ").replace("ახალგაზრდების", "ახალგაზრდის").replace("დაიმალონ.", "დაიმალონ თავი.");
    const view = diffView({ id: 1, content: before }, { id: 2, content: after }, "ka");
    const { removed, added } = marked(view);
    expect(removed).toEqual(["მეგობრებს ვიძენთ", "ახალგაზრდების"]);
    expect(added).toEqual(["მეგობრებთან ვმეგობრობთ", "ახალგაზრდის", " თავი"]);
    expect(view.size).toEqual({ added: 4, removed: 3 });
    expectWholeWords(before, after, "ka");
    expectContextAtSpaces(view, before);
  });

  it("Armenian: a word's ending and a rewritten word are whole words; ՄԱԿ-ի and 18-ը stay whole in the context", () => {
    const before = lessonWith(`${armenian}\n${armenianNext}`, "hy");
    const after = before.replace("Եվրոպական միության", "Եվրոպայի միության").replace("ճանաչում են կարծրատիպերը", "ճանաչեցին կարծրատիպը");
    const view = diffView({ id: 1, content: before }, { id: 2, content: after }, "hy");
    const { removed, added } = marked(view);
    expect(removed).toEqual(["Եվրոպական", "ճանաչում են կարծրատիպերը"]);
    expect(added).toEqual(["Եվրոպայի", "ճանաչեցին կարծրատիպը"]);
    expect(view.size).toEqual({ added: 3, removed: 4 });
    expectWholeWords(before, after, "hy");
    expectContextAtSpaces(view, before);
    const shown = view.blocks.flatMap((block) => (block.kind === "line" ? block.parts : [])).map((part) => ("text" in part ? part.text : "…")).join("");
    expect(shown).not.toMatch(/(^|\s)-[ի|ը]/u);
  });

  it("long unchanged stretches fold into line gaps and word gaps; nothing shown is cut inside a word", () => {
    // The sentence twice, as one paragraph: a change in its middle has long unchanged stretches on both sides.
    const before = lessonWith(`${georgian} ${georgian}`, "ka");
    const second = before.lastIndexOf("ვდებთ");
    const after = `${before.slice(0, second)}ვაქვეყნებთ${before.slice(second + "ვდებთ".length)}`;
    const view = diffView({ id: 1, content: before }, { id: 2, content: after }, "ka");
    const gaps = view.blocks.filter((block) => block.kind === "gap");
    expect(gaps.length).toBeGreaterThanOrEqual(2);
    const lines = view.blocks.filter((block) => block.kind === "line");
    // One changed line, and a line of context that says something on each side.
    expect(lines.filter((block) => block.changed)).toHaveLength(1);
    const changed = lines.find((block) => block.changed)!;
    expect(changed.parts.map((part) => part.kind)).toEqual(["skip", "same", "removed", "added", "same", "skip"]);
    expectContextAtSpaces(view, before);
    const hidden = gaps.reduce((sum, block) => sum + (block.kind === "gap" ? block.lines : 0), 0);
    expect(hidden + lines.length).toBe(before.split("\n").length - 1);
  });

  it("added and removed lines keep their line numbers on each side", () => {
    const before = "a\nb\nc\n";
    const after = "a\nc\nnew line here\n";
    const { lines } = wordDiff(before, after, "en");
    const changed = lines.filter((line) => line.changed).map((line) => ({ oldLine: line.oldLine, newLine: line.newLine, parts: line.parts }));
    expect(changed).toEqual([
      { oldLine: 2, newLine: null, parts: [{ kind: "removed", text: "b" }] },
      { oldLine: null, newLine: 3, parts: [{ kind: "added", text: "new line here" }] },
    ]);
    expect(sizeOfChange(before, after, "en")).toEqual({ added: 3, removed: 1 });
  });

  it("a text with nothing before it is all new; an unchanged text is said to be unchanged", () => {
    expect(diffView(null, { id: 5, content: georgian }, "ka")).toMatchObject({ baseRevisionId: null, size: { added: 36, removed: 0 }, changed: true, blocks: [] });
    expect(diffView({ id: 4, content: georgian }, { id: 5, content: georgian }, "ka")).toMatchObject({ changed: false, size: { added: 0, removed: 0 } });
  });

  it("a rewritten text is shown struck out and new, in bounded time", () => {
    const before = lessonWith(georgian, "ka");
    const after = lessonWith(armenian, "hy").replaceAll("T", "Տ");
    const started = performance.now();
    const view = diffView({ id: 1, content: before }, { id: 2, content: after }, "ka");
    expect(performance.now() - started).toBeLessThan(5000);
    expect(view.size.removed).toBeGreaterThan(36);
    expectWholeWords(before, after, "ka");
  });

  it("a comment shortened for the status matrix ends at a word", () => {
    const comment = "გთხოვთ, შეცვალოთ მეორე აბზაცი: მსხვერპლი არასდროს არის დამნაშავე, ეს ტექსტი კი სხვა რამეს ამბობს.";
    const short = excerpt(comment, "ka", 5);
    expect(short).toBe("გთხოვთ, შეცვალოთ მეორე აბზაცი: მსხვერპლი …");
    expect(excerpt("Կարճ մեկնաբանություն։", "hy", 16)).toBe("Կարճ մեկնաբանություն։");
  });
});
