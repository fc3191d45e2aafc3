// Draws a laid-out document with pdf-lib. Only consumes layout data: every position was decided before,
// and so was the structure (tagging.ts writes it; draw-content.ts writes each page's operators inside
// their marked content). A copy's page paints its original from a shared form XObject.
// Speed comes from four things (ARCHITECTURE.md): fonts parsed once per process and shared through a
// fontkit stand-in (with their shaping cached), each distinct (face, word) encoded once per document,
// each page written as one content stream of raw operators instead of one drawText per line, and
// every stream (the writer's object streams too) compressed with Node's native zlib instead of pako.
import { deflateSync } from "node:zlib";
import { type PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFCrossRefStream, PDFObjectStream, type PDFRef, type PDFFont, type PDFPage } from "pdf-lib";
import { loadFonts } from "./fonts.server";
import type { LaidOutDocument, OutlineEntry } from "./layout";
import { artifactOperators, graphicsOperators, textOperators, type ContentTarget } from "./draw-content";
import { Tagging, xmpMetadata } from "./tagging";
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

/** A stream pdf-lib made uncompressed, compressed by zlib when the writer first asks for its bytes. */
function nativelyCompressed<Stream extends PDFObjectStream | PDFCrossRefStream>(stream: Stream): Stream {
  let compressed: Uint8Array | null = null;
  const contents = () => (compressed ??= deflateSync(stream.getUnencodedContents(), { level: compressionLevel }));
  stream.dict.set(PDFName.of("Filter"), PDFName.of("FlateDecode"));
  stream.getContents = contents;
  stream.getContentsSize = () => contents().length;
  return stream;
}

/**
 * pdf-lib packs small objects (structure elements, page dictionaries) into object streams, fifty to a
 * stream, and writes a cross-reference stream, compressing each with pako, a JavaScript deflate at its
 * default level: a tagged book has thousands of such objects, and pako's set-up and slow matching took a
 * sixth of its drawing time. Its writer creates both through these two factories: made uncompressed
 * there, they are compressed with Node's native zlib instead (the same Flate format).
 */
function compressWriterStreamsNatively() {
  const objectStream = PDFObjectStream.withContextAndObjects;
  const crossReferenceStream = PDFCrossRefStream.create;
  if ((objectStream as { native?: true }).native) return;
  PDFObjectStream.withContextAndObjects = Object.assign(
    (context: Parameters<typeof objectStream>[0], objects: Parameters<typeof objectStream>[1], encode = true) =>
      encode ? nativelyCompressed(objectStream(context, objects, false)) : objectStream(context, objects, false),
    { native: true as const },
  );
  PDFCrossRefStream.create = (dictionary, encode = true) => (encode ? nativelyCompressed(crossReferenceStream(dictionary, false)) : crossReferenceStream(dictionary, false));
}
compressWriterStreamsNatively();

/**
 * A font's resource name in one content stream: short (/F1 …), since a page switches fonts hundreds of
 * times (bold and italic words, Latin words in Georgian text, every ə of Azerbaijani).
 */
function resourceName(names: Map<string, string>, fileId: string): string {
  let name = names.get(fileId);
  if (!name) {
    name = `/F${names.size + 1}`;
    names.set(fileId, name);
  }
  return name;
}

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

/** What pdf-lib 1.17.1's subsetting font embedder keeps of the glyphs a document uses (pinned: ARCHITECTURE.md). */
interface SubsetEmbedder {
  font: { layout(text: string): { glyphs: { id: number }[] } };
  subset: { includeGlyph(glyph: { id: number }): number };
  glyphs: { id: number }[];
  glyphIdMap: Map<number, number>;
  glyphCache: { invalidate(): void };
}

/** Subset glyph ids as four hex digits, as pdf-lib writes them: made once per id (a subset has a few hundred). */
const hexOfGlyphId: string[] = [];
const hexDigits = (id: number) => (hexOfGlyphId[id] ??= id.toString(16).toUpperCase().padStart(4, "0"));

