// The other library a team could pick: PDFKit, with the same fonts the engine uses converted to
// TrueType once (as the engine does), typesetting the same student book text.
import fontkit from "@pdf-lib/fontkit";
import type { Font } from "@pdf-lib/fontkit";
import PDFDocument from "pdfkit";
import { fontFiles } from "../app/pdf/font-files";
import { readFontFile } from "../app/pdf/fonts.server";
import type { Paragraph, StudentBookText, Style } from "./student-book";
import { median, timeRepeated } from "./timing";

// The engine's font files (app/pdf/font-files.ts), by PDFKit font name. Georgian and Armenian have no
// italic face (the engine slants the upright one; here they are simply upright).
type FontName = keyof typeof fontFiles;

/** The fallback chain of a style, in the engine's order: the first font with the character wins. */
function chainOf({ bold, italic }: Style): FontName[] {
  const weight = bold ? "700" : "400";
  const i = italic ? "i" : "";
  return [`latin-${weight}${i}`, `latinext-${weight}${i}`, `georgian-${weight}`, `armenian-${weight}`, `dejavu-${weight}${i}`] as FontName[];
}

export interface PdfkitFonts {
  /** TrueType bytes, registered in every document. */
  ttf: Map<FontName, Buffer>;
  /** Which font a character of a style is set in: decided once per (style, code point). */
  fontFor(codePoint: number, style: Style): FontName;
}

/** Reads (and converts) the font files once and parses them once for coverage (untimed, like the engine's start). */
export function loadPdfkitFonts(): PdfkitFonts {
  const ttf = new Map<FontName, Buffer>();
  const parsed = new Map<FontName, Font>();
  for (const name of Object.keys(fontFiles) as FontName[]) {
    const bytes = readFontFile(name);
    ttf.set(name, bytes);
    parsed.set(name, fontkit.create(bytes));
  }
  const choices = new Map<string, Map<number, FontName>>();
  return {
    ttf,
    fontFor(codePoint, style) {
      const styleKey = `${style.bold ? "b" : ""}${style.italic ? "i" : ""}`;
      let ofStyle = choices.get(styleKey);
      if (!ofStyle) {
        ofStyle = new Map();
        choices.set(styleKey, ofStyle);
      }
      let choice = ofStyle.get(codePoint);
      if (choice === undefined) {
        const chain = chainOf(style);
        choice = chain.find((name) => parsed.get(name)!.hasGlyphForCodePoint(codePoint)) ?? chain.at(-1)!;
        ofStyle.set(codePoint, choice);
      }
      return choice;
    },
  };
}

/** Splits text into maximal runs that one font covers (a space between Georgian words is a Latin run). */
export function runsByFont(text: string, style: Style, fonts: PdfkitFonts): { font: FontName; text: string }[] {
  const runs: { font: FontName; text: string }[] = [];
  for (const character of text) {
    const font = fonts.fontFor(character.codePointAt(0)!, style);
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
