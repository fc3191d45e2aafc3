// The colophon: what a document holds, approved when, and how a teacher checks a copy (the verify page's
// full address and a QR code of it). A few lines beside the code, one unit that never splits.
import { tbilisiDay } from "~/i18n/format";
import type { Block } from "../model";
import { qrSymbol } from "../qr";
import type { DocumentLabels, LessonInLanguage } from "./lesson-parts";

/** Provenance on paper; nothing when no part is an approved revision (a preview). */
export function colophonBlocks(items: (LessonInLanguage | undefined)[], labels: DocumentLabels): Block[] {
  const seen = new Set<string>();
  const entries: string[] = [];
  for (const item of items) {
    if (!item?.revision) continue;
    const key = `${item.lesson.slug}/${item.document.language}`;
    if (seen.has(key)) continue;
    seen.add(key);
    entries.push(labels.colophon.entry({ lesson: item.lesson.slug, language: item.document.language, revision: item.revision.id, date: tbilisiDay(item.revision.approvedAt) }));
  }
  if (entries.length === 0) return [];
  // The title runs into the first line: a standalone handout's colophon has to fit below its help line.
  const text: Block[] = [
    { kind: "paragraph", inlines: [{ text: `${labels.colophon.title} `, style: { bold: true } }, { text: labels.colophon.approved(entries.join("; ")) }], size: "small" },
    { kind: "paragraph", inlines: [{ text: labels.colophon.verify }], size: "small" },
  ];
  // A code of a bare path (no PUBLIC_ORIGIN, a local run) would lead a phone nowhere: the text alone then.
  if (!/^https?:\/\//.test(labels.colophon.address)) return text;
  return [{ kind: "qrNote", blocks: text, qr: qrSymbol(labels.colophon.address) }];
}
