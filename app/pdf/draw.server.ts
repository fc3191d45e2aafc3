// Draws a laid-out document with pdf-lib. Only consumes layout data: every position was decided before.
// Speed comes from four things (ARCHITECTURE.md): fonts parsed once per process and shared through a
// fontkit stand-in (with their shaping cached), each distinct (face, word) encoded once per document,
// each page written as one content stream of raw operators instead of one drawText per line, and
// streams compressed with Node's native zlib instead of pdf-lib's JavaScript deflate.
import { deflateSync } from "node:zlib";
import { type PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFRef, type PDFFont, type PDFPage } from "pdf-lib";
import { loadFonts } from "./fonts.server";
import type { Graphic, LaidOutDocument, OutlineEntry, PlacedRun } from "./layout";
import { markOpacity } from "./theme";
import type { Measurer } from "./text-style";

interface DocumentMetadata {
  title: string;
  subject: string;
  keywords: string[];
  creator: string;
  producer: string;
  language: string;
  /** Content date; no wall-clock time ever goes into the bytes. */
  date: Date | null;
}

/**
 * zlib's fastest level: three times faster than the default on our content streams, for files about a
 * fifth larger (a 40-page book stays far below the 1.5 MB budget).
 */
const compressionLevel = 1;

/** Subset font names carry a tag; a fixed one per font keeps the bytes reproducible. */
function subsetTag(fileId: string): string {
  let hash = 0;
  for (const character of fileId) hash = (hash * 31 + character.charCodeAt(0)) >>> 0;
  let tag = "";
  for (let index = 0; index < 6; index += 1) {
    tag += String.fromCharCode(65 + (hash % 26));
    hash = Math.floor(hash / 26);
  }
  return tag;
}