/** An embedded font's subset embedder, checked once when the font is embedded. */
function subsetEmbedderOf(font: PDFFont): SubsetEmbedder {
  const embedder = (font as unknown as { embedder: Partial<SubsetEmbedder> }).embedder;
  if (!embedder.subset || !embedder.glyphIdMap || !embedder.glyphs || !embedder.glyphCache || !embedder.font) {
    throw new Error("pdf-lib's subset font embedder has changed: encodeGlyphs needs pdf-lib 1.17.1");
  }
  return embedder as SubsetEmbedder;
}

/**
 * A piece of text as the hex digits of its subset glyph ids: what pdf-lib's PDFFont.encodeText gives
 * between "<" and ">", with the same bookkeeping in its embedder (each glyph included in the subset
 * once), without building a PDFHexString and its string per piece. A Georgian book has about ten
 * thousand distinct words: this took a sixth of its drawing.
 */
function encodeGlyphs(embedder: SubsetEmbedder, text: string): string {
  let hex = "";
  for (const glyph of embedder.font.layout(text).glyphs) {
    let id = embedder.glyphIdMap.get(glyph.id);
    if (id === undefined) {
      id = embedder.subset.includeGlyph(glyph);
      embedder.glyphs[id - 1] = glyph;
      embedder.glyphIdMap.set(glyph.id, id);
      embedder.glyphCache.invalidate();
    }
    hex += hexDigits(id);
  }
  return hex;
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

  // Each font file the document uses: embedded once, with the hex of each distinct piece it has drawn.
  const embedded = new Map<string, { font: PDFFont; embedder: SubsetEmbedder; pieces: Map<string, string> }>();
  const embed = async (fileId: string) => {
    const loaded = fonts.get(fileId)!;
    const font = await document.embedFont(loaded.bytes, { subset: true, customName: `${subsetTag(fileId)}+${loaded.font.postscriptName}` });
    embedded.set(fileId, { font, embedder: subsetEmbedderOf(font), pieces: new Map() });
  };
  const encodeIn = (fileId: string, text: string) => {
    const { embedder, pieces } = embedded.get(fileId)!;
    let hex = pieces.get(text);
    if (hex === undefined) {
      hex = encodeGlyphs(embedder, text);
      pieces.set(text, hex);
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
  for (const fileId of [...usedFiles].sort()) await embed(fileId);

  // The draft mark's translucency: one graphics state for the document, named on the pages that use it.
  let markState: PDFRef | null = null;
  const tagging = new Tagging(context, layout.structure);

  // A copy's pages print the first copy's page from one form XObject each (its content and its furniture,
  // all but the pack position): untagged (the copy is for the printer, an artifact), fonts named in its
  // own resources.
  const sharedContent = new Map<number, PDFRef>();
  const formOf = (pageIndex: number): PDFRef => {
    let form = sharedContent.get(pageIndex);
    if (form) return form;
    const original = layout.pages[pageIndex]!;
    const fonts = new Map<string, string>();
    const target: ContentTarget = {
      measurer,
      pageHeight: layout.height,
      encode: encodeIn,
      fontName: (fileId) => resourceName(fonts, fileId),
    };
    const operators = [...graphicsOperators(original.graphics, target), ...textOperators(original.runs.filter((run) => !run.packPosition), target)];
    const fontDictionary = Object.fromEntries([...fonts].map(([fileId, name]) => [name.slice(1), embedded.get(fileId)!.font.ref]));
    form = context.register(
      context.flateStream(Buffer.from(operators.join("\n"), "latin1"), {
        Type: "XObject",
        Subtype: "Form",
        BBox: [0, 0, layout.width, layout.height],
        Resources: { Font: fontDictionary },
      }),
    );
    sharedContent.set(pageIndex, form);
    return form;
  };

  const pages: PDFPage[] = [];
  for (const laidOutPage of layout.pages) {
    const page = document.addPage([layout.width, layout.height]);
    pages.push(page);
    const marks = tagging.page(page.ref);
    const fonts = new Map<string, string>();
    const target: ContentTarget = {
      measurer,
      pageHeight: layout.height,
      encode: encodeIn,
      fontName: (fileId) => {
        const known = fonts.size;
        const name = resourceName(fonts, fileId);
        if (fonts.size > known) page.node.setFontDictionary(PDFName.of(name.slice(1)), embedded.get(fileId)!.font.ref);
        return name;
      },
      open: (element) => marks.open(element),
    };
    const content: string[] = [];
    const isCopy = laidOutPage.contentOf !== undefined;
    if (isCopy) {
      page.node.setXObject(PDFName.of("C"), formOf(laidOutPage.contentOf!));
      content.push("/Artifact <</Type /Pagination>> BDC", "q /C Do Q", "EMC");
    } else content.push(...graphicsOperators(laidOutPage.graphics, target));
    if (laidOutPage.marks.length > 0) {
      // Over the fills (a quote's tint does not hide it), under the text (which stays as legible as ever).
      markState ??= context.register(context.obj({ Type: "ExtGState", ca: markOpacity, CA: markOpacity }));
      page.node.setExtGState(PDFName.of("GM"), markState);
      content.push("q", "/GM gs", ...artifactOperators(textOperators(laidOutPage.marks, { ...target, open: undefined }), target), "Q");
    }
    content.push(...textOperators(isCopy ? laidOutPage.runs.filter((run) => run.packPosition) : laidOutPage.runs, target));
    const stream = context.flateStream(Buffer.from(content.join("\n"), "latin1"));
    page.node.addContentStream(context.register(stream));
    const structParents = tagging.finishPage(marks);
    if (structParents !== null) page.node.set(PDFName.of("StructParents"), PDFNumber.of(structParents));
    // Tab order follows the structure (PDF/UA 7.18.3).
    page.node.set(PDFName.of("Tabs"), PDFName.of("S"));
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
          Contents: PDFHexString.fromText(link.description ? `${link.description}: ${link.uri}` : link.uri),
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
          ...(link.description ? { Contents: PDFHexString.fromText(link.description) } : {}),
        });
      }
      const reference = document.context.register(annotation);
      // Printed with the page (a QR code's link on paper is the code itself); tagged inside its Link.
      annotation.set(PDFName.of("F"), PDFNumber.of(4));
      if (link.element !== undefined) annotation.set(PDFName.of("StructParent"), PDFNumber.of(tagging.annotation(link.element, reference, pages[index]!.ref)));
      pages[index]!.node.addAnnot(reference);
    }
  }

  addOutline(document, pages, layout.outline, layout.height);

  document.setTitle(metadata.title, { showInWindowTitleBar: true });
  document.setSubject(metadata.subject);
  document.setKeywords(metadata.keywords);
  document.setCreator(metadata.creator);
  document.setProducer(metadata.producer);
  document.setLanguage(metadata.language);
  // Tagged PDF (PDF/UA-1): the structure tree, the claim that the content is marked, and XMP metadata.
  document.catalog.set(PDFName.of("StructTreeRoot"), tagging.write());
  document.catalog.set(PDFName.of("MarkInfo"), context.obj({ Marked: true }));
  const languages = [...new Set([metadata.language, ...layout.structure.flatMap((element) => (element.language ? [element.language] : []))])];
  const xmp = context.stream(xmpMetadata({ ...metadata, languages }), { Type: "Metadata", Subtype: "XML" });
  document.catalog.set(PDFName.of("Metadata"), context.register(xmp));
  if (metadata.date) {
    document.setCreationDate(metadata.date);
    document.setModificationDate(metadata.date);
  }
  // No pauses while writing: pdf-lib waits a timer tick every 50 objects by default, which in a worker
  // thread only adds idle time (a book has thousands of structure elements).
  return document.save({ useObjectStreams: true, addDefaultPage: false, objectsPerTick: Number.POSITIVE_INFINITY });
}

function roundTo(value: number): number {
  return Math.round(value * 100) / 100;
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
