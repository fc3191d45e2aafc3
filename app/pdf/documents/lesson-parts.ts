// The parts a document is assembled from: a lesson plan, a student handout, the help page. Pure: the
// labels come in already translated, so a pack can mix languages.
import type { LessonDocument } from "~/content/document";
import type { LessonSummary } from "~/content/views";
import type { Block } from "../model";
import { qrSymbol } from "../qr";
import { blocksOf, inlinesOf } from "./blocks";

/** Which of a lesson's pages a part's QR code leads to: the students' lesson page, or the teacher's. */
export type LessonPage = "lesson" | "teacher";

/** Whether a part carries the QR code of its lesson's page (not a draft: the page shows what is approved). */
export interface PartOptions {
  code?: boolean;
}

/** A lesson's text in one language, with the labels of that language. */
export interface LessonInLanguage {
  lesson: LessonSummary;
  document: LessonDocument;
  labels: DocumentLabels;
  /** The approved revision this text is, for the colophon; absent for a preview of a revision in review. */
  revision?: { id: number; approvedAt: string };
}

/** UI strings a document needs, in one language. */
export interface DocumentLabels {
  language: string;
  sections: Record<"objectives" | "materials" | "activities" | "reading" | "discussion" | "quiz" | "teacherNotes" | "safeguarding", string>;
  plan: { start: string; activity: string; minutes: string; total: string };
  lessonPlan: string;
  handout: string;
  /** The printable materials: the document's name, and the line that says to cut along the dashes. */
  materials: string;
  cutHint: string;
  /** The heading over what students are asked to do, in the teacher's documents. */
  studentTask: string;
  answerKey: string;
  activityPlan: string;
  facts: (lesson: LessonSummary) => string;
  minutes: (count: number) => string;
  rightAnswer: (answer: string) => string;
  helpLine: { title: string; number: string; hours: string; emergency: string };
  help: { title: string; lead: string; callText: string; emergencyTitle: string; emergencyText: string; whatTitle: string; whatText: string; whereTitle: string; where: string[]; friendTitle: string; friendText: string };
  footer: string;
  colophon: {
    title: string;
    approved: (entries: string) => string;
    entry: (values: { lesson: string; language: string; revision: number; date: string }) => string;
    /** The verify page's full address (printed, and in the QR code); a bare path when no origin is configured. */
    address: string;
    /** How to check a copy, the address in it. */
    verify: string;
  };
  /** What printing adds: the note on a blank left-hand page, a pack's page position ("{page}"), the draft mark. */
  print: { blankPage: string; position: string; draft: string };
  /**
   * The lesson's page on the site in this language, for the QR code beside a part's title: the lesson
   * page (handouts, materials) or its teacher page (plans). Null without PUBLIC_ORIGIN: a code of a bare
   * path would lead a phone nowhere. `caption`: the words under the code.
   */
  lessonPage: { address: (slug: string, page: LessonPage) => string | null; caption: string };
  book: {
    siteName: string;
    student: string;
    teacher: string;
    pack: string;
    contents: string;
    coverSubtitle: string;
    coverLanguage: string;
    subject: string;
    keywords: string[];
  };
}

function sectionHeading(title: string, anchor: string): Block {
  return { kind: "heading", level: 2, inlines: [{ text: title }], outline: { level: 1, title }, anchor };
}

/**
 * The part's name, the lesson's title, summary and facts; beside them, on the part's first page, a QR
 * code of the lesson's page in the part's language (clickable too), with a caption under it.
 */
function titleBlocks(document: LessonDocument, lesson: LessonSummary, labels: DocumentLabels, part: string, anchor: string, page: LessonPage, options: PartOptions): Block[] {
  const blocks: Block[] = [
    { kind: "paragraph", inlines: [{ text: part, style: { bold: true } }], size: "small" },
    { kind: "heading", level: 1, inlines: [{ text: document.title }], outline: { level: 0, title: `${document.title} — ${part}` }, anchor },
    { kind: "paragraph", inlines: [{ text: document.summary, style: { italic: true } }] },
    { kind: "paragraph", inlines: [{ text: labels.facts(lesson) }], size: "small" },
  ];
  const address = options.code === false ? null : labels.lessonPage.address(lesson.slug, page);
  if (!address) return blocks;
  return [{ kind: "qrNote", blocks, qr: qrSymbol(address), caption: labels.lessonPage.caption, link: address, keepWithNext: true }];
}

