// Parses one lesson language file (<lng>.md) into a LessonDocument, collecting every problem with its
// line instead of stopping at the first: a translator fixes a file in one pass.
import { createHash } from "node:crypto";
import type { Heading, List, Nodes, Root, RootContent } from "mdast";
import { toString as plainText } from "mdast-util-to-string";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { parse as parseYaml } from "yaml";
import type { Language } from "~/i18n/languages";
import {
  frontMatterSchema,
  optionalSectionKeys,
  sectionKeys,
  studentTaskKey,
  type Activity,
  type BodyNode,
  type ContentProblem,
  type LessonDocument,
  type Printable,
  type PrintableKind,
  type QuizQuestion,
  type SectionKey,
} from "./document";
import { extractFacts, type ExtractedFacts } from "./facts";
import { problem, type ProblemCode, type ProblemValues } from "./problems";

const markdownParser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ["yaml"]);

/** The node types a lesson may contain; anything else is reported and never rendered. */
const allowedNodeTypes = new Set([
  "root",
  "yaml",
  "paragraph",
  "text",
  "strong",
  "emphasis",
  "list",
  "listItem",
  "blockquote",
  "heading",
  "link",
  "break",
]);

/** Markdown a lesson may not contain, by node type: the key of its name in problems.json's `nodes`. */
const nodeNames: Record<string, string> = {
  html: "html",
  image: "image",
  imageReference: "image",
  code: "code",
  inlineCode: "inlineCode",
  table: "table",
  thematicBreak: "thematicBreak",
  footnoteDefinition: "footnote",
  footnoteReference: "footnote",
  delete: "delete",
  linkReference: "linkReference",
  definition: "definition",
};

/** `## Sorting the cases {15 min}` → title and minutes. */
const activityHeadingPattern = /^(.*\S)\s*\{\s*(\d{1,3})\s*min\s*\}\s*$/;
import { lessonLinkPrefix, materialLinkPrefix } from "./links";

/** `## Rights cards {cards: rights-cards}` → title, kind and id. */
const printableHeadingPattern = /^(.*\S)\s*\{\s*(cards|sheet)\s*:\s*([a-z0-9]+(?:-[a-z0-9]+)*)\s*\}\s*$/;

function lineOf(node: { position?: { start: { line: number } } } | undefined, fallback = 1): number {
  return node?.position?.start.line ?? fallback;
}

/** Removes source positions so that documents stay small in memory and in page data. */
function withoutPositions<T extends Nodes>(node: T): T {
  const copy = { ...node } as T & { position?: unknown; children?: Nodes[] };
  delete copy.position;
  if (Array.isArray(copy.children)) copy.children = copy.children.map(withoutPositions);
  return copy;
}

interface ParseInput {
  slug: string;
  language: Language;
  file: string;
  text: string;
}

/** What the whole-lesson checks need of a file beyond the document: kept with the parse, not served. */
export interface FileAnalysis {
  /** Numbers, phone numbers, times, years and lesson links, by the structural unit they stand in. */
  facts: ExtractedFacts;
  /** Links to printables, with the section they stand in. */
  materialLinks: { id: string; line: number; section: SectionKey }[];
  /** Each activity and each `# materials` item as plain text, for the check that named materials are supplied. */
  /** Where a material is named: an item of # materials (activity null) or an activity's text. */
  materialMentionUnits: { text: string; line: number; linksMaterial: boolean; activity: string | null }[];
}

interface ParseResult {
  document: LessonDocument | null;
  problems: ContentProblem[];
  analysis: FileAnalysis;
}

