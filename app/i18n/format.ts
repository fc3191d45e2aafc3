// Numbers, lists and days in the page's language, through Intl.
import type { Language } from "./languages";

/** Formatters are costly to build and immutable: each is made once per key (a language), on first use. */
export function madeOncePer<Key, Value>(make: (key: Key) => Value): (key: Key) => Value {
  const made = new Map<Key, Value>();
  return (key) => {
    let value = made.get(key);
    if (value === undefined) {
      value = make(key);
      made.set(key, value);
    }
    return value;
  };
}

const numberFormat = madeOncePer((language: Language) => new Intl.NumberFormat(language));
const listFormat = madeOncePer((language: Language) => new Intl.ListFormat(language, { type: "conjunction" }));
// What the review pages show of a moment: date and minute, in Georgia's time whatever the reader's clock says.
const reviewMomentFormat = madeOncePer((language: Language) => new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Tbilisi" }));

export function formatNumber(value: number, language: Language): string {
  return numberFormat(language).format(value);
}

/** A stored moment (ISO 8601) as the review pages write it: "30 Nov 2026, 14:05" in Tbilisi, in the page's language. */
export function formatReviewMoment(moment: string, language: Language): string {
  return reviewMomentFormat(language).format(new Date(moment));
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
