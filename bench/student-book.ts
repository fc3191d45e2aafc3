// The student book's text as plain styled paragraphs, for typesetters other than the engine: each
// lesson's student part in curriculum order (title, summary, reading, activities, discussion, quiz
// without answers). Read straight from the lesson files, as the server does at start.
import { readFileSync } from "node:fs";
import path from "node:path";
import { toString } from "mdast-util-to-string";
import { checkCurriculum } from "../app/content/check";
import type { BodyNode, LessonDocument } from "../app/content/document";
import { readLessonSources } from "../app/content/sources.server";
import type { Language } from "../app/i18n/languages";
import { projectRoot } from "./server";

export interface Style {
  bold: boolean;
  italic: boolean;
}

export interface Paragraph {
  text: string;
  style: Style;
  /** Points. */
  size: number;
  /** Left indent in points (lists). */
  indent: number;
  /** Starts a new page (each lesson after the first). */
  pageBreak?: boolean;
}

/** Sizes as the engine's layout uses them (app/pdf/layout.ts). */
const sizes = { body: 10.5, small: 8.5, h1: 18, h2: 13.5, h3: 11.5 };
const regular: Style = { bold: false, italic: false };
const bold: Style = { bold: true, italic: false };
const italic: Style = { bold: false, italic: true };
const listIndent = 16;

/** The lesson documents of one language in curriculum order. */
export function studentLessons(language: Language): LessonDocument[] {
  const { lessons } = checkCurriculum(readLessonSources(path.join(projectRoot, "lessons")));
  return lessons.flatMap((lesson) => (lesson.documents[language] ? [lesson.documents[language]!] : []));
}

interface Labels {
  sections: Record<"reading" | "activities" | "discussion" | "quiz", string>;
  lesson: { minutes_other: string };
}

function labelsOf(language: Language): Labels {
  return JSON.parse(readFileSync(path.join(projectRoot, "locales", language, "lessons.json"), "utf8")) as Labels;
}

/** Soft line breaks and runs of spaces become single spaces: the typesetter breaks lines itself. */
function flat(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function body(nodes: readonly BodyNode[], indent = 0, marker = ""): Paragraph[] {
  return nodes.flatMap((node, index): Paragraph[] => {
    switch (node.type) {
      case "paragraph":
        // A list item's marker goes before its first paragraph only.
        return [{ text: (index === 0 ? marker : "") + flat(toString(node)), style: regular, size: sizes.body, indent }];
      case "heading":
        return [{ text: flat(toString(node)), style: bold, size: sizes.h3, indent }];
      case "list":
        return node.children.flatMap((item, itemIndex) =>
          body(item.children as BodyNode[], indent + listIndent, node.ordered ? `${(node.start ?? 1) + itemIndex}. ` : "• "),
        );
      case "blockquote":
        return body(node.children as BodyNode[], indent + listIndent);
      default:
        return [];
    }
  });
}

function lessonParagraphs(document: LessonDocument, labels: Labels, pageBreak: boolean): Paragraph[] {
  const heading = (text: string): Paragraph => ({ text, style: bold, size: sizes.h2, indent: 0 });
  const minutes = (count: number) => labels.lesson.minutes_other.replace("{{count}}", String(count));
  return [
    { text: flat(document.title), style: bold, size: sizes.h1, indent: 0, pageBreak },
    { text: flat(document.summary), style: italic, size: sizes.body, indent: 0 },
    heading(labels.sections.reading),
    ...body(document.reading),
    heading(labels.sections.activities),
    ...document.activities.flatMap((activity, index) => [
      { text: `${index + 1}. ${flat(activity.title)} (${minutes(activity.minutes)})`, style: bold, size: sizes.h3, indent: 0 },
      ...body(activity.body),
    ]),
    heading(labels.sections.discussion),
    ...body(document.discussion),
    heading(labels.sections.quiz),
    ...document.quiz.flatMap((question, index) => [
      { text: `${index + 1}. ${flat(question.question)}`, style: bold, size: sizes.body, indent: 0 },
      ...question.options.map((option, optionIndex) => ({
        text: `${String.fromCharCode(97 + optionIndex)}) ${flat(option.text)}`,
        style: regular,
        size: sizes.body,
        indent: listIndent,
      })),
    ]),
  ];
}

export interface StudentBookText {
  language: Language;
  title: string;
  slugs: string[];
  paragraphs: Paragraph[];
}

export function studentBookText(language: Language): StudentBookText {
  const documents = studentLessons(language);
  const labels = labelsOf(language);
  return {
    language,
    title: documents.map((document) => document.title).join(" · "),
    slugs: documents.map((document) => document.slug),
    paragraphs: documents.flatMap((document, index) => lessonParagraphs(document, labels, index > 0)),
  };
}
