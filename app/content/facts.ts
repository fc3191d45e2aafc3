// The facts a translation must not change: phone numbers, times, years, other numbers and the lessons
// it links to. Each is taken with the structural unit it stands in (an activity, a quiz question, a
// subsection of the reading…), so a difference is reported where it is, not somewhere in the file.
import type { Nodes, RootContent, Yaml } from "mdast";
import { lessonLinkPrefix } from "./links";
import { helpLine, normalizePhoneNumber, phoneNumberPattern } from "./phone-numbers";
import type { ContentProblem, SectionKey } from "./document";
import { problem, type ProblemCode, type ProblemValues } from "./problems";

type FactKind = "phone" | "time" | "year" | "number" | "lesson-link";

interface FactToken {
  kind: FactKind;
  /** Compared value: digits only for a phone number, the slug for a link. */
  value: string;
  /** As written, for messages. */
  display: string;
  /** The section (or "front matter") and, inside it, the unit: e.g. "quiz" and "quiz/3". */
  group: string;
  unit: string;
  line: number;
}

interface FactUnit {
  group: string;
  unit: string;
  line: number;
}

export interface ExtractedFacts {
  tokens: FactToken[];
  units: FactUnit[];
}

const timePattern = /(?<!\d)\d{1,2}:\d{2}(?!\d)/g;
const yearPattern = /(?<!\d)(?:19|20)\d{2}(?!\d)/g;
const numberPattern = /(?<!\d)\d+(?!\d)/g;

/** The facts of one text, in order: phone numbers first, so their digits are not read again as numbers. */
function factsOfText(text: string): { kind: FactKind; value: string; display: string; index: number }[] {
  const found: { kind: FactKind; value: string; display: string; index: number }[] = [];
  let rest = text;
  const take = (pattern: RegExp, kind: FactKind, value: (match: string) => string) => {
    rest = rest.replace(pattern, (match: string, ...args: unknown[]) => {
      const index = args.find((arg) => typeof arg === "number") as number;
      found.push({ kind, value: value(match), display: match.replace(/[\u00a0\u2009]/g, " "), index });
      return " ".repeat(match.length);
    });
  };
  take(phoneNumberPattern, "phone", normalizePhoneNumber);
  take(timePattern, "time", (match) => match.padStart(5, "0"));
  take(yearPattern, "year", (match) => match);
  take(numberPattern, "number", (match) => String(Number(match)));
  return found.sort((a, b) => a.index - b.index);
}

type Sections = Map<SectionKey, { line: number; nodes: RootContent[] }>;

export function extractFacts(frontMatter: Yaml | undefined, sections: Sections): ExtractedFacts {
  const tokens: FactToken[] = [];
  const units: FactUnit[] = [];
  const addText = (text: string, firstLine: number, group: string, unit: string) => {
    for (const fact of factsOfText(text)) {
      const line = firstLine + (text.slice(0, fact.index).match(/\n/g)?.length ?? 0);
      tokens.push({ kind: fact.kind, value: fact.value, display: fact.display, group, unit, line });
    }
  };
  if (frontMatter) {
    units.push({ group: "front matter", unit: "front matter", line: frontMatter.position?.start.line ?? 1 });
    addText(frontMatter.value, (frontMatter.position?.start.line ?? 1) + 1, "front matter", "front matter");
  }
  const visit = (node: Nodes, group: string, unit: string) => {
    if (node.type === "text") addText(node.value, node.position?.start.line ?? 1, group, unit);
    if (node.type === "link" && node.url.startsWith(lessonLinkPrefix)) {
      const slug = node.url.slice(lessonLinkPrefix.length);
      tokens.push({ kind: "lesson-link", value: slug, display: node.url, group, unit, line: node.position?.start.line ?? 1 });
    }
    if ("children" in node) for (const child of node.children as Nodes[]) visit(child, group, unit);
  };
  for (const [group, section] of sections) {
    // Units: the parts between headings of the section (activities, quiz questions, printables and
    // subsections of the reading or the notes alike).
    let index = 0;
    let unit = `${group}/0`;
    units.push({ group, unit, line: section.line });
    for (const node of section.nodes) {
      if (node.type === "heading" && node.depth >= 2 && !(group === "activities" && node.depth > 2)) {
        index += 1;
        unit = `${group}/${index}`;
        units.push({ group, unit, line: node.position?.start.line ?? section.line });
      }
      visit(node, group, unit);
    }
  }
  return { tokens, units };
}

/** A difference from the source, by line (the file is the caller's to add). */
type FactDifference = Omit<ContentProblem, "file">;

function difference(line: number, key: ProblemCode, values: ProblemValues): FactDifference {
  const { file: _file, ...rest } = problem("", line, key, values);
  return rest;
}

/**
 * Compares a translation's facts with the source's, unit by unit where both have the same units (else
 * section by section), and says each difference in the translation's terms: what it reads, what the
 * source has.
 */
export function compareFacts(source: ExtractedFacts, translation: ExtractedFacts, sourceName: string): FactDifference[] {
  const differences: FactDifference[] = [];
  const groups = new Set([...source.units, ...translation.units].map((unit) => unit.group));
  for (const group of groups) {
    const sourceUnits = source.units.filter((unit) => unit.group === group).map((unit) => unit.unit);
    const translationUnits = translation.units.filter((unit) => unit.group === group);
    if (translationUnits.length === 0) continue; // a missing section is reported by the structure checks
    const sameUnits = sourceUnits.length === translationUnits.length;
    const keyOf = (token: FactToken) => (sameUnits ? token.unit : token.group);
    const keys = sameUnits ? translationUnits.map((unit) => unit.unit) : [group];
    for (const key of keys) {
      const line = (sameUnits ? translationUnits.find((unit) => unit.unit === key) : translationUnits[0])!.line;
      const inSource = source.tokens.filter((token) => token.group === group && keyOf(token) === key);
      const inTranslation = translation.tokens.filter((token) => token.group === group && keyOf(token) === key);
      differences.push(...differencesOf(inSource, inTranslation, line, sourceName));
    }
  }
  return differences.sort((a, b) => a.line - b.line);
}

function differencesOf(source: FactToken[], translation: FactToken[], unitLine: number, sourceName: string): FactDifference[] {
  const unmatchedSource = [...source];
  const extra: FactToken[] = [];
  for (const token of translation) {
    const match = unmatchedSource.findIndex((candidate) => candidate.kind === token.kind && candidate.value === token.value);
    if (match === -1) extra.push(token);
    else unmatchedSource.splice(match, 1);
  }
  const differences: FactDifference[] = [];
  for (const token of extra) {
    // Pair with a missing fact of the same kind: "reads X; the source has Y".
    const partnerIndex = unmatchedSource.findIndex((candidate) => candidate.kind === token.kind);
    if (partnerIndex !== -1) {
      const [partner] = unmatchedSource.splice(partnerIndex, 1);
      const kind = token.kind === "phone" && partner!.value === helpLine.value ? "helpLine" : token.kind;
      differences.push(difference(token.line, "factReads", { kind, value: token.display, source: sourceName, sourceValue: partner!.display }));
    } else {
      differences.push(difference(token.line, "factNotInSource", { kind: token.kind, value: token.display, source: sourceName }));
    }
  }
  for (const token of unmatchedSource) {
    differences.push(difference(unitLine, "factOnlyInSource", { kind: token.kind, value: token.display, source: sourceName }));
  }
  return differences;
}
