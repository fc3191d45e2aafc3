// Reads the lesson folders from disk into LessonSource records for checkCurriculum.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { languages, type Language } from "~/i18n/languages";
import type { LessonSource } from "./check";

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