export function parseLessonFile({ slug, language, file, text }: ParseInput): ParseResult {
  const problems: ContentProblem[] = [];
  const report: Report = (line, key, values = {}) => problems.push(problem(file, line, key, values));

  const analysis: FileAnalysis = { facts: { tokens: [], units: [] }, materialLinks: [], materialMentionUnits: [] };
  if (text.includes("\u0000")) {
    report(1, "nulCharacter");
    return { document: null, problems, analysis };
  }

  const tree = markdownParser.parse(text) as Root;
  const { lessonLinks, materialLinks } = checkNodes(tree, report);
  analysis.materialLinks = materialLinks;

  // Front matter.
  const [first, ...rest] = tree.children;
  let frontMatter: { title: string; summary: string } | null = null;
  if (first?.type !== "yaml") {
    report(1, "frontMatterMissing");
  } else {
    try {
      const parsed = frontMatterSchema.safeParse(parseYaml(first.value));
      if (parsed.success) frontMatter = parsed.data;
      else
        for (const issue of parsed.error.issues)
          report(lineOf(first), "frontMatterInvalid", { field: issue.path.join(".") || "value", detail: issue.message });
    } catch (error) {
      report(lineOf(first), "frontMatterYaml", { detail: (error as Error).message.split("\n")[0]! });
    }
  }
  const body = first?.type === "yaml" ? rest : tree.children;

  // Sections: each starts with a level-1 heading whose text is a fixed key.
  const sections = new Map<SectionKey, { line: number; nodes: RootContent[] }>();
  let current: { line: number; nodes: RootContent[] } | null = null;
  let expectedIndex = 0;
  for (const node of body) {
    if (node.type === "heading" && node.depth === 1) {
      const key = plainText(node).trim();
      const index = allSectionKeys.indexOf(key);
      if (index === -1) {
        report(lineOf(node), "unknownSection", { key, keys: allSectionKeys.join(", ") });
        current = null;
        continue;
      }
      if (sections.has(key as SectionKey)) {
        report(lineOf(node), "sectionTwice", { key });
        current = null;
        continue;
      }
      if (index < expectedIndex) report(lineOf(node), "sectionOrder", { key, keys: allSectionKeys.join(", ") });
      expectedIndex = Math.max(expectedIndex, index);
      current = { line: lineOf(node), nodes: [] };
      sections.set(key as SectionKey, current);
      continue;
    }
    if (current) current.nodes.push(node);
    else report(lineOf(node), "outsideSection");
  }
  const endLine = text.split("\n").length;
  for (const key of allSectionKeys as SectionKey[]) {
    const section = sections.get(key);
    if (!section) {
      if ((sectionKeys as readonly string[]).includes(key)) report(endLine, "sectionMissing", { key });
    } else if (section.nodes.length === 0) report(section.line, "sectionEmpty", { key });
  }

  const bodyOf = (key: SectionKey): BodyNode[] =>
    (sections.get(key)?.nodes ?? []).map((node) => withoutPositions(node) as BodyNode);

  const activities = parseActivities(sections.get("activities"), report);
  const quiz = parseQuiz(sections.get("quiz"), report);
  const printables = parsePrintables(sections.get("printables"), report);
  checkMaterialLinks(printables, materialLinks, report);
  analysis.facts = extractFacts(first?.type === "yaml" ? first : undefined, sections);
  analysis.materialMentionUnits = materialMentionUnits(sections);
  const discussion = sections.get("discussion");
  if (discussion && discussion.nodes.length > 0 && !discussion.nodes.some((node) => node.type === "list" && node.ordered)) {
    report(discussion.line, "discussionList");
  }

  if (problems.length > 0 || !frontMatter) return { document: null, problems, analysis };
  return {
    problems,
    analysis,
    document: {
      slug,
      language,
      title: frontMatter.title,
      summary: frontMatter.summary,
      objectives: bodyOf("objectives"),
      materials: bodyOf("materials"),
      activities,
      reading: bodyOf("reading"),
      discussion: bodyOf("discussion"),
      quiz,
      teacherNotes: bodyOf("teacher-notes"),
      safeguarding: bodyOf("safeguarding"),
      printables,
      contentHash: createHash("sha256").update(text).digest("hex"),
      lessonLinks,
    },
  };
}

const allSectionKeys: readonly string[] = [...sectionKeys, ...optionalSectionKeys];

