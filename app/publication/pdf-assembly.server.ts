// Gathers lessons and labels for a document and builds its specification.
import { getCatalogue } from "~/publication/catalogue.server";
import { lessonSummary } from "~/content/views";
import type { Language } from "~/i18n/languages";
import { documentLabels } from "~/pdf/documents/labels.server";
import { bookSpec, handoutSpec, lessonPlanSpec, materialsSpec, packSpec, type LessonInLanguage, type PackPart } from "~/pdf/documents/specs";

async function lessonInLanguage(slug: string, language: Language): Promise<LessonInLanguage | null> {
  const lesson = (await getCatalogue()).bySlug.get(slug);
  const document = lesson?.documents[language];
  if (!lesson || !document) return null;
  const published = lesson.published[language];
  return {
    lesson: lessonSummary(lesson, document),
    document,
    labels: await documentLabels(language),
    revision: published ? { id: published.revisionId, approvedAt: published.approvedAt } : undefined,
  };
}

export type LessonDocumentKind = "plan" | "handout" | "materials";

const lessonSpecs = { plan: lessonPlanSpec, handout: handoutSpec, materials: materialsSpec } as const;

export async function lessonDocumentSpec(kind: LessonDocumentKind, slug: string, language: Language) {
  const item = await lessonInLanguage(slug, language);
  if (!item || (kind === "materials" && item.document.printables.length === 0)) return null;
  return lessonSpecs[kind](item);
}

export async function bookDocumentSpec(kind: "student" | "teacher", language: Language) {
  const items = (await Promise.all((await getCatalogue()).lessons.map((lesson: { slug: string }) => lessonInLanguage(lesson.slug, language)))).filter(
    (item): item is LessonInLanguage => item !== null,
  );
  return bookSpec(kind, items, await documentLabels(language));
}

export async function packDocumentSpec(options: { slugs: string[]; parts: PackPart[]; language: Language; handoutLanguage: Language; copies: number }) {
  const items = await Promise.all(
    options.slugs.map(async (slug) => ({
      plan: options.parts.includes("plan") ? ((await lessonInLanguage(slug, options.language)) ?? undefined) : undefined,
      handout: options.parts.includes("handout") ? ((await lessonInLanguage(slug, options.handoutLanguage)) ?? undefined) : undefined,
      materials: options.parts.includes("materials") ? await materialsIn(slug, options.handoutLanguage) : undefined,
    })),
  );
  return packSpec(items, options.parts, options.copies, await documentLabels(options.language));
}

async function materialsIn(slug: string, language: Language): Promise<LessonInLanguage | undefined> {
  const item = await lessonInLanguage(slug, language);
  return item && item.document.printables.length > 0 ? item : undefined;
}
