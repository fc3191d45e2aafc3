// The other library a team could pick: PDFKit, with the same fonts the engine uses converted to
// TrueType once (as the engine does), typesetting the same student book text.
import PDFDocument from "pdfkit";
import type { fontFiles } from "../app/pdf/font-files";
import { createMeasurer, loadFonts } from "../app/pdf/fonts.server";
import type { Measurer } from "../app/pdf/text-style";
import type { Paragraph, StudentBookText, Style } from "./student-book";
import { median, timeRepeated } from "./timing";

// The engine's font files (app/pdf/font-files.ts), by PDFKit font name. Georgian and Armenian have no
// italic face (the engine slants the upright one; here they are simply upright).
type FontName = keyof typeof fontFiles;

export interface PdfkitFonts {
  /** TrueType bytes, registered in every document. */
  ttf: Map<FontName, Buffer>;
  /** The engine's own choice of font for each character, so that both set the same runs. */
  measurer: Measurer;
}

/** The engine's fonts, read and parsed once (untimed, like the engine's start). */
export function loadPdfkitFonts(): PdfkitFonts {
  return { ttf: new Map([...loadFonts()].map(([id, font]) => [id as FontName, font.bytes])), measurer: createMeasurer() };
}

/**
 * Splits text into maximal runs that one font covers, as the engine chooses fonts: a space, digit or
 * punctuation mark in the font of the text before it (decision 014).
 */
export function runsByFont(text: string, style: Style, fonts: PdfkitFonts): { font: FontName; text: string }[] {
  const runs: { font: FontName; text: string }[] = [];
  let previous: string | undefined;
  for (const character of text) {
    previous = fonts.measurer.faceBeside(character.codePointAt(0)!, style, previous);
    const font = fonts.measurer.face(previous).fileId as FontName;
    const last = runs.at(-1);
    if (last && last.font === font) last.text += character;
    else runs.push({ font, text: character });
  }
  return runs;
}

function writeParagraph(doc: PDFDocument, paragraph: Paragraph, fonts: PdfkitFonts) {
  const { left, right } = doc.page.margins;
  if (paragraph.pageBreak) doc.addPage();
  const runs = runsByFont(paragraph.text, paragraph.style, fonts);
  // PDFKit breaks the lines itself; `continued` keeps the runs of one paragraph in one flow of lines.
  // The first call places the paragraph (x, width); the following calls continue where it stopped.
  runs.forEach((run, index) => {
    doc.font(run.font).fontSize(paragraph.size);
    const options = { continued: index < runs.length - 1 };
    if (index === 0) doc.text(run.text, left + paragraph.indent, undefined, { ...options, width: doc.page.width - left - right - paragraph.indent });
    else doc.text(run.text, options);
  });
  doc.x = left;
  doc.moveDown(0.4);
}

export interface TypesetPdf {
  bytes: Buffer;
  pageCount: number;
}

/** Typesets the book: a new PDFDocument, fonts registered (PDFKit parses them per document), every paragraph, end. */
export function typesetWithPdfkit(book: StudentBookText, fonts: PdfkitFonts): Promise<TypesetPdf> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: "A4",
      margins: { top: 72, bottom: 72, left: 56.7, right: 56.7 },
      lang: book.language,
      displayTitle: true,
      // A fixed date, so the bytes do not depend on the clock (as the engine's).
      info: { Title: book.title, CreationDate: new Date(0) },
    });
    const chunks: Buffer[] = [];
    let pageCount = 1;
    doc.on("pageAdded", () => {
      pageCount += 1;
    });
    doc.on("data", (chunk) => chunks.push(chunk));
    doc.on("end", () => resolve({ bytes: Buffer.concat(chunks), pageCount }));
    doc.on("error", reject);
    try {
      for (const [name, bytes] of fonts.ttf) doc.registerFont(name, bytes);
      for (const paragraph of book.paragraphs) writeParagraph(doc, paragraph, fonts);
      doc.end();
    } catch (error) {
      reject(error);
    }
  });
}

export interface PdfkitBookResult {
  ms: number[];
  medianMs: number;
  size: number;
  pageCount: number;
}

/** One untimed warm-up, then `runs` timed typesettings of the whole book. */
export async function pdfkitBook(book: StudentBookText, fonts: PdfkitFonts, runs = 5): Promise<PdfkitBookResult> {
  const { ms, last } = await timeRepeated(runs, () => typesetWithPdfkit(book, fonts));
  return { ms, medianMs: median(ms), size: last.bytes.length, pageCount: last.pageCount };
}
