// Document specifications: which parts, in which order, with which cover, title and running headers.
// Pure, so tests can lay documents out without drawing them.
import type { Block, DocumentSpec, PartStart } from "../model";
import { colophonBlocks } from "./colophon";
import { handoutBlocks, helpLineBox, helpPageBlocks, lessonPlanBlocks, materialsBlocks, type DocumentLabels, type LessonInLanguage } from "./lesson-parts";

export type { LessonInLanguage } from "./lesson-parts";

/** The newest approval among the parts: the document's date, never the clock. */
function contentDateOf(items: (LessonInLanguage | undefined)[]): Date | null {
  const dates = items.flatMap((item) => (item?.revision ? [item.revision.approvedAt] : [])).sort();
  return dates.length > 0 ? new Date(dates.at(-1)!) : null;
}

interface StandaloneOptions {
  /**
   * A preview of a revision in review is a draft: this mark on every page (in the reviewer's language),
   * and no colophon, since nothing in it is approved.
   */
  draft?: string;
}

export type PackPart = "plan" | "handout" | "materials";

function base(labels: DocumentLabels, title: string, runningTitle: string, contentDate: Date | null): Omit<DocumentSpec, "cover" | "body"> {
  return {
    language: labels.language,
    title,
    subject: labels.book.subject,
    keywords: labels.book.keywords,
    runningTitle,
    footer: labels.footer,
    contentDate,
  };
}

/** A unit of the structure tree around blocks: a lesson, a part, the colophon. */
function group(role: "Part" | "Sect", blocks: Block[], language?: string): Block[] {
  return blocks.length === 0 ? [] : [{ kind: "group", role, blocks, language }];
}

function standalone(item: LessonInLanguage, part: string, body: Block[], options: StandaloneOptions): DocumentSpec {
  const { document, labels } = item;
  return {
    ...base(labels, `${document.title} — ${part}`, document.title, options.draft ? null : contentDateOf([item])),
    cover: [],
    // The colophon ends the last page when it fits there (it keeps with the lines before it otherwise).
    body: [...group("Sect", body), ...(options.draft ? [] : group("Sect", colophonBlocks([item], labels)))],
    mark: options.draft,
  };
}

// A draft carries no QR code of the lesson's page: that page shows the approved text, not the draft.
export function lessonPlanSpec(item: LessonInLanguage, options: StandaloneOptions = {}): DocumentSpec {
  return standalone(item, item.labels.lessonPlan, lessonPlanBlocks(item.document, item.lesson, item.labels, "lesson", { code: !options.draft }), options);
}

export function handoutSpec(item: LessonInLanguage, options: StandaloneOptions = {}): DocumentSpec {
  return standalone(item, item.labels.handout, handoutBlocks(item.document, item.lesson, item.labels, "lesson", { code: !options.draft }), options);
}

/** The lesson's printable materials: cards with cut lines, sheets a page each. */
export function materialsSpec(item: LessonInLanguage, options: StandaloneOptions = {}): DocumentSpec {
  return standalone(item, item.labels.materials, materialsBlocks(item.document, item.lesson, item.labels, "lesson", { code: !options.draft }), options);
}

function coverBlocks(labels: DocumentLabels, bookTitle: string): Block[] {
  return [
    { kind: "space", height: 150 },
    { kind: "paragraph", inlines: [{ text: labels.book.siteName }], size: "large", align: "center" },
    { kind: "space", height: 12 },
    { kind: "heading", level: 1, inlines: [{ text: bookTitle }], align: "center" },
    { kind: "paragraph", inlines: [{ text: labels.book.coverSubtitle }], align: "center" },
    { kind: "paragraph", inlines: [{ text: labels.book.coverLanguage, style: { italic: true } }], align: "center" },
    { kind: "space", height: 220 },
    helpLineBox(labels),
  ];
}

