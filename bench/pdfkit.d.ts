// The part of PDFKit 0.20's API the benchmark uses (the package ships no types, and @types/pdfkit is
// not a dependency).
declare module "pdfkit" {
  import type { Readable } from "node:stream";

  interface PDFDocumentOptions {
    size?: string | [number, number];
    margins?: { top: number; bottom: number; left: number; right: number };
    autoFirstPage?: boolean;
    compress?: boolean;
    lang?: string;
    displayTitle?: boolean;
    info?: { Title?: string; Author?: string; Subject?: string; Keywords?: string; Creator?: string; Producer?: string; CreationDate?: Date };
  }

  interface TextOptions {
    /** The next text() call continues this line instead of starting a new paragraph. */
    continued?: boolean;
    width?: number;
    align?: "left" | "center" | "right" | "justify";
    lineGap?: number;
    paragraphGap?: number;
    indent?: number;
  }

  interface PDFPage {
    width: number;
    height: number;
    margins: { top: number; bottom: number; left: number; right: number };
  }

  class PDFDocument extends Readable {
    constructor(options?: PDFDocumentOptions);
    x: number;
    y: number;
    page: PDFPage;
    registerFont(name: string, source: Buffer | string, family?: string): this;
    font(name: string, size?: number): this;
    fontSize(size: number): this;
    fillColor(color: string): this;
    text(text: string, options?: TextOptions): this;
    text(text: string, x?: number, y?: number, options?: TextOptions): this;
    moveDown(lines?: number): this;
    addPage(options?: PDFDocumentOptions): this;
    end(): void;
    on(event: "pageAdded", listener: () => void): this;
    on(event: "data", listener: (chunk: Buffer) => void): this;
    on(event: "end" | "close", listener: () => void): this;
    on(event: "error", listener: (error: Error) => void): this;
    on(event: string | symbol, listener: (...args: unknown[]) => void): this;
  }

  export default PDFDocument;
}
