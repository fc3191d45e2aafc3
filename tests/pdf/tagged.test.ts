// Tagged PDF, PDF/UA-1: what a screen reader gets through pdf.js (Firefox's reader) and what poppler says,
// for every kind of document in every language; the structure asserted on the layout without drawing;
// the XMP metadata; the mixed pack's languages; copies that add no structure and little size.
// There is no veraPDF on these machines: docs/decisions/012-tagged-pdf.md lists which PDF/UA checks
// these tests cover and which they do not.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFNumber, type PDFRawStream, type PDFRef } from "pdf-lib";
import type { Nodes } from "mdast";
import { toString as plainText } from "mdast-util-to-string";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it, vi } from "vitest";
import { languages, type Language } from "~/i18n/languages";
import { layoutDocument, type LaidOutDocument, type PlacedRun } from "~/pdf/layout";
import { renderPdf, sharedMeasurer } from "~/pdf/render.server";
import type { DocumentSpec } from "~/pdf/model";
import { getCatalogue } from "~/publication/catalogue.server";
import { bookDocumentSpec, lessonDocumentSpec, packDocumentSpec } from "~/publication/pdf-assembly.server";

vi.hoisted(() => {
  process.env.PUBLIC_ORIGIN = "https://lessons.example.ge";
});
const measurer = sharedMeasurer();
const slug = "what-is-trafficking";
const allLessons = ["what-is-trafficking", "forms-of-exploitation", "how-traffickers-recruit", "safe-migration", "safe-online", "myths-and-facts", "rights-and-help", "awareness-campaign"];

interface StructureNode {
  role?: string;
  lang?: string;
  alt?: string;
  type?: string;
  children?: StructureNode[];
}

/** pdf.js's structure tree of every page, its mark info and its XMP metadata. */
async function readTagged(bytes: Uint8Array) {
  const document = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: StructureNode[] = [];
  for (let number = 1; number <= document.numPages; number += 1) pages.push((await (await document.getPage(number)).getStructTree()) as StructureNode);
  const markInfo = await document.getMarkInfo();
  const metadata = (await document.getMetadata()).metadata as { get(name: string): unknown } | null;
  await document.destroy();
  return { pages, markInfo, metadata };
}

function nodes(tree: StructureNode): StructureNode[] {
  return [tree, ...(tree.children ?? []).flatMap((child) => (child.role ? nodes(child) : []))];
}

function rolesOf(trees: StructureNode[]): Set<string> {
  return new Set(trees.flatMap((tree) => nodes(tree).map((node) => node.role ?? "")));
}

/** The XMP metadata as written: uncompressed XML. */
async function xmpOf(bytes: Uint8Array): Promise<string> {
  const stream = (await PDFDocument.load(bytes, { updateMetadata: false })).catalog.lookup(PDFName.of("Metadata")) as PDFRawStream;
  expect(stream.dict.get(PDFName.of("Subtype"))).toBe(PDFName.of("XML"));
  expect(stream.dict.get(PDFName.of("Filter"))).toBeUndefined(); // uncompressed: readable by any XMP reader
  return new TextDecoder().decode(stream.contents);
}