/** Reports every node a lesson may not contain and collects the links to other lessons and to printables. */
function checkNodes(tree: Root, report: Report) {
  const links: { slug: string; line: number }[] = [];
  const materialLinks: FileAnalysis["materialLinks"] = [];
  let section: SectionKey = "objectives";
  const visit = (node: Nodes, insideQuiz: boolean) => {
    if (!allowedNodeTypes.has(node.type)) {
      report(lineOf(node), node.type === "html" ? "rawHtml" : "nodeNotAllowed", { node: nodeNames[node.type] ?? "other" });
      return;
    }
    if (node.type === "link") {
      if (node.url.startsWith(lessonLinkPrefix)) links.push({ slug: node.url.slice(lessonLinkPrefix.length), line: lineOf(node) });
      else if (node.url.startsWith(materialLinkPrefix)) materialLinks.push({ id: node.url.slice(materialLinkPrefix.length), line: lineOf(node), section });
      else report(lineOf(node), "webLink", { url: node.url });
    }
    if (node.type === "listItem" && node.checked !== null && node.checked !== undefined && !insideQuiz) {
      report(lineOf(node), "checkboxOutsideQuiz");
    }
    if ("children" in node) for (const child of node.children as Nodes[]) visit(child, insideQuiz);
  };
  let insideQuiz = false;
  for (const node of tree.children) {
    if (node.type === "heading" && node.depth === 1) {
      const key = plainText(node).trim();
      insideQuiz = key === "quiz";
      if (allSectionKeys.includes(key)) section = key as SectionKey;
    }
    visit(node, insideQuiz);
  }
  return { lessonLinks: links, materialLinks };
}

type Report = (line: number, key: ProblemCode, values?: ProblemValues) => void;

function splitByLevelTwoHeadings(nodes: RootContent[], report: Report, what: string) {
  const parts: { heading: Heading; nodes: RootContent[] }[] = [];
  for (const node of nodes) {
    if (node.type === "heading" && node.depth === 2) parts.push({ heading: node, nodes: [] });
    else if (parts.length === 0) report(lineOf(node), what === "activity" ? "textBeforeActivity" : "textBeforePrintable");
    else parts.at(-1)!.nodes.push(node);
  }
  return parts;
}

function parseActivities(section: { line: number; nodes: RootContent[] } | undefined, report: Report): Activity[] {
  if (!section) return [];
  const activities: Activity[] = [];
  for (const { heading, nodes } of splitByLevelTwoHeadings(section.nodes, report, "activity")) {
    const match = activityHeadingPattern.exec(plainText(heading));
    if (!match) {
      report(lineOf(heading), "activityHeading");
      continue;
    }
    const taskHeadings = nodes.filter((node) => node.type === "heading" && node.depth === 3 && plainText(node).trim() === studentTaskKey);
    const taskIndex = taskHeadings[0] ? nodes.indexOf(taskHeadings[0]) : -1;
    const teacherNodes = taskIndex === -1 ? nodes : nodes.slice(0, taskIndex);
    const taskNodes = taskIndex === -1 ? [] : nodes.slice(taskIndex + 1);
    if (teacherNodes.length === 0) report(lineOf(heading), "activityNoInstructions");
    if (taskIndex === -1) {
      report(lineOf(heading), "activityNoTask");
    } else if (taskNodes.length === 0) {
      report(lineOf(taskHeadings[0]), "taskEmpty");
    }
    if (taskHeadings.length > 1) report(lineOf(taskHeadings[1]), "taskTwice");
    activities.push({
      title: match[1]!,
      minutes: Number(match[2]),
      body: teacherNodes.map((node) => withoutPositions(node) as BodyNode),
      studentTask: taskNodes.map((node) => withoutPositions(node) as BodyNode),
      line: lineOf(heading),
    });
  }
  if (activities.length === 0) report(section.line, "noActivities");
  return activities;
}

function parseQuiz(section: { line: number; nodes: RootContent[] } | undefined, report: Report): QuizQuestion[] {
  if (!section) return [];
  const questions: QuizQuestion[] = [];
  for (const { heading, nodes } of splitByLevelTwoHeadings(section.nodes, report, "quiz question")) {
    const line = lineOf(heading);
    const list = nodes.find((node): node is List => node.type === "list");
    const options = (list?.children ?? []).map((item) => ({
      text: plainText(item).trim(),
      correct: item.checked === true,
      line: lineOf(item),
      isTask: item.checked === true || item.checked === false,
    }));
    if (!list || options.length < 2) report(line, "quizOptions");
    else if (options.some((option) => !option.isTask)) report(lineOf(list), "quizOptionMark");
    else if (options.filter((option) => option.correct).length !== 1) report(lineOf(list), "quizOneRight");
    const explanation = nodes.filter((node) => node.type === "blockquote");
    if (explanation.length === 0) report(line, "quizExplanation");
    for (const node of nodes) {
      if (node !== list && node.type !== "blockquote") report(lineOf(node), "quizExtra");
    }
    questions.push({
      question: plainText(heading).trim(),
      options: options.map(({ text, correct, line: optionLine }) => ({ text, correct, line: optionLine })),
      explanation: explanation.flatMap((quote) => quote.children.map((child) => withoutPositions(child) as BodyNode)),
      line,
    });
  }
  if (questions.length === 0) report(section.line, "quizEmpty");
  return questions;
}

