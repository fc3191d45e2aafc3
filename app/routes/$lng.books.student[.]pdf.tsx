import type { LoaderFunctionArgs } from "@remix-run/node";
import { bookPdfResponse } from "~/pdf/routes.server";

export function loader({ request, params }: LoaderFunctionArgs) {
  return bookPdfResponse("student", request, params);
}