/** A schoolbook: cover, contents with page numbers that are links, every lesson, the help page. */
export function bookSpec(kind: "student" | "teacher", lessons: LessonInLanguage[], labels: DocumentLabels): DocumentSpec {
  const bookTitle = kind === "student" ? labels.book.student : labels.book.teacher;
  const lessonAnchor = (index: number) => `lesson-${index + 1}`;
  const entries = [
    ...lessons.map(({ document, lesson }, index) => ({ title: `${lesson.number}. ${document.title}`, anchor: lessonAnchor(index), level: 0 as const })),
    { title: labels.help.title, anchor: "help", level: 0 as const },
  ];
  const body: Block[] = [{ kind: "tableOfContents", title: labels.book.contents, entries }];
  lessons.forEach((item, index) => {
    body.push({ kind: "pageBreak", runningTitle: `${bookTitle} · ${item.document.title}` });
    const parts = kind === "student" ? handoutBlocks : lessonPlanBlocks;
    body.push(...group("Sect", parts(item.document, item.lesson, item.labels, lessonAnchor(index))));
  });
  body.push(
    { kind: "pageBreak", runningTitle: `${bookTitle} · ${labels.help.title}` },
    ...group("Sect", helpPageBlocks(labels, "help")),
    ...group("Sect", colophonBlocks(lessons, labels)),
  );
  return {
    ...base(labels, `${labels.book.siteName} — ${bookTitle}`, bookTitle, contentDateOf(lessons)),
    cover: group("Sect", coverBlocks(labels, bookTitle)),
    body,
  };
}

interface PackLesson {
  plan?: LessonInLanguage;
  handout?: LessonInLanguage;
  /** In the handouts' language; absent for a lesson without printables. */
  materials?: LessonInLanguage;
}

const packPartBlocks = { plan: lessonPlanBlocks, handout: handoutBlocks, materials: materialsBlocks } as const;

/** A part of a pack starts on a right-hand page; its blank verso and its pack position speak its language. */
function partStart(labels: DocumentLabels): PartStart {
  return { blankPage: labels.print.blankPage, position: labels.print.position };
}

/**
 * A teacher's pack: chosen lessons in the chosen order, each with the chosen parts; handouts repeated
 * for printing (the materials once: cards are cut and shared by groups, and reused). Printed double-
 * sided, every part (a plan, each copy of a handout, the materials) starts on a sheet of its own and
 * counts its pages from 1; the colophon is the last part, so that every copy of a handout is the same.
 */
export function packSpec(items: PackLesson[], parts: PackPart[], copies: number, labels: DocumentLabels): DocumentSpec {
  const body: Block[] = [];
  items.forEach((item, index) => {
    // A lesson is a Part of the structure; each of its parts a Sect in the part's language.
    const lesson: Block[] = [];
    for (const part of parts) {
      const source = item[part];
      if (!source) continue;
      const blocks = packPartBlocks[part](source.document, source.lesson, source.labels, `lesson-${index + 1}-${part}`);
      lesson.push(
        { kind: "pageBreak", runningTitle: source.document.title, footer: source.labels.footer, part: partStart(source.labels) },
        ...group("Sect", blocks, source.labels.language),
      );
      // The other copies of a handout print the same pages: laid out and drawn once (no bookmarks, no
      // structure of their own: they are for the printer).
      if (part === "handout" && copies > 1) lesson.push({ kind: "repeatPart", times: copies - 1 });
    }
    body.push(...group("Part", lesson));
  });
  // A lesson without printables adds nothing to a pack of materials only.
  const titles = items.flatMap((item) => {
    const part = item.plan ?? item.handout ?? item.materials;
    return part ? [part.document.title] : [];
  });
  const included = items.flatMap((item) => [item.plan, item.handout, item.materials]);
  const colophon = colophonBlocks(included, labels);
  if (colophon.length > 0) body.push({ kind: "pageBreak", runningTitle: labels.colophon.title, footer: labels.footer, part: partStart(labels) }, ...group("Sect", colophon));
  return {
    ...base(labels, `${labels.book.pack}: ${titles.join(", ")}`.slice(0, 300), labels.book.pack, contentDateOf(included)),
    cover: [],
    body,
  };
}
