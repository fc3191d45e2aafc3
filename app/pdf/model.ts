// What a PDF document is made of before layout: plain data that the document builders produce from
// lesson documents and that layout turns into pages.
import type { TextStyle } from "./text-style";

export interface Inline {
  text: string;
  style?: Partial<TextStyle>;
}

export type Block =
  | {
      kind: "heading";
      level: 1 | 2 | 3;
      inlines: Inline[];
      outline?: { level: number; title: string };
      anchor?: string;
      align?: "left" | "center";
      /** A sign to read across a classroom (a sorting sheet's word): much larger than a level-1 heading. */
      display?: boolean;
    }
  | { kind: "paragraph"; inlines: Inline[]; size?: "small" | "body" | "large"; align?: "left" | "center" }
  | { kind: "list"; ordered: boolean; start?: number; items: Block[][]; markers?: string[] }
  /** A quiz's options: lettered, with an empty box to tick, or the right one marked (answer key). */
  | { kind: "options"; items: { inlines: Inline[]; right?: boolean }[]; showAnswer: boolean }
  | { kind: "quote"; blocks: Block[] }
  /** A framed box (the help line). */
  | { kind: "box"; blocks: Block[] }
  | { kind: "table"; columns: { share: number; align: "left" | "right" }[]; header: Inline[][]; rows: Inline[][][]; footer?: Inline[][] }
  | { kind: "tableOfContents"; title: string; entries: { title: string; anchor: string; level: 0 | 1 }[] }
  | { kind: "space"; height: number }
  /** Cards to cut out: two to a row, each framed by a dashed cut line; a row never splits across pages. */
  | { kind: "cards"; cards: Block[][] }
  /** A new page; a part of a document may change the running header and the footer's language. */
  | { kind: "pageBreak"; runningTitle?: string; footer?: string };

export interface DocumentSpec {
  /** The document's language (BCP 47), for /Lang. */
  language: string;
  title: string;
  subject: string;
  keywords: string[];
  /** Running header until the first page break that sets another. */
  runningTitle: string;
  /** Footer text beside the page number (the help line). */
  footer: string;
  /** Newest content date: the document's creation date, so that the bytes never depend on the clock. */
  contentDate: Date | null;
  /** The cover (its pages carry no header or footer), then the body. */
  cover: Block[];
  body: Block[];
}
