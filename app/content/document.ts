// The typed lesson document: what the web pages render and the PDF engine typesets.
// Bodies stay mdast (the Markdown syntax tree) so both renderers walk one and the same tree.
import type { BlockContent, DefinitionContent, ListItem, PhrasingContent } from "mdast";
import { z } from "zod";
import { languages, type Language } from "~/i18n/languages";
import { topics } from "./topics";

/** A block of a section body: paragraphs, lists, quotes, subheadings. */
export type BodyNode = BlockContent | DefinitionContent | ListItem;
export type InlineNode = PhrasingContent;

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const maximumSlugLength = 80;

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
export type SectionKey = (typeof sectionKeys)[number];

export interface Activity {
  title: string;
  minutes: number;
  body: BodyNode[];
  line: number;
}

export interface QuizOption {
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
  message: string;
}

export function formatProblem(problem: ContentProblem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`;
}
