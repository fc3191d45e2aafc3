// Text as a reader's copy-and-paste would get it, through pdfjs-dist (pure JavaScript).
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export interface ExtractedPdf {
  pages: string[];
  info: Record<string, unknown>;
  outline: { title: string; items: { title: string }[] }[];
  linkCount: number;
  pageCount: number;
}

export async function extractPdf(bytes: Uint8Array): Promise<ExtractedPdf> {
  const document = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  let linkCount = 0;
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join(""));
    linkCount += (await page.getAnnotations()).filter((annotation) => annotation.subtype === "Link").length;
  }
  const metadata = await document.getMetadata();
  const outline = ((await document.getOutline()) ?? []) as ExtractedPdf["outline"];
  const pageCount = document.numPages;
  await document.destroy();
  return { pages, info: metadata.info as Record<string, unknown>, outline, linkCount, pageCount };
}

/**
 * A page's body text: the engine draws the page's furniture after all of its content (the running
 * header, then the footer with "N / M" on its line), so they are the page's last two lines of text.
 */
export function bodyOf(pageText: string): string {
  return pageText.split("\n").slice(0, -2).join("\n");
}

/** Whitespace as a reader compares text: any run of spaces and line ends is one space. */
export function normalized(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
