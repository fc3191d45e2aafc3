// PDF previews of a revision in review: exactly what its plan and handout will be once approved.
import type { Params } from "@remix-run/react";
import type { User } from "~/auth/users.server";
import { lessonSummary } from "~/content/views";
import { getDatabase } from "~/db/database.server";
import { notFound } from "~/http/responses.server";
import { cachedPdf, cacheKey } from "~/pdf/cache.server";
import { documentLabels } from "~/pdf/documents/labels.server";
import { handoutSpec, lessonPlanSpec } from "~/pdf/documents/specs";
import { engineVersion, renderPdf } from "~/pdf/render.server";
import { pdfResponse } from "~/pdf/response.server";
import { canReadRevision, revisionDetail } from "./revisions.server";

export async function revisionPdfResponse(kind: "plan" | "handout", request: Request, params: Params, user: User) {
  const id = Number(params.id);
  if (!Number.isInteger(id) || id <= 0) throw notFound();
  const revision = await revisionDetail(await getDatabase(), id);
  if (!revision || !revision.document || !revision.lesson) throw notFound();
  if (!canReadRevision(user, revision)) throw new Response("Forbidden", { status: 403 });
  const item = { lesson: lessonSummary(revision.lesson, revision.document), document: revision.document, labels: await documentLabels(revision.language) };
  const pdf = await cachedPdf(cacheKey({ engineVersion, kind: `revision-${kind}`, revision: revision.id, hash: revision.document.contentHash }), () =>
    renderPdf(kind === "plan" ? lessonPlanSpec(item) : handoutSpec(item)),
  );
  const response = pdfResponse(request, pdf, { ascii: `revision-${revision.id}-${kind}.pdf`, unicode: `${revision.document.title} — revision ${revision.id} (${kind}).pdf` });
  response.headers.set("Cache-Control", "private, no-store");
  return response;
}
