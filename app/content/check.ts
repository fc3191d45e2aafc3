// Checks a whole curriculum: each file on its own (parse.ts), then what only the lesson as a whole can
// tell: the metadata, minutes that add up, translations that keep the source's structure, links that
// lead to existing lessons. Pure: it takes file texts, so tests can feed it fixtures.
import { LineCounter, parseDocument } from "yaml";
import { languages, type Language } from "~/i18n/languages";
import {
  isSlug,
  lessonMetadataSchema,
  type ContentProblem,
  type Lesson,
  type LessonDocument,
  type LessonMetadata,
} from "./document";
import { compareFacts } from "./facts";
import { problem } from "./problems";
import { parseLessonFile, type FileAnalysis } from "./parse";
import { checkTerms, namedMaterial, type Termbase } from "./terms";

/** The raw files of one lesson folder. */
export interface LessonSource {
  slug: string;
  /** Path of the folder as shown in messages, e.g. `lessons/safe-online`. */
  folder: string;
  metadataText: string | null;
  languageTexts: Partial<Record<Language, string>>;
}

/** A published translation that no longer keeps its (newer) source's structure: still served, marked. */
export interface OutdatedTranslation {
  slug: string;
  language: Language;
  /** How it differs from the source now published (for the status matrix and the revision page). */
  differences: ContentProblem[];
}

interface CheckedCurriculum {
  /** The valid lessons in curriculum order, each with its valid languages. */
  lessons: Lesson[];
  problems: ContentProblem[];
  /** Only with `keepOutdatedTranslations`: translations kept although their source has changed. */
  outdated: OutdatedTranslation[];
}

// Parsing is the costly part of a check, and a text parses the same every time: the catalogue is
// rebuilt after every approval, on every instance, and only the approved text is new.
const parsed = new Map<string, ReturnType<typeof parseLessonFile>>();
const parseCacheSize = 1_000;

function parseOnce(input: Parameters<typeof parseLessonFile>[0]): ReturnType<typeof parseLessonFile> {
  const key = `${input.slug}\u0000${input.language}\u0000${input.file}\u0000${input.text}`;
  let result = parsed.get(key);
  if (!result) {
    result = parseLessonFile(input);
    if (parsed.size >= parseCacheSize) parsed.delete(parsed.keys().next().value!);
    parsed.set(key, result);
  }
  return result;
}

interface CheckOptions {
  /** The termbase (lessons/terms.yaml): wrong variants and the words that name printed materials. */
  termbase?: Termbase;
  /**
   * The published catalogue: a translation that was approved against an older source stays public when
   * the source changes its structure (activities, minutes, quiz). It is listed as outdated, not as a
   * problem: approving the source must never take its translations offline. Files and revisions under
   * review are checked without it, so a new translation must match its source.
   */
  keepOutdatedTranslations?: boolean;
}

