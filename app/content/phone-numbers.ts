// Phone numbers in text: the help line must never break across lines, on screen or on paper, and in
// lesson text on the web it is a tel: link. One pattern serves the web, the PDF engine and the checks.

/** The help line, as the curriculum writes it and as a tel: link dials it. */
export const helpLine = { display: "+995 32 2 91 34 61", value: "+995322913461" } as const;

/** A phone number in text: "+", a country code, then digits with single spaces or hyphens. */
export const phoneNumberPattern = /\+\d{1,3}(?:[ \u00a0\u2009-]?\d){6,12}/g;

export function normalizePhoneNumber(text: string): string {
  return `+${text.replace(/\D/g, "")}`;
}

interface TextSegment {
  text: string;
  /** Set on a phone number: its digits, for tel: links. */
  phoneNumber?: string;
}

/** Splits text into plain segments and phone numbers (whose spaces become non-breaking). */
export function splitPhoneNumbers(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(phoneNumberPattern)) {
    if (match.index > last) segments.push({ text: text.slice(last, match.index) });
    segments.push({ text: keepTogether(match[0]), phoneNumber: normalizePhoneNumber(match[0]) });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last) });
  return segments;
}

/** Spaces inside a phone number become non-breaking spaces. */
export function keepTogether(text: string): string {
  return text.replace(/[ \u2009]/g, "\u00a0");
}

/** A text with every phone number kept on one line. */
export function withUnbreakablePhoneNumbers(text: string): string {
  return text.replace(phoneNumberPattern, keepTogether);
}
