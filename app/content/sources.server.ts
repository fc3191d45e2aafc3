// Reads the lesson folders from disk into LessonSource records for checkCurriculum.
import { config } from "~/config.server";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { languages, type Language } from "~/i18n/languages";
import type { LessonSource } from "./check";
import { emptyTermbase, parseTermbase } from "./terms";

/** Where the lesson files and the termbase live (LESSONS_DIR, or lessons/ in the working directory). */
export const lessonsDirectory = config().lessonsDirectory;

export function readLessonSources(lessonsDirectory: string): LessonSource[] {
  if (!existsSync(lessonsDirectory)) return [];
  const projectRoot = path.dirname(lessonsDirectory);
  return readdirSync(lessonsDirectory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
    .map((entry) => entry.name)
    .sort()
    .map((slug) => {
      const directory = path.join(lessonsDirectory, slug);
      const readIfPresent = (name: string) => {
        const file = path.join(directory, name);
        return existsSync(file) && statSync(file).isFile() ? readFileSync(file, "utf8") : null;
      };
      const languageTexts: Partial<Record<Language, string>> = {};
      for (const language of languages) {
        const text = readIfPresent(`${language}.md`);
        if (text !== null) languageTexts[language] = text;
      }
      return {
        slug,
        folder: path.relative(projectRoot, directory) || slug,
        metadataText: readIfPresent("lesson.yaml"),
        languageTexts,
      };
    });
}

/** The termbase beside the lessons (lessons/terms.yaml), parsed once per text; an empty one when there is none. */
export function readTermbase(lessonsDirectory: string): ReturnType<typeof parseTermbase> {
  const file = path.join(lessonsDirectory, "terms.yaml");
  const shown = path.relative(path.dirname(lessonsDirectory), file);
  if (!existsSync(file)) return { termbase: emptyTermbase(), problems: [] };
  const text = readFileSync(file, "utf8");
  if (cachedTermbase?.text !== text) cachedTermbase = { text, result: parseTermbase(text, shown) };
  return cachedTermbase.result;
}
let cachedTermbase: { text: string; result: ReturnType<typeof parseTermbase> } | null = null;

/** The UI strings, as text per file, for the term check: `locales/<lng>/<namespace>.json`. */
export function readLocaleTexts(localesDirectory: string): { file: string; language: Language; text: string }[] {
  if (!existsSync(localesDirectory)) return [];
  const projectRoot = path.dirname(localesDirectory);
  return languages.flatMap((language) => {
    const directory = path.join(localesDirectory, language);
    if (!existsSync(directory)) return [];
    return readdirSync(directory)
      .filter((name) => name.endsWith(".json"))
      .sort()
      .map((name) => ({ file: path.relative(projectRoot, path.join(directory, name)), language, text: readFileSync(path.join(directory, name), "utf8") }));
  });
}
