import type { LoaderFunctionArgs } from "@remix-run/node";
import { packPdfResponse } from "~/publication/pdf-responses.server";

export function loader({ request, params }: LoaderFunctionArgs) {
  return packPdfResponse(request, params);
}
