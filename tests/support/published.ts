import type { Kysely } from "kysely";
import type { Database } from "~/db/schema";
import type { Language } from "~/i18n/languages";
import { loadPublishedContent } from "~/publication/published.server";

/** The text of a lesson language that is public now, as the portal reads it. */
export async function publishedText(db: Kysely<Database>, slug: string, language: Language): Promise<string> {
  const text = (await loadPublishedContent(db)).sources.find((source) => source.slug === slug)?.languageTexts[language];
  if (text === undefined) throw new Error(`nothing is published for ${slug} in ${language}`);
  return text;
}
