// What the routes ask for: a PDF by kind and options, cached by a key of everything that makes its bytes.
import { createHash } from "node:crypto";
import { getCatalogue } from "~/publication/catalogue.server";
import type { Language } from "~/i18n/languages";
import { allResources } from "~/i18n/resources.server";
import { violatedConstraint, getDatabase } from "~/db/database.server";
import { timestampOf } from "~/db/schema";
import { cachedPdf, cacheKey, type CachedPdf, type CacheSource } from "~/pdf/cache.server";
import { printedOrigin } from "~/pdf/documents/labels.server";
import { bookDocumentSpec, lessonDocumentSpec, packDocumentSpec } from "./pdf-assembly.server";
import type { PackOptions } from "~/pdf/pack-request";
import type { LessonDocumentKind } from "./pdf-assembly.server";
import { layoutDocument } from "~/pdf/layout";
import { engineVersion, renderPdf, sharedMeasurer } from "~/pdf/render.server";

const labelHashes = new Map<Language, string>();
/** The UI strings a document prints (section headings, footer …) are content too. */
function labelsHash(language: Language): string {
  let hash = labelHashes.get(language);
  if (!hash) {
    hash = createHash("sha256").update(JSON.stringify(allResources[language])).digest("hex").slice(0, 16);
    labelHashes.set(language, hash);
  }
  return hash;
}

interface IncludedRevision {
  slug: string;
  language: Language;
  revisionId: number | null;
}

async function includedRevision(slug: string, language: Language): Promise<IncludedRevision | null> {
  const lesson = (await getCatalogue()).bySlug.get(slug);
  if (!lesson?.documents[language]) return null;
  return { slug, language, revisionId: lesson.published[language]?.revisionId ?? null };
}

/** Remembers which revisions a PDF holds, by its hash: what /verify/<sha256> answers from. */
async function recordPdfDocument(pdf: CachedPdf & { source: CacheSource }, key: string, kind: string, language: Language, included: IncludedRevision[]) {
  if (pdf.source !== "typeset" && pdf.source !== "disk") return;
  try {
    const db = await getDatabase();
    const known = await db.selectFrom("pdf_documents").select("sha256").where("sha256", "=", pdf.sha256).executeTakeFirst();
    if (known) return;
    await db
      .insertInto("pdf_documents")
      .values({ sha256: pdf.sha256, cache_key: key, kind, language, revision_ids: JSON.stringify(included), created_at: timestampOf(new Date()) })
      .execute();
  } catch (error) {
    // Two instances may record the same PDF at once; the PDF is served either way.
    if (violatedConstraint(error) !== "unique") console.warn(JSON.stringify({ event: "pdf-record-failed", error: String(error) }));
  }
}

async function servePdf(kind: string, language: Language, included: IncludedRevision[], options: Record<string, unknown>, typeset: () => Promise<{ bytes: Uint8Array; pageCount: number }>) {
  const key = cacheKey({ engineVersion, kind, language, included, options, labels: labelsHash(language), origin: printedOrigin() });
  const pdf = await cachedPdf(key, typeset);
  await recordPdfDocument(pdf, key, kind, language, included);
  return pdf;
}

export async function lessonPdf(kind: LessonDocumentKind, slug: string, language: Language) {
  const included = await includedRevision(slug, language);
  if (!included) return null;
  // A lesson without printables has no materials document: the route answers 404.
  if (kind === "materials" && !(await getCatalogue()).bySlug.get(slug)?.documents[language]?.printables.length) return null;
  return servePdf(kind, language, [included], { slug }, async () => renderPdf((await lessonDocumentSpec(kind, slug, language))!));
}

export async function bookPdf(kind: "student" | "teacher", language: Language) {
  const catalogue = await getCatalogue();
  const included = (await Promise.all(catalogue.lessons.map((lesson) => includedRevision(lesson.slug, language)))).filter(
    (entry): entry is IncludedRevision => entry !== null,
  );
  return servePdf(`${kind}-book`, language, included, {}, async () => renderPdf(await bookDocumentSpec(kind, language)));
}

export async function packPdf(options: PackOptions) {
  const included = (
    await Promise.all(
      options.slugs.flatMap((slug) => [
        options.parts.includes("plan") ? includedRevision(slug, options.language) : null,
        options.parts.includes("handout") || options.parts.includes("materials") ? includedRevision(slug, options.handoutLanguage) : null,
      ]),
    )
  ).filter((entry): entry is IncludedRevision => entry !== null);
  const labels = labelsHash(options.handoutLanguage);
  return servePdf("pack", options.language, included, { ...options, handoutLabels: labels }, async () => renderPdf(await packDocumentSpec(options)));
}

/**
 * Run once when the server starts, in the background: loads the fonts, lays out every lesson in every
 * language (both books hold every part), which shapes every word once, and draws the student book of
 * each language once, which decodes every glyph the subsets will need. The first real download then
 * finds the engine warm. Nothing is cached on disk or served by this.
 */
export async function warmUpPdfEngine(languages: readonly Language[]): Promise<void> {
  const pause = () => new Promise((resolve) => setImmediate(resolve)); // let requests in between
  const measurer = sharedMeasurer();
  for (const language of languages) {
    layoutDocument(await bookDocumentSpec("teacher", language), measurer);
    await pause();
    await renderPdf(await bookDocumentSpec("student", language));
    await pause();
  }
}
