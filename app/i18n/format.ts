// Numbers, lists and days in the page's language, through Intl.
import type { Language } from "./languages";

// Formatters are costly to build and immutable: one per language, made on first use.
const numberFormats = new Map<Language, Intl.NumberFormat>();
const listFormats = new Map<Language, Intl.ListFormat>();

export function formatNumber(value: number, language: Language): string {
  let format = numberFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language);
    numberFormats.set(language, format);
  }
  return format.format(value);
}

function listFormat(language: Language): Intl.ListFormat {
  let format = listFormats.get(language);
  if (!format) {
    format = new Intl.ListFormat(language, { type: "conjunction" });
    listFormats.set(language, format);
  }
  return format;
}

/** Grades 8, 9, 10, 11 → "8–11"; 8, 10 → "8 and 10" in the page's language. */
export function formatGrades(grades: readonly number[], language: Language): string {
  const sorted = [...grades].sort((a, b) => a - b);
  const consecutive = sorted.every((grade, index) => index === 0 || grade === sorted[index - 1]! + 1);
  if (sorted.length > 2 && consecutive) return `${formatNumber(sorted[0]!, language)}–${formatNumber(sorted.at(-1)!, language)}`;
  return listFormat(language).format(sorted.map((grade) => formatNumber(grade, language)));
}

const tbilisiDays = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tbilisi", year: "numeric", month: "2-digit", day: "2-digit" });

/**
 * The day of a moment in Georgia (UTC+4 all year), as YYYY-MM-DD: the day the PDFs' colophon, the verify
 * page, the classroom kit and the content status give. An approval at 22:30 UTC on 29 November is on
 * 30 November in Tbilisi.
 */
export function tbilisiDay(moment: string | Date): string {
  return tbilisiDays.format(typeof moment === "string" ? new Date(moment) : moment);
}
