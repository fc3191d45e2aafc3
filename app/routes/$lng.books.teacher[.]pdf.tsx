import type { LoaderFunctionArgs } from "@remix-run/node";
import { bookPdfResponse } from "~/publication/pdf-responses.server";

export function loader({ request, params }: LoaderFunctionArgs) {
  return bookPdfResponse("teacher", request, params);
}
