import type { LoaderFunctionArgs } from "@remix-run/node";
import { lessonPdfResponse } from "~/publication/pdf-responses.server";

export function loader({ request, params }: LoaderFunctionArgs) {
  return lessonPdfResponse("plan", request, params);
}
