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
  /** `keepWithNext`: never the last thing on a page (a quiz question stays with its options). */
  | { kind: "paragraph"; inlines: Inline[]; size?: "small" | "body" | "large"; align?: "left" | "center"; keepWithNext?: boolean }
  | { kind: "list"; ordered: boolean; start?: number; items: Block[][]; markers?: string[] }
  /** A quiz's options: lettered, with an empty box to tick, or the right one marked (answer key). */
  | { kind: "options"; items: { inlines: Inline[]; right?: boolean }[]; showAnswer: boolean }
  | { kind: "quote"; blocks: Block[] }
  /**
   * A framed box (the help line): kept whole, and kept with the last lines before it, so that no page
   * ever holds only a box that did not fit at the foot of the page before.
   */
  | { kind: "box"; blocks: Block[] }
  | { kind: "table"; columns: { share: number; align: "left" | "right" }[]; header: Inline[][]; rows: Inline[][][]; footer?: Inline[][] }
  | { kind: "tableOfContents"; title: string; entries: { title: string; anchor: string; level: 0 | 1 }[] }
  | { kind: "space"; height: number }
  /** Cards to cut out: two to a row, each framed by a dashed cut line; a row never splits across pages. */
  | { kind: "cards"; cards: Block[][] }
  /**
   * Text beside a QR code (the colophon's verify address, a lesson part's title block with the code of
   * the lesson's page): one unit that never splits across pages. `caption`: a few words under the code;
   * `link`: the address the code's square opens when clicked; `keepWithNext` as for a heading.
   */
  | { kind: "qrNote"; blocks: Block[]; qr: QrSymbol; caption?: string; link?: string; keepWithNext?: boolean }
  /**
   * A new page; a part of a document may change the running header and the footer's language. With
   * `part`, a new part of a pack starts: on a right-hand (odd) page, its pages numbered from 1.
   */
  | { kind: "pageBreak"; runningTitle?: string; footer?: string; part?: PartStart }
  /**
   * A unit of the document's logical structure (a lesson, a part of a pack, the colophon): its blocks
   * lay out as if they stood in its place, and become the children of one structure element, which
   * speaks `language` (a mixed pack's handouts in another language than the plans).
   */
  | { kind: "group"; role: "Part" | "Sect" | "Div"; language?: string; blocks: Block[] }
  /**
   * The part of a pack laid out just before, printed `times` more times (a class's handouts): each copy a
   * part of its own, starting on a right-hand page, its pages sharing the first copy's content. Laid out
   * once, drawn once: copies cost page objects, not typesetting.
   */
  | { kind: "repeatPart"; times: number };

/** A QR code's modules, one string of "1" (dark) and "0" (light) per row, top row first. */
export interface QrSymbol {
  /** What it encodes (an address). */
  text: string;
  rows: string[];
}

/** What a part of a pack prints besides its content, in the part's language. */
export interface PartStart {
  /** Said, small and centred, on the blank left-hand page that may follow the part's last page. */
  blankPage: string;
  /** The page's position in the whole pack, small print beside "N / M": "{page}" is the number. */
  position: string;
}

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
  /**
   * A mark across every page (a draft's "not approved"): large, diagonal, translucent, under the text,
   * in the reader's language.
   */
  mark?: string;
  /** The cover (its pages carry no header or footer), then the body. */
  cover: Block[];
  body: Block[];
}
