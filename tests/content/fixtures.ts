import path from "node:path";
import type { LessonSource } from "~/content/check";
import { readLessonSources } from "~/content/sources.server";

export const goodFixtures = path.resolve(import.meta.dirname, "../fixtures/lessons/good");

/** The good fixture curriculum, with one file's text changed to break it in one way. */
export function fixtureWith(change?: { slug: string; file: "lesson.yaml" | "ka.md" | "en.md"; edit: (text: string) => string }): LessonSource[] {
  const sources = readLessonSources(goodFixtures);
  if (!change) return sources;
  return sources.map((source) => {
    if (source.slug !== change.slug) return source;
    if (change.file === "lesson.yaml") return { ...source, metadataText: change.edit(source.metadataText ?? "") };
    const language = change.file.slice(0, 2) as "ka" | "en";
    return { ...source, languageTexts: { ...source.languageTexts, [language]: change.edit(source.languageTexts[language] ?? "") } };
  });
}

/** Replaces exactly one occurrence, so a fixture edit cannot silently miss. */
export function replaceOnce(search: string, replacement: string) {
  return (text: string) => {
    const index = text.indexOf(search);
    if (index === -1 || text.indexOf(search, index + 1) !== -1) throw new Error(`fixture edit: "${search}" must occur exactly once`);
    return text.slice(0, index) + replacement + text.slice(index + search.length);
  };
}
