import type { LoaderFunctionArgs } from "@remix-run/node";
import { revisionPdfResponse } from "~/review/preview-pdf.server";
import { requireRevision } from "~/review/staff-page.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { language, revision } = await requireRevision(request, params);
  return revisionPdfResponse("handout", request, revision, language);
}
