// What the service worker saves for a language (app/offline/manifest.server.ts).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireLanguage } from "~/http/responses.server";
import { offlineManifestResponse } from "~/offline/responses.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return offlineManifestResponse(request, requireLanguage(params));
}
