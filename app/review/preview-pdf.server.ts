// PDF previews of a revision in review: its plan and handout as they will be once approved, marked as drafts.
import { lessonSummary } from "~/content/views";
import { notFound } from "~/http/responses.server";
import { translator } from "~/i18n/i18n.server";
import { cachedPdf, cacheKey } from "~/pdf/cache.server";
import { documentLabels } from "~/pdf/documents/labels.server";
import { handoutSpec, lessonPlanSpec } from "~/pdf/documents/specs";
import { typeset, TypesettingBusy } from "~/pdf/pool.server";
import { engineVersion } from "~/pdf/render.server";
import { pdfResponse } from "~/pdf/response.server";
import type { RevisionDetail } from "./revision-detail.server";
import type { Language } from "~/i18n/languages";
import { typesettingBusyResponse } from "~/publication/pdf-responses.server";

/**
 * The plan or handout of a revision the caller may read (requireRevision): a draft, marked "not approved"
 * on every page in the reviewer's language, without a colophon (nothing in it is approved yet).
 */
export async function revisionPdfResponse(kind: "plan" | "handout", request: Request, revision: RevisionDetail, pageLanguage: Language) {
  if (!revision.document || !revision.lesson) throw notFound();
  const item = { lesson: lessonSummary(revision.lesson, revision.document), document: revision.document, labels: await documentLabels(revision.language) };
  const reviewerLabels = await documentLabels(pageLanguage);
  const draft = reviewerLabels.print.draft;
  const key = cacheKey({ engineVersion, kind: `revision-${kind}`, revision: revision.id, hash: revision.document.contentHash, draft });
  const pdf = await cachedPdf(key, () => typeset(kind === "plan" ? lessonPlanSpec(item, { draft }) : handoutSpec(item, { draft }))).catch((error: unknown) => {
    if (error instanceof TypesettingBusy) return null;
    throw error;
  });
  if (pdf === null) throw await typesettingBusyResponse(pageLanguage);
  // Saved under a name the reviewer reads: the lesson's title, the document, the revision, in the page's language.
  const revisionName = (await translator(pageLanguage, "review"))("revision.title", { id: revision.id });
  const documentName = kind === "plan" ? reviewerLabels.lessonPlan : reviewerLabels.handout;
  const response = pdfResponse(request, pdf, { ascii: `revision-${revision.id}-${kind}.pdf`, unicode: `${revision.document.title} — ${documentName} — ${revisionName}.pdf` });
  response.headers.set("Cache-Control", "private, no-store");
  return response;
}