function parsePrintables(section: { line: number; nodes: RootContent[] } | undefined, report: Report): Printable[] {
  if (!section) return [];
  const printables: Printable[] = [];
  for (const { heading, nodes } of splitByLevelTwoHeadings(section.nodes, report, "printable")) {
    const line = lineOf(heading);
    const match = printableHeadingPattern.exec(plainText(heading));
    if (!match) {
      report(line, "printableHeading");
      continue;
    }
    const [, title, kind, id] = match as unknown as [string, string, PrintableKind, string];
    if (printables.some((printable) => printable.id === id)) report(line, "printableIdTwice", { id });
    if (nodes.length === 0) {
      report(line, "printableEmpty");
      continue;
    }
    let items: BodyNode[][];
    if (kind === "cards") {
      const lists = nodes.filter((node): node is List => node.type === "list");
      for (const node of nodes) if (node.type !== "list") report(lineOf(node), "cardsOneList");
      if (lists.length !== 1 || lists[0]!.ordered) {
        if (lists.length > 1) report(lineOf(lists[1]), "cardsOneList");
        else if (lists[0]?.ordered) report(lineOf(lists[0]), "cardsBulleted");
      }
      items = (lists[0]?.children ?? []).map((item) => item.children.map((child) => withoutPositions(child) as BodyNode));
    } else {
      items = [nodes.map((node) => withoutPositions(node) as BodyNode)];
    }
    printables.push({ id, kind, title: title.trim(), items, line });
  }
  return printables;
}

/** Every `material:` link names a printable of the file, and every printable is named by an activity or the materials list. */
function checkMaterialLinks(printables: Printable[], links: FileAnalysis["materialLinks"], report: Report) {
  const ids = new Set(printables.map((printable) => printable.id));
  for (const link of links) {
    if (!ids.has(link.id)) report(link.line, "materialLinkUnknown", { id: link.id });
  }
  for (const printable of printables) {
    if (!links.some((link) => link.id === printable.id && (link.section === "activities" || link.section === "materials"))) {
      report(printable.line, "printableUnused", { id: printable.id });
    }
  }
}

/** The units in which a printed material may be named: each activity, each item of `# materials`. */
function materialMentionUnits(sections: Map<SectionKey, { line: number; nodes: RootContent[] }>): FileAnalysis["materialMentionUnits"] {
  const hasMaterialLink = (node: Nodes): boolean =>
    (node.type === "link" && node.url.startsWith(materialLinkPrefix)) || ("children" in node && (node.children as Nodes[]).some(hasMaterialLink));
  const units: FileAnalysis["materialMentionUnits"] = [];
  for (const node of sections.get("materials")?.nodes ?? []) {
    const items = node.type === "list" ? node.children : [node];
    items.forEach((item) => units.push({ text: plainText(item), line: lineOf(item), linksMaterial: hasMaterialLink(item), activity: null }));
  }
  let current: { text: string; line: number; linksMaterial: boolean; activity: string | null } | null = null;
  for (const node of sections.get("activities")?.nodes ?? []) {
    if (node.type === "heading" && node.depth === 2) {
      current = { text: plainText(node), line: lineOf(node), linksMaterial: false, activity: plainText(node).replace(/\{.*\}\s*$/, "").trim() };
      units.push(current);
      continue;
    }
    if (!current || (node.type === "heading" && plainText(node).trim() === studentTaskKey)) continue;
    current.text += `\n${plainText(node)}`;
    current.linksMaterial ||= hasMaterialLink(node);
  }
  return units;
}