export function checkCurriculum(sources: LessonSource[], options: CheckOptions = {}): CheckedCurriculum {
  const problems: ContentProblem[] = [];
  const { termbase, keepOutdatedTranslations = false } = options;
  const candidates: Lesson[] = [];
  const outdated: OutdatedTranslation[] = [];

  for (const source of sources) {
    const metadataFile = `${source.folder}/lesson.yaml`;
    if (!isSlug(source.slug)) {
      problems.push(problem(source.folder, 1, "invalidSlug", { slug: source.slug }));
      continue;
    }
    const metadata = parseMetadata(source.metadataText, metadataFile, problems);
    if (!metadata) continue;

    const documents: Partial<Record<Language, LessonDocument>> = {};
    const analyses: Partial<Record<Language, FileAnalysis>> = {};
    /** Translations whose minutes no longer add up to the (newer) metadata's: outdated, when kept. */
    const minutesDiffer = new Map<Language, ContentProblem[]>();
    for (const language of languages) {
      const text = source.languageTexts[language];
      if (text === undefined) continue;
      const file = `${source.folder}/${language}.md`;
      const { document, problems: fileProblems, analysis } = parseOnce({ slug: source.slug, language, file, text });
      analyses[language] = analysis;
      problems.push(...fileProblems);
      if (termbase) {
        problems.push(...checkTerms(text, language, file, termbase));
        problems.push(...unsuppliedMaterials(analysis, language, file, termbase));
      }
      if (!document) continue;
      const minuteProblems: ContentProblem[] = [];
      if (minutesAddUp(document, metadata, file, minuteProblems)) documents[language] = document;
      else if (keepOutdatedTranslations && language !== metadata.source) {
        documents[language] = document;
        minutesDiffer.set(language, minuteProblems);
      } else problems.push(...minuteProblems);
    }

    const sourceDocument = documents[metadata.source];
    if (!sourceDocument) {
      const reason = source.languageTexts[metadata.source] === undefined ? "is missing" : "has problems";
      problems.push(problem(metadataFile, 1, reason === "is missing" ? "sourceMissing" : "sourceBroken", { source: metadata.source }));
      continue;
    }
    for (const language of languages) {
      const translation = documents[language];
      if (!translation || language === metadata.source) continue;
      const file = `${source.folder}/${language}.md`;
      const factDifferences = compareFacts(analyses[metadata.source]!.facts, analyses[language]!.facts, `${metadata.source}.md`).map(
        (difference): ContentProblem => ({ file, ...difference, severity: "editorial" }),
      );
      const differences = [...(minutesDiffer.get(language) ?? []), ...compareStructure(sourceDocument, translation, file)];
      if (keepOutdatedTranslations) {
        // Published, a translation that differs from its source does so because the source changed since.
        if (factDifferences.length + differences.length > 0) outdated.push({ slug: source.slug, language, differences: [...differences, ...factDifferences] });
        continue;
      }
      problems.push(...factDifferences);
      if (differences.length > 0) {
        problems.push(...differences);
        delete documents[language];
      }
    }
    candidates.push({ slug: source.slug, metadata, documents });
  }

  // Duplicate places in the curriculum: the first folder (by slug) keeps the place.
  const lessons: Lesson[] = [];
  const seenOrders = new Map<number, string>();
  for (const lesson of [...candidates].sort((a, b) => a.metadata.order - b.metadata.order || a.slug.localeCompare(b.slug))) {
    const holder = seenOrders.get(lesson.metadata.order);
    if (holder) {
      problems.push(problem(`${sourceFolder(sources, lesson.slug)}/lesson.yaml`, 1, "orderTaken", { order: lesson.metadata.order, holder }));
      continue;
    }
    seenOrders.set(lesson.metadata.order, lesson.slug);
    lessons.push(lesson);
  }

  // Links must lead to a lesson that exists (a lesson whose own files have problems still exists:
  // those problems are reported on its files).
  const knownSlugs = new Set(sources.filter((source) => source.metadataText !== null).map((source) => source.slug));
  for (const lesson of lessons) {
    for (const language of languages) {
      const document = lesson.documents[language];
      if (!document) continue;
      const broken = document.lessonLinks.filter((link) => !knownSlugs.has(link.slug));
      for (const link of broken) {
        problems.push(problem(`${sourceFolder(sources, lesson.slug)}/${language}.md`, link.line, "lessonLinkUnknown", { slug: link.slug }));
      }
      if (broken.length > 0) delete lesson.documents[language];
    }
  }

  return {
    lessons: lessons.filter((lesson) => Object.keys(lesson.documents).length > 0),
    problems: problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line),
    outdated,
  };
}

/** An activity or a materials item that names a printed material must link the printable it means. */
function unsuppliedMaterials(analysis: FileAnalysis, language: Language, file: string, termbase: Termbase): ContentProblem[] {
  return analysis.materialMentionUnits.flatMap((unit): ContentProblem[] => {
    if (unit.linksMaterial) return [];
    const word = namedMaterial(unit.text, language, termbase);
    if (!word) return [];
    return [
      {
        ...(unit.activity === null
          ? problem(file, unit.line, "materialNamedInMaterials", { word })
          : problem(file, unit.line, "materialNamed", { word, activity: unit.activity })),
        severity: "editorial",
      },
    ];
  });
}

function sourceFolder(sources: LessonSource[], slug: string): string {
  return sources.find((source) => source.slug === slug)?.folder ?? `lessons/${slug}`;
}

