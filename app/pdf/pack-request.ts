// The pack's query (?lessons=a,b&parts=plan,handout&handouts=hy&copies=1), validated with one zod
// schema; every problem is reported with a code and values, so that the caller words it in its language.
import { z } from "zod";
import type { Printable } from "~/content/document";
import { isLanguage, languageNames, type Language } from "~/i18n/languages";
import type { PackPart } from "./documents/specs";

/** What a pack holds: the lessons in order, the parts, the languages and the copies of each handout. */
export interface PackOptions {
  slugs: string[];
  parts: PackPart[];
  language: Language;
  handoutLanguage: Language;
  copies: number;
}

/** The published lessons as the pack's checks need them: which languages, which printables. */
interface PackableLessons {
  bySlug: ReadonlyMap<string, { documents: Partial<Record<Language, { printables: readonly Printable[] }>> }>;
}

const maximumPackLessons = 40;
export const maximumCopies = 40;
const packParts = ["plan", "handout", "materials"] as const;

interface PackRequestError {
  code: "noLessons" | "tooManyLessons" | "unknownLessons" | "duplicateLessons" | "missingTranslation" | "noParts" | "unknownParts" | "unknownLanguage" | "copies" | "noMaterials";
  values: Record<string, string | number>;
}

const listOf = (value: string | undefined) => (value ?? "").split(",").map((item) => item.trim()).filter((item) => item.length > 0);

const packQuerySchema = z.object({
  lessons: z.string().max(4000).optional(),
  parts: z.string().max(200).optional(),
  handouts: z.string().max(20).optional(),
  copies: z.string().max(10).optional(),
});

export function parsePackRequest(
  searchParams: URLSearchParams,
  language: Language,
  catalogue: PackableLessons,
): { ok: true; options: PackOptions } | { ok: false; errors: PackRequestError[] } {
  const errors: PackRequestError[] = [];
  const query = packQuerySchema.safeParse(Object.fromEntries(searchParams));
  if (!query.success) return { ok: false, errors: [{ code: "noLessons", values: {} }] };

  const slugs = listOf(query.data.lessons);
  if (slugs.length === 0) errors.push({ code: "noLessons", values: {} });
  if (slugs.length > maximumPackLessons) errors.push({ code: "tooManyLessons", values: { max: maximumPackLessons } });
  const unknown = [...new Set(slugs.filter((slug) => !catalogue.bySlug.has(slug)))];
  if (unknown.length > 0) errors.push({ code: "unknownLessons", values: { slugs: unknown.map((slug) => slug.slice(0, 80)).slice(0, 20).join(", ") } });
  const duplicates = [...new Set(slugs.filter((slug, index) => slugs.indexOf(slug) !== index))];
  if (duplicates.length > 0) errors.push({ code: "duplicateLessons", values: { slugs: duplicates.join(", ") } });

  const requestedParts = query.data.parts === undefined ? [...packParts] : listOf(query.data.parts);
  const unknownParts = requestedParts.filter((part) => !(packParts as readonly string[]).includes(part));
  if (unknownParts.length > 0) errors.push({ code: "unknownParts", values: { parts: unknownParts.map((part) => part.slice(0, 20)).join(", ") } });
  const parts = packParts.filter((part) => requestedParts.includes(part)) as PackPart[];
  // The order of parts follows the request (plan first, or handout first).
  parts.sort((a, b) => requestedParts.indexOf(a) - requestedParts.indexOf(b));
  if (requestedParts.length === 0) errors.push({ code: "noParts", values: {} });

  const handoutLanguage = query.data.handouts === undefined || query.data.handouts === "" ? language : query.data.handouts;
  if (!isLanguage(handoutLanguage)) errors.push({ code: "unknownLanguage", values: { language: handoutLanguage.slice(0, 20) } });

  const copiesText = query.data.copies ?? "1";
  const copies = /^\d{1,2}$/.test(copiesText) ? Number(copiesText) : Number.NaN;
  if (!(copies >= 1 && copies <= maximumCopies)) errors.push({ code: "copies", values: { max: maximumCopies } });

  if (errors.length === 0 && isLanguage(handoutLanguage)) {
    for (const [part, partLanguage] of [["plan", language], ["handout", handoutLanguage], ["materials", handoutLanguage]] as const) {
      if (!parts.includes(part)) continue;
      const missing = slugs.filter((slug) => !catalogue.bySlug.get(slug)?.documents[partLanguage]);
      if (missing.length > 0 && !(part === "materials" && parts.includes("handout"))) {
        errors.push({ code: "missingTranslation", values: { language: languageNames[partLanguage], slugs: missing.join(", ") } });
      }
    }
    // Materials print for the lessons that have them; a pack of lessons without any is a mistake to say.
    if (parts.includes("materials") && !slugs.some((slug) => (catalogue.bySlug.get(slug)?.documents[handoutLanguage]?.printables.length ?? 0) > 0)) {
      errors.push({ code: "noMaterials", values: {} });
    }
  }
  if (errors.length > 0 || !isLanguage(handoutLanguage)) return { ok: false, errors };
  return { ok: true, options: { slugs, parts, language, handoutLanguage, copies } };
}