export async function drawDocument(layout: LaidOutDocument, metadata: DocumentMetadata, measurer: Measurer): Promise<Uint8Array> {
  const fonts = loadFonts();
  const document = await PDFDocument.create({ updateMetadata: false });
  // pdf-lib asks fontkit to parse the bytes it embeds; hand it the fonts this process parsed already.
  const parsedByBytes = new Map([...fonts.values()].map((font) => [font.bytes as Uint8Array, font.font]));
  document.registerFontkit({
    create: (bytes: Uint8Array) => {
      const parsed = parsedByBytes.get(bytes);
      if (!parsed) throw new Error("the PDF engine embeds only the fonts it loaded");
      return parsed;
    },
  } as unknown as Parameters<PDFDocument["registerFontkit"]>[0]);

  const embedded = new Map<string, PDFFont>();
  const encodedPieces = new Map<string, Map<string, string>>();
  const fontFor = async (fileId: string) => {
    let font = embedded.get(fileId);
    if (!font) {
      const loaded = fonts.get(fileId)!;
      font = await document.embedFont(loaded.bytes, { subset: true, customName: `${subsetTag(fileId)}+${loaded.font.postscriptName}` });
      embedded.set(fileId, font);
    }
    return font;
  };
  const encode = (font: PDFFont, fileId: string, text: string) => {
    let ofFont = encodedPieces.get(fileId);
    if (!ofFont) {
      ofFont = new Map();
      encodedPieces.set(fileId, ofFont);
    }
    let hex = ofFont.get(text);
    if (hex === undefined) {
      hex = font.encodeText(text).toString().slice(1, -1); // "<...>" → hex digits
      ofFont.set(text, hex);
    }
    return hex;
  };

  // pdf-lib compresses fonts and streams with a JavaScript deflate; Node's zlib gives the same format faster.
  const context = document.context;
  context.flateStream = (contents, dictionary = {}) =>
    context.stream(deflateSync(contents as Uint8Array, { level: compressionLevel }), { ...dictionary, Filter: "FlateDecode" });

  // Embed every font the document uses up front, so that the page loop below runs without awaiting:
  // a book has tens of thousands of runs.
  const usedFiles = new Set<string>();
  for (const laidOutPage of layout.pages) for (const run of [...laidOutPage.marks, ...laidOutPage.runs]) usedFiles.add(measurer.face(run.faceId).fileId);
  for (const fileId of [...usedFiles].sort()) await fontFor(fileId);

  // The draft mark's translucency: one graphics state for the document, named on the pages that use it.
  let markState: PDFRef | null = null;

  const pages: PDFPage[] = [];
  for (const laidOutPage of layout.pages) {
    const page = document.addPage([layout.width, layout.height]);
    pages.push(page);
    const content: string[] = [];
    for (const graphic of laidOutPage.graphics) content.push(graphicOperators(graphic, layout.height));

    const fontKeys = new Map<string, string>();
    const fontKey = (fileId: string, font: PDFFont) => {
      let key = fontKeys.get(fileId);
      if (!key) {
        // Short resource names (/F1 …): a page switches fonts at every space of Georgian and Armenian
        // text (their fonts have no space glyph), so the name is written thousands of times.
        const name = PDFName.of(`F${fontKeys.size + 1}`);
        page.node.setFontDictionary(name, font.ref);
        key = name.asString();
        fontKeys.set(fileId, key);
      }
      return key;
    };
    const textObject = (runs: readonly PlacedRun[]) => {
      content.push("BT");
      let currentFont = "";
      let currentColor = "";
      // Where the text position stands after the previous run: a run that continues the same line
      // needs no new text matrix (drawing a glyph advances the position by exactly its measured width).
      let continuesAt = { x: Number.NaN, y: Number.NaN, slant: Number.NaN };
      for (const run of runs) {
        if (run.pieces.every((piece) => piece.length === 0)) continue;
        const face = measurer.face(run.faceId);
        const font = embedded.get(face.fileId)!;
        const fontState = `${fontKey(face.fileId, font)} ${number(run.size)} Tf`;
        if (fontState !== currentFont) {
          content.push(fontState);
          currentFont = fontState;
        }
        const color = `${run.color.map(number).join(" ")} rg`;
        if (color !== currentColor) {
          content.push(color);
          currentColor = color;
        }
        const hex = run.pieces.map((piece) => encode(font, face.fileId, piece)).join("");
        const continues = run.angle === undefined && run.y === continuesAt.y && face.slant === continuesAt.slant && Math.abs(run.x - continuesAt.x) < 0.01;
        if (!continues) content.push(`${textMatrix(face.slant, run.angle)} ${number(run.x)} ${number(layout.height - run.y)} Tm`);
        content.push(`<${hex}> Tj`);
        continuesAt = { x: run.x + run.width, y: run.y, slant: face.slant };
      }
      content.push("ET");
    };

    if (laidOutPage.marks.length > 0) {
      // Over the fills (a quote's tint does not hide it), under the text (which stays as legible as ever).
      markState ??= context.register(context.obj({ Type: "ExtGState", ca: markOpacity, CA: markOpacity }));
      page.node.setExtGState(PDFName.of("GM"), markState);
      content.push("q", "/GM gs");
      textObject(laidOutPage.marks);
      content.push("Q");
    }
    textObject(laidOutPage.runs);
    const stream = context.flateStream(Buffer.from(content.join("\n"), "latin1"));
    page.node.addContentStream(context.register(stream));
  }

  for (const [index, laidOutPage] of layout.pages.entries()) {
    for (const link of laidOutPage.links) {
      const rect = [roundTo(link.x), roundTo(layout.height - link.y - link.height), roundTo(link.x + link.width), roundTo(layout.height - link.y)];
      let annotation: PDFDict;
      if (link.uri) {
        // An address (a QR code's): a URI action; its words for whoever cannot see the code.
        annotation = document.context.obj({
          Type: "Annot",
          Subtype: "Link",
          Rect: rect,
          Border: [0, 0, 0],
          // Hex-encoded: no address character needs escaping in a PDF string then. (A URI is 7-bit ASCII.)
          A: { Type: "Action", S: "URI", URI: PDFHexString.of(Buffer.from(link.uri, "latin1").toString("hex")) },
          ...(link.description ? { Contents: PDFHexString.fromText(`${link.description}: ${link.uri}`) } : {}),
        });
      } else {
        const target = link.anchor ? layout.anchors[link.anchor] : undefined;
        if (!target) continue;
        annotation = document.context.obj({
          Type: "Annot",
          Subtype: "Link",
          Rect: rect,
          Border: [0, 0, 0],
          Dest: [pages[target.page]!.ref, "XYZ", null, roundTo(layout.height - target.y + 14), null],
        });
      }
      pages[index]!.node.addAnnot(document.context.register(annotation));
    }
  }

  addOutline(document, pages, layout.outline, layout.height);

  document.setTitle(metadata.title, { showInWindowTitleBar: true });
  document.setSubject(metadata.subject);
  document.setKeywords(metadata.keywords);
  document.setCreator(metadata.creator);
  document.setProducer(metadata.producer);
  document.setLanguage(metadata.language);
  if (metadata.date) {
    document.setCreationDate(metadata.date);
    document.setModificationDate(metadata.date);
  }
  return document.save({ useObjectStreams: true, addDefaultPage: false });
}

