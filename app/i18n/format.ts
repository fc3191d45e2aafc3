// Numbers and lists in the page's language, through Intl.
import type { Language } from "./languages";

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(language).format(value);
}

/** Grades 8, 9, 10, 11 → "8–11"; 8, 10 → "8 and 10" in the page's language. */
export function formatGrades(grades: readonly number[], language: Language): string {
  const sorted = [...grades].sort((a, b) => a - b);
  const consecutive = sorted.every((grade, index) => index === 0 || grade === sorted[index - 1]! + 1);
  if (sorted.length > 2 && consecutive) return `${formatNumber(sorted[0]!, language)}–${formatNumber(sorted.at(-1)!, language)}`;
  return new Intl.ListFormat(language, { type: "conjunction" }).format(sorted.map((grade) => formatNumber(grade, language)));
}
