// Loads a lesson for a page, or throws the 404 the page must answer.
import type { Language } from "~/i18n/languages";
import { notFound } from "~/http/responses.server";
import { getLessonDocument } from "./catalogue.server";

export async function requireLessonDocument({ slug, language }: { slug: string; language: Language }) {
  const found = await getLessonDocument({ slug, language });
  if (!found) throw notFound();
  return found;
}
