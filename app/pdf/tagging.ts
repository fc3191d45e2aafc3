// Writes the structure that layout produced as PDF/UA-1 wants it (ISO 14289-1, with ISO 32000-1 14.7–14.8):
// marked content with MCIDs on each page, a structure element per layout element (its kids: child
// elements, then its marked content and annotations), a ParentTree from every page and annotation
// back to its elements, MarkInfo, and XMP metadata that says which part of PDF/UA the file claims.
// Written by hand with pdf-lib's low-level objects: no library writes tagged PDF for pdf-lib.
import { PDFArray, type PDFDict, PDFHexString, PDFName, PDFNumber, PDFString, type PDFContext, type PDFObject, type PDFRef } from "pdf-lib";
import type { StructureElement } from "./structure";

/** One reference from an element to its content: marked content on a page, or an annotation. */
type ContentReference = { kind: "marked"; page: PDFRef; mcid: number } | { kind: "annotation"; page: PDFRef; annotation: PDFRef };

/** The MCIDs of one page's content stream: each MCID's element, in MCID order (the ParentTree's entry). */
export class PageMarks {
  readonly elements: number[] = [];

  constructor(
    private readonly tagging: Tagging,
    readonly page: PDFRef,
  ) {}

  /** The operator that opens `element`'s marked content here; close it with `EMC`. */
  open(element: number): string {
    const mcid = this.elements.length;
    this.elements.push(element);
    this.tagging.reference(element, { kind: "marked", page: this.page, mcid });
    return `/${this.tagging.roleOf(element)} <</MCID ${mcid}>> BDC`;
  }
}

export class Tagging {
  private readonly references: ContentReference[][];
  private readonly refs: PDFRef[];
  private readonly children: number[][];
  /** ParentTree entries: a page's MCIDs (by StructParents key), or an annotation's element. */
  private readonly parentEntries: { key: number; value: number[] | number }[] = [];
  private nextKey = 0;

  constructor(
    private readonly context: PDFContext,
    private readonly elements: StructureElement[],
  ) {
    this.references = elements.map(() => []);
    this.refs = elements.map(() => context.nextRef());
    this.children = elements.map(() => []);
    elements.forEach((element, index) => {
      if (element.parent >= 0) this.children[element.parent]!.push(index);
    });
  }

  roleOf(element: number): string {
    return this.elements[element]!.role;
  }

  reference(element: number, reference: ContentReference) {
    this.references[element]!.push(reference);
  }

  /** Starts a page's marked content; `finishPage` gives the page its StructParents key. */
  page(page: PDFRef): PageMarks {
    return new PageMarks(this, page);
  }

  /** The page's StructParents value, or null for a page with no marked content (a copy, a blank verso). */
  finishPage(marks: PageMarks): number | null {
    if (marks.elements.length === 0) return null;
    const key = this.nextKey++;
    this.parentEntries.push({ key, value: marks.elements });
    return key;
  }

  /** An annotation (a link) inside `element`: its StructParent value. */
  annotation(element: number, annotation: PDFRef, page: PDFRef): number {
    const key = this.nextKey++;
    this.parentEntries.push({ key, value: element });
    this.reference(element, { kind: "annotation", page, annotation });
    return key;
  }

  /** Writes every structure element, the ParentTree and the StructTreeRoot; returns the root's reference. */
  write(): PDFRef {
    const context = this.context;
    const root = context.nextRef();
    this.elements.forEach((element, index) => {
      const references = this.references[index]!;
      // The element's own page: its marked content there is written as bare MCIDs (the common case),
      // content on other pages (a paragraph that runs over a page break) as marked-content references.
      const ownPage = references[0]?.page;
      const kids: PDFObject[] = this.children[index]!.map((child) => this.refs[child]!);
      for (const reference of references) {
        if (reference.kind === "annotation") kids.push(context.obj({ Type: "OBJR", Obj: reference.annotation, Pg: reference.page }));
        else if (reference.page === ownPage) kids.push(PDFNumber.of(reference.mcid));
        else kids.push(context.obj({ Type: "MCR", Pg: reference.page, MCID: reference.mcid }));
      }
      const dictionary = context.obj({ Type: "StructElem", S: element.role, P: element.parent < 0 ? root : this.refs[element.parent]! }) as PDFDict;
      if (ownPage) dictionary.set(PDFName.of("Pg"), ownPage);
      if (kids.length === 1) dictionary.set(PDFName.of("K"), kids[0]!);
      else if (kids.length > 1) dictionary.set(PDFName.of("K"), context.obj(kids));
      if (element.language) dictionary.set(PDFName.of("Lang"), PDFString.of(element.language));
      if (element.alternative) dictionary.set(PDFName.of("Alt"), PDFHexString.fromText(element.alternative));
      if (element.scope) dictionary.set(PDFName.of("A"), context.obj({ O: "Table", Scope: element.scope }));
      context.assign(this.refs[index]!, dictionary);
    });
    const numbers = PDFArray.withContext(context);
    for (const entry of this.parentEntries) {
      numbers.push(PDFNumber.of(entry.key));
      numbers.push(typeof entry.value === "number" ? this.refs[entry.value]! : context.obj(entry.value.map((element) => this.refs[element]!)));
    }
    const parentTree = context.register(context.obj({ Nums: numbers }));
    context.assign(root, context.obj({ Type: "StructTreeRoot", K: this.refs[0]!, ParentTree: parentTree, ParentTreeNextKey: this.nextKey }));
    return root;
  }
}

interface XmpFields {
  title: string;
  subject: string;
  keywords: string[];
  creator: string;
  producer: string;
  /** Every language of the document, its own first. */
  languages: string[];
  date: Date | null;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (character) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[character]!);
}

/**
 * XMP metadata (ISO 16684-1) agreeing with the document information dictionary, and saying that the
 * file claims PDF/UA-1 (`pdfuaid:part`). UTF-8, uncompressed, as PDF/UA and PDF/A readers expect.
 */
export function xmpMetadata(fields: XmpFields): Uint8Array {
  const date = fields.date ? `<xmp:CreateDate>${fields.date.toISOString().replace(/\.\d{3}Z$/, "Z")}</xmp:CreateDate><xmp:ModifyDate>${fields.date.toISOString().replace(/\.\d{3}Z$/, "Z")}</xmp:ModifyDate>` : "";
  const xml = [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">',
    "<dc:format>application/pdf</dc:format>",
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(fields.title)}</rdf:li></rdf:Alt></dc:title>`,
    `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(fields.subject)}</rdf:li></rdf:Alt></dc:description>`,
    `<dc:language><rdf:Bag>${fields.languages.map((language) => `<rdf:li>${escapeXml(language)}</rdf:li>`).join("")}</rdf:Bag></dc:language>`,
    `<pdf:Keywords>${escapeXml(fields.keywords.join(" "))}</pdf:Keywords>`,
    `<pdf:Producer>${escapeXml(fields.producer)}</pdf:Producer>`,
    `<xmp:CreatorTool>${escapeXml(fields.creator)}</xmp:CreatorTool>`,
    date,
    "<pdfuaid:part>1</pdfuaid:part>",
    "</rdf:Description>",
    "</rdf:RDF>",
    "</x:xmpmeta>",
    '<?xpacket end="w"?>',
  ].join("\n");
  return new TextEncoder().encode(xml);
}
