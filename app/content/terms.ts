// The termbase (lessons/terms.yaml): per concept, the approved term in each language and the variants
// that are wrong. `content check`, the editor and the revision page report a wrong variant with the
// approved term, in lesson files and in UI strings alike. Pure: the text comes in, problems go out.
import { LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { languages, type Language } from "~/i18n/languages";
import type { ContentProblem } from "./document";
import { problem } from "./problems";

const entrySchema = z
  .object({
    term: z.string().trim().min(1),
    wrong: z.array(z.string().trim().min(1)).default([]),
  })
  .strict();

const conceptSchema = z
  .object({
    note: z.string().optional(),
    ...Object.fromEntries(languages.map((language) => [language, entrySchema.optional()])),
  })
  .strict();

const termbaseSchema = z
  .object({
    concepts: z.record(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "concept ids are lowercase-with-hyphens"), conceptSchema),
    "material-words": z.record(z.enum(languages), z.array(z.string().trim().min(1))).default({}),
  })
  .strict();

interface CompiledVariant {
  concept: string;
  term: string;
  variant: string;
  pattern: RegExp;
}

export interface Termbase {
  /** Wrong variants per language, compiled. */
  variants: Record<Language, CompiledVariant[]>;
  /** All of a language's wrong variants in one pattern: most lines match none, and are passed over at once. */
  anyVariant: Record<Language, RegExp | null>;
  /** Words that name a printed material (card, sheet …), per language, compiled. */
  materialWords: Record<Language, RegExp | null>;
  /** Concept ids, for documentation and tests. */
  concepts: string[];
}

const letter = "[\\p{L}\\p{M}\\p{N}]";

/** `word` matches the whole word; `stem*` matches the stem with any ending. Case-insensitive, at a word start. */
function variantPattern(variant: string, flags = "iu"): RegExp {
  const stem = variant.endsWith("*");
  const body = (stem ? variant.slice(0, -1) : variant).replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
  return new RegExp(`(?<!${letter})${body}${stem ? "" : `(?!${letter})`}`, flags);
}

export function emptyTermbase(): Termbase {
  return {
    variants: Object.fromEntries(languages.map((language) => [language, []])) as unknown as Termbase["variants"],
    anyVariant: Object.fromEntries(languages.map((language) => [language, null])) as unknown as Termbase["anyVariant"],
    materialWords: Object.fromEntries(languages.map((language) => [language, null])) as unknown as Termbase["materialWords"],
    concepts: [],
  };
}

/** Parses terms.yaml; problems (with lines) when it is not valid, or when a wrong variant matches its own approved term. */
export function parseTermbase(text: string, file: string): { termbase: Termbase; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const termbase = emptyTermbase();
  const lineCounter = new LineCounter();
  const yamlDocument = parseDocument(text, { lineCounter });
  if (yamlDocument.errors.length > 0) {
    for (const error of yamlDocument.errors) problems.push(problem(file, error.linePos?.[0]?.line ?? 1, "yamlInvalid", { detail: error.message.split("\n")[0]! }));
    return { termbase, problems };
  }
  const lineOfPath = (path: (string | number)[]) => {
    for (let length = path.length; length > 0; length -= 1) {
      const node = yamlDocument.getIn(path.slice(0, length), true) as { range?: [number] } | undefined;
      if (node?.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 1;
  };
  const parsed = termbaseSchema.safeParse(yamlDocument.toJS());
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(problem(file, lineOfPath(issue.path), "metadataInvalid", { field: issue.path.join(".") || "terms.yaml", detail: issue.message }));
    return { termbase, problems };
  }
  for (const [concept, entries] of Object.entries(parsed.data.concepts)) {
    termbase.concepts.push(concept);
    for (const language of languages) {
      const entry = (entries as Record<string, z.infer<typeof entrySchema> | undefined>)[language];
      if (!entry) continue;
      entry.wrong.forEach((variant, index) => {
        const pattern = variantPattern(variant);
        if (pattern.test(entry.term)) {
          problems.push(problem(file, lineOfPath(["concepts", concept, language, "wrong", index]), "wrongVariantMatchesTerm", { variant, term: entry.term }));
          return;
        }
        termbase.variants[language].push({ concept, term: entry.term, variant, pattern: variantPattern(variant, "giu") });
      });
    }
  }
  for (const language of languages) {
    const sources = termbase.variants[language].map((variant) => variant.pattern.source);
    termbase.anyVariant[language] = sources.length > 0 ? new RegExp(sources.join("|"), "iu") : null;
  }
  for (const [language, words] of Object.entries(parsed.data["material-words"])) {
    const alternatives = words.map((word) => variantPattern(word).source);
    termbase.materialWords[language as Language] = alternatives.length > 0 ? new RegExp(alternatives.join("|"), "iu") : null;
  }
  return { termbase, problems };
}

/**
 * What of a line is text a reader reads: link targets (`](material:red-flag)`), the braces of headings
 * (`{sheet: red-flag}`, `{10 min}`) and JSON keys are blanked out, keeping every other character's place.
 */
function readableText(line: string, file: string): string {
  const blank = (match: string) => " ".repeat(match.length);
  if (file.endsWith(".json")) return line.replace(/^\s*"[^"]*"\s*:/, blank);
  return line.replace(/\]\([^)]*\)/g, blank).replace(/\{[^}]*\}\s*$/, blank);
}

/** Every wrong variant in a text, line by line, as `file:line` problems that name the approved term. */
export function checkTerms(text: string, language: Language, file: string, termbase: Termbase): ContentProblem[] {
  const variants = termbase.variants[language];
  const anyVariant = termbase.anyVariant[language];
  if (variants.length === 0 || !anyVariant) return [];
  const problems: ContentProblem[] = [];
  text.split("\n").forEach((rawLine, index) => {
    const lineText = readableText(rawLine, file);
    if (!anyVariant.test(lineText)) return;
    for (const variant of variants) {
      variant.pattern.lastIndex = 0;
      for (const match of lineText.matchAll(variant.pattern)) {
        // A stem is shown with the ending it has in the text: the word as the author wrote it.
        const ending = /^[\p{L}\p{M}\p{N}]*/u.exec(lineText.slice(match.index + match[0].length))?.[0] ?? "";
        problems.push({ ...problem(file, index + 1, "notApprovedTerm", { word: `${match[0]}${ending}`, concept: variant.concept, term: variant.term }), severity: "editorial" });
      }
    }
  });
  return problems;
}

/** The first word in a text that names a printed material, or null. */
export function namedMaterial(text: string, language: Language, termbase: Termbase): string | null {
  return termbase.materialWords[language]?.exec(text)?.[0] ?? null;
}
