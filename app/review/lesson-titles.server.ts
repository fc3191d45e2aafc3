// Lessons by their titles, as reviewers know them, rather than by slugs: a title is read from the
// front matter of a revision's text without parsing the whole lesson.
import type { Kysely } from "kysely";
import { parse as parseYaml } from "yaml";
import type { Database } from "~/db/schema";
import type { Language } from "~/i18n/languages";
import { publishedRevisions } from "~/publication/published.server";

/** The `title:` of a lesson file's front matter, or null when it has none that reads. */
export function titleOf(content: string): string | null {
  const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(content)?.[1];
  if (frontMatter === undefined) return null;
  try {
    const title = (parseYaml(frontMatter) as { title?: unknown } | null)?.title;
    return typeof title === "string" && title.trim() !== "" ? title.trim() : null;
  } catch {
    return null;
  }
}

export interface LessonTitle {
  title: string;
  /** The language the title is written in (for the lang attribute). */
  language: Language;
}

/** slug → the published title of each lesson in a language (lessons without one are left out). */
export async function publishedTitles(db: Kysely<Database>, language: Language, slug?: string): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  for (const entry of await publishedRevisions(db, { language, ...(slug === undefined ? {} : { slug }) })) {
    const title = titleOf(entry.content);
    if (title !== null) titles.set(entry.slug, title);
  }
  return titles;
}

/**
 * A lesson's title for a reviewer: in the reviewer's language when the lesson is published in it, else
 * in the language of the text at hand (`own`: the title of that text), else its slug.
 */
export function titleFor(
  slug: string,
  readerLanguage: Language,
  readerTitles: Map<string, string>,
  own: { language: Language; title: string | null } | null,
): LessonTitle | { title: string; language: null } {
  // A text in the reader's own language: its own title, which may be newer than the published one.
  if (own && own.language === readerLanguage && own.title !== null) return { title: own.title, language: readerLanguage };
  const translated = readerTitles.get(slug);
  if (translated !== undefined) return { title: translated, language: readerLanguage };
  if (own && own.title !== null) return { title: own.title, language: own.language };
  return { title: slug, language: null };
}