function activityTable(document: LessonDocument, lesson: LessonSummary, labels: DocumentLabels): Block {
  let elapsed = 0;
  return {
    kind: "table",
    columns: [
      { share: 1.3, align: "right" },
      { share: 6, align: "left" },
      { share: 1.3, align: "right" },
    ],
    header: [[{ text: labels.plan.start }], [{ text: labels.plan.activity }], [{ text: labels.plan.minutes }]],
    rows: document.activities.map((activity) => {
      const start = elapsed;
      elapsed += activity.minutes;
      return [[{ text: `${start}′` }], [{ text: activity.title }], [{ text: String(activity.minutes) }]];
    }),
    footer: [[{ text: "" }], [{ text: labels.plan.total }], [{ text: String(lesson.minutes) }]],
  };
}

/** The teacher's activities: instructions (answers included), then what students are asked to do. */
function teacherActivityBlocks(document: LessonDocument, labels: DocumentLabels): Block[] {
  return document.activities.flatMap((activity, index): Block[] => [
    { kind: "heading", level: 3, inlines: [{ text: `${index + 1}. ${activity.title} (${labels.minutes(activity.minutes)})` }] },
    ...blocksOf(activity.body),
    { kind: "quote", blocks: [{ kind: "paragraph", inlines: [{ text: labels.studentTask, style: { bold: true } }] }, ...blocksOf(activity.studentTask)] },
  ]);
}

/** The students' activities: each one's title and length, and their task; never the teacher's instructions. */
function studentActivityBlocks(document: LessonDocument, labels: DocumentLabels): Block[] {
  return document.activities.flatMap((activity, index): Block[] => [
    { kind: "heading", level: 3, inlines: [{ text: `${index + 1}. ${activity.title} (${labels.minutes(activity.minutes)})` }] },
    ...blocksOf(activity.studentTask),
  ]);
}

function quizBlocks(document: LessonDocument, labels: DocumentLabels, withAnswers: boolean): Block[] {
  return document.quiz.flatMap((question, index): Block[] => [
    { kind: "paragraph", inlines: [{ text: `${index + 1}. ${question.question}`, style: { bold: true } }], keepWithNext: true },
    { kind: "options", showAnswer: withAnswers, items: question.options.map((option) => ({ inlines: [{ text: option.text }], right: option.correct })) },
    ...(withAnswers
      ? [
          {
            kind: "quote",
            blocks: [
              { kind: "paragraph", inlines: [{ text: labels.rightAnswer(question.options.find((option) => option.correct)?.text ?? ""), style: { bold: true } }] },
              ...blocksOf(question.explanation),
            ],
          } satisfies Block,
        ]
      : []),
  ]);
}

export function helpLineBox(labels: DocumentLabels): Block {
  return {
    kind: "box",
    blocks: [
      { kind: "paragraph", inlines: [{ text: labels.helpLine.title, style: { bold: true } }] },
      { kind: "paragraph", inlines: [{ text: labels.helpLine.number, style: { bold: true } }], size: "large" },
      { kind: "paragraph", inlines: [{ text: labels.helpLine.hours }] },
      { kind: "paragraph", inlines: [{ text: labels.helpLine.emergency }] },
    ],
  };
}

/**
 * The teacher's lesson plan: objectives, materials, the timed plan, activities, the reading and the
 * discussion questions (so that one printed document runs the lesson), answers, notes, safeguarding.
 */
export function lessonPlanBlocks(document: LessonDocument, lesson: LessonSummary, labels: DocumentLabels, anchor: string, options: PartOptions = {}): Block[] {
  const id = (section: string) => `${anchor}/${section}`;
  return [
    ...titleBlocks(document, lesson, labels, labels.lessonPlan, anchor, "teacher", options),
    sectionHeading(labels.sections.objectives, id("objectives")),
    ...blocksOf(document.objectives),
    sectionHeading(labels.sections.materials, id("materials")),
    ...blocksOf(document.materials),
    sectionHeading(labels.activityPlan, id("plan")),
    activityTable(document, lesson, labels),
    sectionHeading(labels.sections.activities, id("activities")),
    ...teacherActivityBlocks(document, labels),
    sectionHeading(labels.sections.reading, id("reading")),
    ...blocksOf(document.reading),
    sectionHeading(labels.sections.discussion, id("discussion")),
    ...blocksOf(document.discussion),
    sectionHeading(labels.answerKey, id("quiz")),
    ...quizBlocks(document, labels, true),
    sectionHeading(labels.sections.teacherNotes, id("notes")),
    ...blocksOf(document.teacherNotes),
    sectionHeading(labels.sections.safeguarding, id("safeguarding")),
    ...blocksOf(document.safeguarding),
    helpLineBox(labels),
  ];
}

