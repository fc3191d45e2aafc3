import type { LoaderFunctionArgs } from "@remix-run/node";
import { pageLanguage } from "~/i18n/i18n.server";
import { notFound } from "~/http/responses.server";
import { notFoundWithSuggestions } from "~/publication/lesson-page.server";

// Any other path: a 404 page in the reader's language (the root's ErrorBoundary renders it), suggesting
// the lessons closest to the path's last segment ("/ka/safe-onlin" → the lesson on safety online).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const language = await pageLanguage(request, params.lng);
  const lastSegment = (params["*"] ?? "").split("/").filter(Boolean).pop() ?? "";
  throw await notFoundWithSuggestions(language, lastSegment);
}

export function action() {
  throw notFound();
}

export default function NotFound() {
  return null;
}
