// What the routes ask for: a PDF by kind and options, cached by a key of everything that makes its bytes.
import { createHash } from "node:crypto";
import { getCatalogue } from "~/content/catalogue.server";
import type { Language } from "~/i18n/languages";
import { allResources } from "~/i18n/resources.server";
import { cachedPdf, cacheKey, type CachedPdf } from "./cache.server";
import { bookDocumentSpec, lessonDocumentSpec, packDocumentSpec } from "./documents/assemble.server";
import type { PackPart } from "./documents/specs";
import { layoutDocument } from "./layout";
import { engineVersion, renderPdf, sharedMeasurer } from "./render.server";

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

async function contentHashOf(slug: string, language: Language): Promise<string | null> {
  return (await getCatalogue()).bySlug.get(slug)?.documents[language]?.contentHash ?? null;
}

export async function lessonPdf(kind: "plan" | "handout", slug: string, language: Language): Promise<CachedPdf | null> {
  const content = await contentHashOf(slug, language);
  if (!content) return null;
  const key = cacheKey({ engineVersion, kind, slug, language, content, labels: labelsHash(language) });
  return cachedPdf(key, async () => renderPdf((await lessonDocumentSpec(kind, slug, language))!));
}

export async function bookPdf(kind: "student" | "teacher", language: Language): Promise<CachedPdf> {
  const contents = (await getCatalogue()).lessons.map((lesson) => [lesson.slug, lesson.documents[language]?.contentHash ?? null]);
  const key = cacheKey({ engineVersion, kind: `${kind}-book`, language, contents, labels: labelsHash(language) });
  return cachedPdf(key, async () => renderPdf(await bookDocumentSpec(kind, language)));
}

export interface PackOptions {
  slugs: string[];
  parts: PackPart[];
  language: Language;
  handoutLanguage: Language;
  copies: number;
}

export async function packPdf(options: PackOptions): Promise<CachedPdf> {
  const contents = await Promise.all(
    options.slugs.map(async (slug) => [slug, await contentHashOf(slug, options.language), await contentHashOf(slug, options.handoutLanguage)]),
  );
  const key = cacheKey({
    engineVersion,
    kind: "pack",
    ...options,
    contents,
    labels: [labelsHash(options.language), labelsHash(options.handoutLanguage)],
  });
  return cachedPdf(key, async () => renderPdf(await packDocumentSpec(options)));
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
