import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/review/staff-page.server";
import { revisionPdfResponse } from "~/review/preview-pdf.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireStaff(request, params);
  return revisionPdfResponse("plan", request, params, user);
}
