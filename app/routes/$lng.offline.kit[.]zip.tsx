// The classroom kit of a language (app/offline/kit.server.ts), as one zip.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireLanguage } from "~/http/responses.server";
import { classroomKitResponse } from "~/offline/responses.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return classroomKitResponse(request, requireLanguage(params));
}