/** The student handout: reading, activities, discussion, the quiz without answers, the help line. */
export function handoutBlocks(document: LessonDocument, lesson: LessonSummary, labels: DocumentLabels, anchor: string, options: PartOptions = {}): Block[] {
  const id = (section: string) => `${anchor}/${section}`;
  return [
    ...titleBlocks(document, lesson, labels, labels.handout, anchor, "lesson", options),
    sectionHeading(labels.sections.reading, id("reading")),
    ...blocksOf(document.reading),
    sectionHeading(labels.sections.activities, id("activities")),
    ...studentActivityBlocks(document, labels),
    sectionHeading(labels.sections.discussion, id("discussion")),
    ...blocksOf(document.discussion),
    sectionHeading(labels.sections.quiz, id("quiz")),
    ...quizBlocks(document, labels, false),
    helpLineBox(labels),
  ];
}

/** Copies of a one-card printable on its page: two columns of four. */
const copiesOfSingleCard = 8;

/**
 * The printable materials for the classroom: each set of cards under its title, several cards to a page
 * with cut lines; each sheet on a page of its own, its title large. Nothing here is for the teacher's eyes only.
 */
export function materialsBlocks(document: LessonDocument, lesson: LessonSummary, labels: DocumentLabels, anchor: string, options: PartOptions = {}): Block[] {
  const blocks: Block[] = [...titleBlocks(document, lesson, labels, labels.materials, anchor, "lesson", options)];
  document.printables.forEach((printable, index) => {
    const outline = { level: 1, title: printable.title };
    const id = `${anchor}/material-${printable.id}`;
    if (printable.kind === "cards") {
      if (index > 0) blocks.push({ kind: "pageBreak" });
      blocks.push(
        { kind: "heading", level: 2, inlines: [{ text: printable.title }], outline, anchor: id },
        { kind: "paragraph", inlines: [{ text: labels.cutHint, style: { italic: true } }], size: "small" },
        // A single card (an exit card, a personal plan) is one for every student: a page of copies.
        { kind: "cards", cards: printable.items.length === 1 ? Array.from({ length: copiesOfSingleCard }, () => blocksOf(printable.items[0]!)) : printable.items.map((card) => blocksOf(card)) },
      );
    } else {
      blocks.push(
        { kind: "pageBreak" },
        { kind: "space", height: 24 },
        { kind: "heading", level: 1, inlines: [{ text: printable.title }], outline, anchor: id, align: "center", display: true },
        { kind: "space", height: 12 },
        ...blocksOf(printable.items[0] ?? []),
      );
    }
  });
  return blocks;
}

/** The help page that ends every book. */
export function helpPageBlocks(labels: DocumentLabels, anchor: string): Block[] {
  const { help } = labels;
  return [
    { kind: "heading", level: 1, inlines: [{ text: help.title }], outline: { level: 0, title: help.title }, anchor },
    { kind: "paragraph", inlines: [{ text: help.lead }] },
    helpLineBox(labels),
    { kind: "paragraph", inlines: [{ text: help.callText }] },
    { kind: "heading", level: 2, inlines: [{ text: help.emergencyTitle }] },
    { kind: "paragraph", inlines: [{ text: help.emergencyText }] },
    { kind: "heading", level: 2, inlines: [{ text: help.whatTitle }] },
    { kind: "paragraph", inlines: [{ text: help.whatText }] },
    { kind: "heading", level: 2, inlines: [{ text: help.whereTitle }] },
    { kind: "list", ordered: false, items: help.where.map((text) => [{ kind: "paragraph", inlines: [{ text }] } satisfies Block]) },
    { kind: "heading", level: 2, inlines: [{ text: help.friendTitle }] },
    { kind: "paragraph", inlines: [{ text: help.friendText }] },
  ];
}

export { inlinesOf };
