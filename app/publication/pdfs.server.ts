// What the routes ask for: a PDF by kind and options, cached by a key of everything that makes its bytes.
import { createHash } from "node:crypto";
import { config } from "~/config.server";
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
import { typeset, TypesettingBusy, TypesettingTooLarge } from "~/pdf/pool.server";
import { engineVersion } from "~/pdf/render.server";

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
interface IssuedPdf {
  sha256: string;
  key: string;
  kind: string;
  language: Language;
  included: IncludedRevision[];
  at: string;
}

/**
 * PDFs issued while the database could not be reached: recorded as soon as it answers again, so that
 * /verify never calls them unknown. Bounded: a long outage keeps the newest thousand.
 */
const unrecorded: IssuedPdf[] = [];
const unrecordedLimit = 1_000;

let recordsSincePruning = 0;

async function writeIssuedPdf(issued: IssuedPdf): Promise<void> {
  const db = await getDatabase();
  const known = await db.selectFrom("pdf_documents").select("sha256").where("sha256", "=", issued.sha256).executeTakeFirst();
  if (known) return;
  try {
    await db
      .insertInto("pdf_documents")
      .values({ sha256: issued.sha256, cache_key: issued.key, kind: issued.kind, language: issued.language, revision_ids: JSON.stringify(issued.included), created_at: issued.at })
      .execute();
  } catch (error) {
    // Two instances may record the same PDF at once: the other one did.
    if (violatedConstraint(error) !== "unique") throw error;
  }
  recordsSincePruning += 1;
  if (recordsSincePruning >= 100) {
    recordsSincePruning = 0;
    await pruneIssuedPdfs(db);
  }
}

/**
 * The record of issued PDFs stays bounded (PDF_RECORDS_MAX, a few hundred bytes a row): anyone can ask
 * for distinct packs, and the oldest records go first. A PDF older than that is "unknown" to /verify.
 */
export async function pruneIssuedPdfs(db: Awaited<ReturnType<typeof getDatabase>>, maximum = config().pdfRecordsMax): Promise<number> {
  const count = Number((await db.selectFrom("pdf_documents").select(db.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  if (count <= maximum) return 0;
  const oldest = await db.selectFrom("pdf_documents").select("sha256").orderBy("created_at").orderBy("sha256").limit(count - maximum).execute();
  await db
    .deleteFrom("pdf_documents")
    .where("sha256", "in", oldest.map((row) => row.sha256))
    .execute();
  return oldest.length;
}

/** Records what waited for the database; stops at the first failure (it is still away). */
export async function recordUnrecordedPdfs(): Promise<number> {
  let recorded = 0;
  while (unrecorded.length > 0) {
    try {
      await writeIssuedPdf(unrecorded[0]!);
    } catch {
      break;
    }
    unrecorded.shift();
    recorded += 1;
  }
  return recorded;
}

/** Remembers which revisions a PDF holds, by its hash: what /verify/<sha256> answers from. */
async function recordPdfDocument(pdf: CachedPdf & { source: CacheSource }, key: string, kind: string, language: Language, included: IncludedRevision[]) {
  if (pdf.source !== "typeset" && pdf.source !== "disk") return;
  const issued = { sha256: pdf.sha256, key, kind, language, included, at: timestampOf(new Date()) };
  try {
    await recordUnrecordedPdfs();
    await writeIssuedPdf(issued);
  } catch (error) {
    // The PDF is served either way; it is recorded when the database is back.
    unrecorded.push(issued);
    if (unrecorded.length > unrecordedLimit) unrecorded.shift();
    console.warn(JSON.stringify({ event: "pdf-record-deferred", waiting: unrecorded.length, error: String(error) }));
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
  return servePdf(kind, language, [included], { slug }, async () => typeset((await lessonDocumentSpec(kind, slug, language))!));
}

export async function bookPdf(kind: "student" | "teacher", language: Language) {
  const catalogue = await getCatalogue();
  const included = (await Promise.all(catalogue.lessons.map((lesson) => includedRevision(lesson.slug, language)))).filter(
    (entry): entry is IncludedRevision => entry !== null,
  );
  return servePdf(`${kind}-book`, language, included, {}, async () => typeset(await bookDocumentSpec(kind, language)));
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
  return servePdf("pack", options.language, included, { ...options, handoutLabels: labels }, async () => typeset(await packDocumentSpec(options)));
}

/**
 * Run once when the server starts, in the background: each typesetting worker loads its fonts and
 * typesets the student book of every language once (shaping every word, decoding every glyph the
 * subsets need), so that the first real download finds the engine warm. Nothing is cached by this.
 */
export async function warmUpPdfEngine(languages: readonly Language[]): Promise<void> {
  await Promise.all(languages.map(async (language) => typeset(await bookDocumentSpec("student", language))));
}

/**
 * A PDF for a page that shows its size (the teacher page's materials, the books page): the page never
 * waits long for a worker. Null when it is not typeset within `milliseconds` or the workers are busy;
 * the typesetting goes on, and the next rendering of the page finds the PDF cached.
 */
export async function pdfIfReady<T>(pdf: Promise<T>, milliseconds = 1_500): Promise<T | null> {
  const settled = pdf.catch((error: unknown) => {
    // Busy, or too large for a worker: the page shows no size rather than failing.
    if (error instanceof TypesettingBusy || error instanceof TypesettingTooLarge) return null;
    throw error;
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), milliseconds);
  });
  try {
    return await Promise.race([settled, late]);
  } finally {
    clearTimeout(timer);
  }
}