function parseMetadata(text: string | null, file: string, problems: ContentProblem[]): LessonMetadata | null {
  if (text === null) {
    problems.push(problem(file, 1, "metadataMissing"));
    return null;
  }
  const lineCounter = new LineCounter();
  const yamlDocument = parseDocument(text, { lineCounter });
  if (yamlDocument.errors.length > 0) {
    for (const error of yamlDocument.errors) {
      problems.push(problem(file, error.linePos?.[0]?.line ?? 1, "yamlInvalid", { detail: error.message.split("\n")[0]! }));
    }
    return null;
  }
  const parsed = lessonMetadataSchema.safeParse(yamlDocument.toJS());
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    // Point at the offending key's line where the YAML has it.
    const node = issue.path.length > 0 ? yamlDocument.getIn(issue.path.slice(0, 1), true) : null;
    const offset = (node as { range?: [number] } | null)?.range?.[0];
    const line = offset === undefined ? 1 : lineCounter.linePos(offset).line;
    const key = issue.path.join(".") || "lesson.yaml";
    problems.push(
      issue.path[0] === "topics" && issue.code === "invalid_enum_value"
        ? problem(file, line, "unknownTopic", { topic: String((issue as { received?: unknown }).received) })
        : problem(file, line, "metadataInvalid", { field: key, detail: issue.message }),
    );
  }
  return null;
}

function minutesAddUp(document: LessonDocument, metadata: LessonMetadata, file: string, problems: ContentProblem[]): boolean {
  const total = document.activities.reduce((sum, activity) => sum + activity.minutes, 0);
  if (total === metadata.minutes) return true;
  problems.push(problem(file, document.activities[0]?.line ?? 1, "minutesTotal", { total, minutes: metadata.minutes }));
  return false;
}

/** Everything a translation must keep from its source: the activities and their minutes, the quiz. */
function compareStructure(source: LessonDocument, translation: LessonDocument, file: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const from = `${source.language}.md`;
  if (source.activities.length !== translation.activities.length) {
    problems.push(problem(file, translation.activities[0]?.line ?? 1, "activityCount", { count: translation.activities.length, source: from, sourceCount: source.activities.length }));
  } else {
    source.activities.forEach((activity, index) => {
      const translated = translation.activities[index]!;
      if (translated.minutes !== activity.minutes) {
        problems.push(problem(file, translated.line, "activityMinutes", { number: index + 1, minutes: translated.minutes, source: from, sourceMinutes: activity.minutes }));
      }
    });
  }
  if (source.quiz.length !== translation.quiz.length) {
    problems.push(problem(file, translation.quiz[0]?.line ?? 1, "quizCount", { count: translation.quiz.length, source: from, sourceCount: source.quiz.length }));
  } else {
    source.quiz.forEach((question, index) => {
      const translated = translation.quiz[index]!;
      if (translated.options.length !== question.options.length) {
        problems.push(problem(file, translated.line, "quizOptionCount", { number: index + 1, count: translated.options.length, source: from, sourceCount: question.options.length }));
        return;
      }
      const rightInSource = question.options.findIndex((option) => option.correct);
      const rightInTranslation = translated.options.findIndex((option) => option.correct);
      if (rightInSource !== rightInTranslation) {
        problems.push(
          problem(file, translated.options[rightInTranslation]?.line ?? translated.line, "quizRightOption", {
            number: index + 1,
            option: rightInTranslation + 1,
            source: from,
            sourceOption: rightInSource + 1,
          }),
        );
      }
    });
  }
  source.activities.forEach((activity, index) => {
    const translated = translation.activities[index];
    if (translated && activity.studentTask.length > 0 && translated.studentTask.length === 0) {
      problems.push(problem(file, translated.line, "taskMissingInTranslation", { number: index + 1, source: from }));
    }
  });
  const describe = (document: LessonDocument) => document.printables.map((printable) => `${printable.kind}: ${printable.id}`).join(", ") || "none";
  if (describe(source) !== describe(translation)) {
    problems.push(problem(file, translation.printables[0]?.line ?? 1, "printablesDiffer", { printables: `{${describe(translation)}}`, source: from, sourcePrintables: `{${describe(source)}}` }));
  } else {
    source.printables.forEach((printable, index) => {
      const translated = translation.printables[index]!;
      if (printable.kind === "cards" && translated.items.length !== printable.items.length) {
        problems.push(problem(file, translated.line, "cardCount", { id: printable.id, count: translated.items.length, source: from, sourceCount: printable.items.length }));
      }
    });
  }
  const discussionCount = (document: LessonDocument) =>
    document.discussion.reduce((count, node) => count + (node.type === "list" ? node.children.length : 0), 0);
  if (discussionCount(source) !== discussionCount(translation)) {
    problems.push(problem(file, 1, "discussionCount", { count: discussionCount(translation), source: from, sourceCount: discussionCount(source) }));
  }
  return problems;
}
