import type { LoaderFunctionArgs } from "@remix-run/node";
import { packPdfResponse } from "~/pdf/routes.server";

export function loader({ request, params }: LoaderFunctionArgs) {
  return packPdfResponse(request, params);
}
