// The published version of a language's pages: the service worker asks it while a reader is online, and
// brings what it keeps up to date when it changes.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireLanguage } from "~/http/responses.server";
import { offlineEdition } from "~/offline/edition.server";
import { offlineJson } from "~/offline/responses.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const { version, approvedAt } = await offlineEdition(language);
  return offlineJson(request, { language, version, approvedAt });
}
