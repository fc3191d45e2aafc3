// A locale file's texts as the translators wrote them: tests compare what the portal prints with these,
// never with a copy of the words, so that a change of wording does not break a test.
import { readFileSync } from "node:fs";
import path from "node:path";
import { root } from "./server-process";

/** The parsed JSON of locales/<language>/<namespace>.json (its shape is the namespace's own). */
export function localeTexts(language: string, namespace: string) {
  return JSON.parse(readFileSync(path.join(root, "locales", language, `${namespace}.json`), "utf8"));
}

/** The words of a template before its {{date}}, without the comma that joins them to it. */
export function wordsBeforeDate(template: string): string {
  return template.split("{{date}}")[0]!.trim().replace(/,$/, "");
}