function pdfinfo(bytes: Uint8Array, ...options: string[]): string {
  const directory = mkdtempSync(path.join(tmpdir(), "tagged-"));
  try {
    const file = path.join(directory, "document.pdf");
    writeFileSync(file, bytes);
    return execFileSync("pdfinfo", [...options, file], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** Layout's own promises: every piece of content belongs to an element, every element to the tree. */
function expectWellFormedStructure(layout: LaidOutDocument, where: string) {
  const { structure } = layout;
  expect(structure[0]?.role, where).toBe("Document");
  structure.slice(1).forEach((element, index) => {
    expect(element.parent, `${where}: element ${index + 1}`).toBeGreaterThanOrEqual(0);
    expect(element.parent, `${where}: element ${index + 1}`).toBeLessThan(index + 1);
  });
  for (const [pageIndex, page] of layout.pages.entries()) {
    for (const run of page.runs) {
      if (run.artifact) expect(run.element, `${where} p. ${pageIndex + 1}: furniture is no content`).toBeUndefined();
      else expect(structure[run.element!], `${where} p. ${pageIndex + 1}: "${run.pieces.join("")}" has an element`).toBeDefined();
    }
    for (const link of page.links) expect(structure[link.element!]?.role, `${where} p. ${pageIndex + 1}: a link's element`).toBe("Link");
    for (const graphic of page.graphics) if (graphic.kind === "qr") expect(structure[graphic.element!]?.role).toBe("Figure");
  }
  // Lists: every item a label and a body; tables: rows of cells; contents: entries that are links.
  const childrenOf = (index: number) => structure.flatMap((element) => (element.parent === index ? [element.role] : []));
  structure.forEach((element, index) => {
    if (element.role === "L") expect(new Set(childrenOf(index)), where).toEqual(new Set(["LI"]));
    if (element.role === "LI") expect(childrenOf(index), where).toEqual(["Lbl", "LBody"]);
    if (element.role === "Table") expect(new Set(childrenOf(index)), where).toEqual(new Set(["TR"]));
    if (element.role === "TR") expect(childrenOf(index).every((role) => role === "TH" || role === "TD"), where).toBe(true);
    if (element.role === "TOC") expect(new Set(childrenOf(index)), where).toEqual(new Set(["TOCI"]));
    if (element.role === "TOCI") expect(childrenOf(index), where).toEqual(["Link"]);
  });
}

async function specsOf(language: Language): Promise<[string, DocumentSpec][]> {
  return [
    ["plan", (await lessonDocumentSpec("plan", slug, language))!],
    ["handout", (await lessonDocumentSpec("handout", slug, language))!],
    ["materials", (await lessonDocumentSpec("materials", "forms-of-exploitation", language))!],
    ["student book", await bookDocumentSpec("student", language)],
  ];
}

const expectedRoles: Record<string, string[]> = {
  plan: ["Document", "Sect", "H1", "H2", "H3", "P", "L", "LI", "Lbl", "LBody", "BlockQuote", "Table", "TR", "TH", "TD", "Link", "Figure", "Div"],
  handout: ["Document", "Sect", "H1", "H2", "H3", "P", "L", "LI", "Lbl", "LBody", "Link", "Figure", "Div"],
  materials: ["Document", "Sect", "H1", "H2", "P", "Div", "Link", "Figure"],
  "student book": ["Document", "Sect", "TOC", "TOCI", "Link", "H1", "H2", "H3", "P", "L", "LI", "Lbl", "LBody", "Figure", "Div"],
};

describe("tagged PDF (PDF/UA-1)", () => {
  for (const language of languages) {
    it(`${language}: plan, handout, materials and student book are tagged, with their roles, marked, and say PDF/UA-1 in XMP`, async () => {
      for (const [kind, spec] of await specsOf(language)) {
        const where = `${language} ${kind}`;
        const layout = layoutDocument(spec, measurer);
        expectWellFormedStructure(layout, where);
        const { bytes } = await renderPdf(spec);
        expect(pdfinfo(bytes), where).toMatch(/^Tagged:\s+yes$/m);
        const tagged = await readTagged(bytes);
        expect(tagged.markInfo?.Marked, where).toBe(true);
        const roles = rolesOf(tagged.pages);
        for (const role of expectedRoles[kind]!) expect(roles.has(role), `${where}: ${role}`).toBe(true);
        // Every page with content has a structure; a QR code's figure says what it leads to.
        tagged.pages.forEach((tree, index) => expect(tree.children?.length ?? 0, `${where} p. ${index + 1}`).toBeGreaterThan(0));
        const figures = tagged.pages.flatMap(nodes).filter((node) => node.role === "Figure");
        expect(figures.every((figure) => /https:\/\/lessons\.example\.ge\//.test(figure.alt ?? "")), where).toBe(true);
        expect(tagged.metadata?.get("pdfuaid:part"), where).toBe("1");
        expect(tagged.metadata?.get("dc:title"), where).toBe(spec.title);
        expect(await xmpOf(bytes), where).toContain(`<dc:language><rdf:Bag><rdf:li>${language}</rdf:li></rdf:Bag></dc:language>`);
      }
    }, 120_000);
  }

  it("the activity timetable is a table whose header cells head their columns", async () => {
    const spec = (await lessonDocumentSpec("plan", slug, "hy"))!;
    const layout = layoutDocument(spec, measurer);
    const table = layout.structure.findIndex((element) => element.role === "Table");
    const rows = layout.structure.flatMap((element, index) => (element.parent === table ? [index] : []));
    const cells = (row: number) => layout.structure.filter((element) => element.parent === row);
    expect(cells(rows[0]!).map((cell) => [cell.role, cell.scope])).toEqual([
      ["TH", "Column"],
      ["TH", "Column"],
      ["TH", "Column"],
    ]);
    expect(cells(rows[1]!).map((cell) => cell.role)).toEqual(["TD", "TD", "TD"]);
    // The total: its label heads the row.
    expect(cells(rows.at(-1)!).map((cell) => [cell.role, cell.scope])).toEqual([["TD", undefined], ["TH", "Row"], ["TD", undefined]]);

    // pdf.js reads the same in the file, and the scope is written as a Table attribute.
    const { bytes } = await renderPdf(spec);
    const document = await PDFDocument.load(bytes, { updateMetadata: false });
    const scopes: string[] = [];
    for (const [, object] of document.context.enumerateIndirectObjects()) {
      if (!(object instanceof PDFDict) || object.get(PDFName.of("S")) !== PDFName.of("TH")) continue;
      const attributes = object.lookup(PDFName.of("A"), PDFDict);
      expect(attributes.get(PDFName.of("O"))).toBe(PDFName.of("Table"));
      scopes.push((attributes.get(PDFName.of("Scope")) as PDFName).decodeText());
    }
    expect(scopes.filter((scope) => scope === "Column")).toHaveLength(3);
    expect(scopes.filter((scope) => scope === "Row")).toHaveLength(1);
  }, 60_000);

  it("a mixed pack: Georgian plans, Azerbaijani handouts: each handout page's part says az, the document ka", async () => {
    const spec = await packDocumentSpec({ slugs: [slug, "safe-online"], parts: ["plan", "handout"], language: "ka", handoutLanguage: "az", copies: 1 });
    const layout = layoutDocument(spec, measurer);
    const { bytes } = await renderPdf(spec);
    const tagged = await readTagged(bytes);
    const languageOfPage = (tree: StructureNode) => nodes(tree).find((node) => node.role === "Sect")?.lang ?? "";
    let handoutPages = 0;
    layout.pages.forEach((page, index) => {
      if (page.blank) return;
      const texts = page.runs.filter((run) => !run.artifact).map((run) => run.pieces.join("")).join(" ");
      const isGeorgian = /\p{Script=Georgian}/u.test(texts);
      if (page.runningTitle === layout.pages[0]!.runningTitle && isGeorgian) return; // a plan's page: no Lang of its own
      if (!isGeorgian && texts.length > 0 && languageOfPage(tagged.pages[index]!) === "az") handoutPages += 1;
    });
    expect(handoutPages).toBeGreaterThan(4);
    // Plans: no /Lang of their own (the document's ka applies); the document says ka, XMP lists both.
    expect(languageOfPage(tagged.pages[0]!)).toBe("");
    expect(layout.structure.filter((element) => element.language).map((element) => element.language)).toEqual(["az", "az"]);
    expect(await xmpOf(bytes)).toContain("<dc:language><rdf:Bag><rdf:li>ka</rdf:li><rdf:li>az</rdf:li></rdf:Bag></dc:language>");
    const catalog = (await PDFDocument.load(bytes, { updateMetadata: false })).catalog;
    expect(catalog.lookup(PDFName.of("Lang"))?.toString()).toBe("(ka)");
  }, 60_000);

  it("the window shows the title, every page's tab order follows the structure, and every link annotation is inside its Link element", async () => {
    const { bytes } = await renderPdf(await bookDocumentSpec("student", "ka"));
    const document = await PDFDocument.load(bytes, { updateMetadata: false });
    // A reader's window shows the title, not the file name.
    expect(document.catalog.lookup(PDFName.of("ViewerPreferences"), PDFDict).get(PDFName.of("DisplayDocTitle"))?.toString()).toBe("true");
    const parentTree = document.catalog.lookup(PDFName.of("StructTreeRoot"), PDFDict).lookup(PDFName.of("ParentTree"), PDFDict);
    const numbers = parentTree.lookup(PDFName.of("Nums"), PDFArray);
    const entries = new Map<number, unknown>();
    for (let index = 0; index < numbers.size(); index += 2) entries.set((numbers.get(index) as PDFNumber).asNumber(), numbers.get(index + 1));
    let annotations = 0;
    for (const page of document.getPages()) {
      expect(page.node.get(PDFName.of("Tabs"))).toBe(PDFName.of("S"));
      const annots = page.node.lookup(PDFName.of("Annots"), PDFArray);
      if (!annots) continue;
      for (let index = 0; index < annots.size(); index += 1) {
        const annotation = annots.lookup(index, PDFDict);
        const key = (annotation.get(PDFName.of("StructParent")) as PDFNumber).asNumber();
        const element = document.context.lookup(entries.get(key) as PDFRef, PDFDict);
        expect(element.get(PDFName.of("S"))).toBe(PDFName.of("Link"));
        expect(annotation.get(PDFName.of("Contents"))).toBeDefined();
        annotations += 1;
      }
    }
    expect(annotations).toBeGreaterThan(8); // the contents' entries and the lessons' QR codes
  }, 60_000);

  for (const language of ["ka", "hy", "az"] as const) {
    it(`${language}: read through its structure (poppler's pdfinfo -struct-text), every paragraph of the reading is whole, its words apart across line breaks`, async () => {
      const spec = (await lessonDocumentSpec("handout", slug, language))!;
      const document = (await getCatalogue()).bySlug.get(slug)!.documents[language]!;
      const structureText = pdfinfo((await renderPdf(spec)).bytes, "-struct-text");
      // Each element's text on its own line, in quotes: a paragraph that spans lines is one string.
      const texts = [...structureText.matchAll(/^\s*"(.*)"$/gmu)].map((match) => match[1]!.replace(/\s+/g, " ").trim());
      const paragraphs = document.reading.filter((node) => node.type === "paragraph").map((node) => plainText(node as Nodes).replace(/\s+/g, " ").trim());
      expect(paragraphs.length).toBeGreaterThan(3);
      for (const paragraph of paragraphs) expect(texts, paragraph.slice(0, 40)).toContain(paragraph);
    }, 60_000);
  }

  it("the XMP metadata is uncompressed XML that names the title, the language and PDF/UA part 1", async () => {
    const { bytes } = await renderPdf((await lessonDocumentSpec("handout", slug, "hy"))!);
    const xml = await xmpOf(bytes);
    expect(xml).toContain("<pdfuaid:part>1</pdfuaid:part>");
    expect(xml).toContain("<rdf:li>hy</rdf:li>");
    expect(xml).toMatch(/<dc:title><rdf:Alt><rdf:li xml:lang="x-default">[^<]*\p{Script=Armenian}/u);
  }, 60_000);
});

describe("copies for free", () => {
  it("a 40-copy pack of one lesson is barely larger than one copy, lays out the same content, and adds no structure", async () => {
    const pack = (copies: number) => packDocumentSpec({ slugs: [slug], parts: ["handout"], language: "en", handoutLanguage: "en", copies });
    const one = await pack(1);
    const forty = await pack(40);
    const [oneLayout, fortyLayout] = [layoutDocument(one, measurer), layoutDocument(forty, measurer)];
    const contentRuns = (layout: LaidOutDocument) => layout.pages.reduce((sum, page) => sum + page.runs.filter((run) => !run.artifact).length, 0);
    expect(contentRuns(fortyLayout)).toBe(contentRuns(oneLayout));
    expect(fortyLayout.structure.length).toBe(oneLayout.structure.length);
    // A copy's page prints its original's furniture (from the shared XObject) and adds only its position.
    const furniture = (runs: PlacedRun[]) => runs.filter((run) => run.artifact && !run.packPosition).map((run) => [run.pieces.join(""), run.x, run.y]);
    for (const page of fortyLayout.pages) {
      if (page.contentOf === undefined) continue;
      expect(furniture(page.runs)).toEqual(furniture(fortyLayout.pages[page.contentOf]!.runs));
      expect(page.runs.filter((run) => run.packPosition).length).toBeGreaterThan(0);
    }
    const [oneBytes, fortyBytes] = [(await renderPdf(one)).bytes.length, (await renderPdf(forty)).bytes.length];
    const handoutPages = oneLayout.pages.filter((page) => page.part === 0).length;
    // 39 more copies: each page a page object and a stream of its pack position, under 512 bytes apiece
    // (each copy cost 13 KB before copies shared their content: 543 KB for 40 copies against 42 KB for one).
    const copyPages = fortyLayout.pages.filter((page) => page.contentOf !== undefined).length;
    expect(copyPages).toBe(39 * handoutPages);
    expect((fortyBytes - oneBytes) / copyPages).toBeLessThan(512);
    expect(fortyBytes).toBeLessThan(oneBytes * 3);
  }, 60_000);

  it("the largest pack (8 lessons, plans and handouts, 40 copies) stays under 1.5 MB", async () => {
    const spec = await packDocumentSpec({ slugs: allLessons, parts: ["plan", "handout"], language: "hy", handoutLanguage: "hy", copies: 40 });
    const { bytes, pageCount } = await renderPdf(spec);
    expect(pageCount).toBeGreaterThan(1000);
    expect(bytes.length).toBeLessThan(1_500_000);
  }, 120_000);
});