function roundTo(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * The text matrix's first four numbers: a synthesized italic's shear, then a rotation (the draft mark).
 * A point (x, y) is sheared to (x + slant·y, y), then turned by the angle.
 */
function textMatrix(slant: number, angle: number | undefined): string {
  if (angle === undefined) return `1 0 ${number(slant)} 1`;
  const radians = (angle * Math.PI) / 180;
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  return [cos, sin, slant * cos - sin, slant * sin + cos].map((value) => String(Math.round(value * 10_000) / 10_000)).join(" "); // four decimals: a straight line of text
}

/** A number as PDF content writes it: at most two decimals, no exponent. */
function number(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function graphicOperators(graphic: Graphic, pageHeight: number): string {
  if (graphic.kind === "line") {
    return [
      "q",
      `${graphic.color.map(number).join(" ")} RG`,
      `${number(graphic.width)} w`,
      `${number(graphic.x1)} ${number(pageHeight - graphic.y1)} m ${number(graphic.x2)} ${number(pageHeight - graphic.y2)} l S`,
      "Q",
    ].join("\n");
  }
  if (graphic.kind === "qr") return qrOperators(graphic, pageHeight);
  const box = `${number(graphic.x)} ${number(pageHeight - graphic.y - graphic.height)} ${number(graphic.width)} ${number(graphic.height)} re`;
  const parts = ["q"];
  if (graphic.fill) parts.push(`${graphic.fill.map(number).join(" ")} rg`, box, "f");
  if (graphic.stroke) {
    parts.push(`${graphic.stroke.map(number).join(" ")} RG`, `${number(graphic.lineWidth ?? 1)} w`);
    if (graphic.dashed) parts.push("[4 3] 0 d"); // a cut line
    parts.push(box, "S");
  }
  parts.push("Q");
  return parts.join("\n");
}

/**
 * A QR code as vector squares: each row's runs of dark modules as one rectangle, all filled as one path
 * (one fill: no hairline seams between neighbouring squares when a viewer anti-aliases).
 */
function qrOperators(graphic: Extract<Graphic, { kind: "qr" }>, pageHeight: number): string {
  const parts = ["q", `${graphic.color.map(number).join(" ")} rg`];
  const at = (value: number) => String(Math.round(value * 1000) / 1000); // three decimals: modules meet exactly
  graphic.rows.forEach((row, rowIndex) => {
    let column = 0;
    while (column < row.length) {
      if (row[column] !== "1") {
        column += 1;
        continue;
      }
      const start = column;
      while (row[column] === "1") column += 1;
      const x = graphic.x + start * graphic.module;
      const top = graphic.y + rowIndex * graphic.module;
      parts.push(`${at(x)} ${at(pageHeight - top - graphic.module)} ${at((column - start) * graphic.module)} ${at(graphic.module)} re`);
    }
  });
  parts.push("f", "Q");
  return parts.join("\n");
}

/** Bookmarks: a tree by level (0 = lesson or part, 1 = section), each opening its page at its heading. */
function addOutline(document: PDFDocument, pages: PDFPage[], entries: OutlineEntry[], pageHeight: number) {
  if (entries.length === 0) return;
  const context = document.context;
  interface Node {
    entry: OutlineEntry | null;
    ref: PDFRef;
    children: Node[];
  }
  const root: Node = { entry: null, ref: context.nextRef(), children: [] };
  const stack: Node[] = [root];
  for (const entry of entries) {
    const node: Node = { entry, ref: context.nextRef(), children: [] };
    while (stack.length > 1 && stack.at(-1)!.entry!.level >= entry.level) stack.pop();
    stack.at(-1)!.children.push(node);
    stack.push(node);
  }
  const countOf = (node: Node): number => node.children.reduce((sum, child) => sum + 1 + countOf(child), 0);
  const write = (node: Node, parent: Node | null, previous: Node | null, next: Node | null) => {
    const dictionary = new Map<PDFName, PDFArray | PDFDict | PDFHexString | PDFNumber | PDFRef | PDFName>();
    const set = (key: string, value: PDFArray | PDFDict | PDFHexString | PDFNumber | PDFRef | PDFName) => dictionary.set(PDFName.of(key), value);
    if (node.entry) {
      set("Title", PDFHexString.fromText(node.entry.title));
      set("Parent", parent!.ref);
      set("Dest", context.obj([pages[node.entry.page]!.ref, "XYZ", null, roundTo(pageHeight - node.entry.y + 14), null]));
      if (previous) set("Prev", previous.ref);
      if (next) set("Next", next.ref);
    } else set("Type", PDFName.of("Outlines"));
    if (node.children.length > 0) {
      set("First", node.children[0]!.ref);
      set("Last", node.children.at(-1)!.ref);
      // Lessons open, sections folded: a positive count shows children, a negative one hides them.
      const count = countOf(node);
      set("Count", PDFNumber.of(node.entry && node.entry.level >= 0 ? -node.children.length : count));
    }
    context.assign(node.ref, PDFDict.fromMapWithContext(dictionary, context));
    node.children.forEach((child, index) => write(child, node, node.children[index - 1] ?? null, node.children[index + 1] ?? null));
  };
  write(root, null, null, null);
  document.catalog.set(PDFName.of("Outlines"), root.ref);
  document.catalog.set(PDFName.of("PageMode"), PDFName.of("UseOutlines"));
}
