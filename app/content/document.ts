// The typed lesson document: what the web pages render and the PDF engine typesets.
// Bodies stay mdast (the Markdown syntax tree) so both renderers walk one and the same tree.
import type { BlockContent, DefinitionContent, ListItem } from "mdast";
import { z } from "zod";
import { languages, type Language } from "~/i18n/languages";
import { topics } from "./topics";

/** A block of a section body: paragraphs, lists, quotes, subheadings. */
export type BodyNode = BlockContent | DefinitionContent | ListItem;

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const maximumSlugLength = 80;

export function isSlug(value: unknown): value is string {
  return typeof value === "string" && value.length <= maximumSlugLength && slugPattern.test(value);
}

/** lesson.yaml: what is the same in every language. */
export const lessonMetadataSchema = z
  .object({
    order: z.number().int().positive(),
    grades: z.array(z.number().int().min(7).max(12)).nonempty(),
    minutes: z.number().int().min(10).max(180),
    topics: z.array(z.enum(topics)).nonempty(),
    source: z.enum(languages),
  })
  .strict();
export type LessonMetadata = z.infer<typeof lessonMetadataSchema>;

/** The front matter of <lng>.md. */
export const frontMatterSchema = z
  .object({
    title: z.string().trim().min(1).max(160),
    summary: z.string().trim().min(1).max(400),
  })
  .strict();

/** The section keys, in the order a lesson file must give them. */
export const sectionKeys = [
  "objectives",
  "materials",
  "activities",
  "reading",
  "discussion",
  "quiz",
  "teacher-notes",
  "safeguarding",
] as const;
/** Sections a lesson may leave out, after the required ones. */
export const optionalSectionKeys = ["printables"] as const;
export type SectionKey = (typeof sectionKeys)[number] | (typeof optionalSectionKeys)[number];

/** The fixed `###` key inside an activity: what follows it is the students' task, what precedes it the teacher's. */
export const studentTaskKey = "student-task";

export interface Activity {
  title: string;
  minutes: number;
  /** The teacher's instructions (answers included): teacher page, lesson plan, teacher's book only. */
  body: BodyNode[];
  /** What students are asked to do: the student page, the handout and the student book show only this. */
  studentTask: BodyNode[];
  line: number;
}

export type PrintableKind = "cards" | "sheet";

/** A card, sheet, checklist or sample an activity names, printed by materials.pdf. */
export interface Printable {
  /** Same in every language: `material:<id>` links name it. */
  id: string;
  kind: PrintableKind;
  title: string;
  /** Cards: one entry per card. Sheet: one entry, the page's body. */
  items: BodyNode[][];
  line: number;
}

interface QuizOption {
  text: string;
  correct: boolean;
  line: number;
}

export interface QuizQuestion {
  question: string;
  options: QuizOption[];
  explanation: BodyNode[];
  line: number;
}

export interface LessonDocument {
  slug: string;
  language: Language;
  title: string;
  summary: string;
  objectives: BodyNode[];
  materials: BodyNode[];
  activities: Activity[];
  reading: BodyNode[];
  discussion: BodyNode[];
  quiz: QuizQuestion[];
  teacherNotes: BodyNode[];
  safeguarding: BodyNode[];
  printables: Printable[];
  /** sha256 of the file's text: what PDF cache keys and revisions identify the content by. */
  contentHash: string;
  /** Slugs of the lessons this document links to, with the line of each link. */
  lessonLinks: { slug: string; line: number }[];
}

export interface Lesson {
  slug: string;
  metadata: LessonMetadata;
  /** The valid language versions of the lesson. */
  documents: Partial<Record<Language, LessonDocument>>;
}

/** A problem found in a lesson file, reported as `file:line: message`. */
export interface ContentProblem {
  file: string;
  line: number;
  /** In English, for the command line and the logs. */
  message: string;
  /** What the problem is (locales/<lng>/problems.json) and its values: the pages say it in the reader's language. */
  code?: string;
  values?: Record<string, string | number>;
  /**
   * "structure": the file cannot be served as it is (left out of the site). "editorial": a term, a fact
   * that differs from the source, a material that is not supplied: the file is still served, but
   * `content check` fails and a revision with it cannot be approved.
   */
  severity?: "structure" | "editorial";
}

export function formatProblem(problem: ContentProblem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`;
}
