// Loads a lesson for a page, or throws the 404 the page must answer: one that suggests the lessons whose
// slug or title is closest to what was asked for.
import type { Language } from "~/i18n/languages";
import { localizedPath } from "~/seo/document-meta";
import { closestLessons, getLessonDocument, listLessons } from "./catalogue.server";

/** What a 404 page offers instead: the closest lessons, as links in the page's language. */
export interface NotFoundSuggestions {
  suggestions: { href: string; title: string }[];
}

const mostSuggestions = 3;

/** A 404 whose data (read by the root's ErrorBoundary) suggests the lessons closest to `text`. */
export async function notFoundWithSuggestions(language: Language, text: string): Promise<Response> {
  const words = decodeURIComponentSafely(text).replace(/[-_.+/]+/g, " ").trim();
  const slugs = words ? (await closestLessons(language, words)).slice(0, mostSuggestions) : [];
  const titles = new Map((await listLessons(language)).map((lesson) => [lesson.slug, lesson.title]));
  const suggestions = slugs.flatMap((slug) => (titles.has(slug) ? [{ href: localizedPath(language, `/lessons/${slug}`), title: titles.get(slug)! }] : []));
  return Response.json({ suggestions } satisfies NotFoundSuggestions, { status: 404 });
}

function decodeURIComponentSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export async function requireLessonDocument({ slug, language }: { slug: string; language: Language }) {
  const found = await getLessonDocument({ slug, language });
  if (!found) throw await notFoundWithSuggestions(language, slug);
  return found;
}
