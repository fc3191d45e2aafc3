// The logical structure of a document (PDF/UA's structure tree), produced by layout beside the runs:
// a flat list of elements, each naming its parent, so that tests can assert on it without drawing and
// drawing can write it as a StructTreeRoot. Only standard roles: no role map is needed.

export type StructureRole =
  | "Document"
  | "Part"
  | "Sect"
  | "Div"
  | "H1"
  | "H2"
  | "H3"
  | "P"
  | "L"
  | "LI"
  | "Lbl"
  | "LBody"
  | "BlockQuote"
  | "Table"
  | "TR"
  | "TH"
  | "TD"
  | "Link"
  | "Figure"
  | "TOC"
  | "TOCI";

export interface StructureElement {
  role: StructureRole;
  /** The parent's index in the document's element list; -1 for the root (the Document). */
  parent: number;
  /** BCP 47, only where it differs from the document's own language (a mixed pack's parts). */
  language?: string;
  /** Alternative text, read instead of the content (a figure's). */
  alternative?: string;
  /** A header cell's scope: the column under it, or the row beside it. */
  scope?: "Column" | "Row";
}

/**
 * Collects the elements of one document as layout meets them. Order matters: an element's children are
 * its child elements in the order they were added, then (when drawn) its marked content.
 */
export class StructureBuilder {
  readonly elements: StructureElement[];

  constructor(readonly language: string) {
    this.elements = [{ role: "Document", parent: -1 }];
  }

  /** The root: the Document element. */
  get root(): number {
    return 0;
  }

  add(role: StructureRole, parent: number, details: Omit<StructureElement, "role" | "parent"> = {}): number {
    const element: StructureElement = { role, parent };
    if (details.language && details.language !== this.languageOf(parent)) element.language = details.language;
    if (details.alternative) element.alternative = details.alternative;
    if (details.scope) element.scope = details.scope;
    this.elements.push(element);
    return this.elements.length - 1;
  }

  /** The language an element speaks: its own, else its nearest ancestor's, else the document's. */
  private languageOf(index: number): string {
    for (let current = index; current >= 0; current = this.elements[current]!.parent) {
      const language = this.elements[current]!.language;
      if (language) return language;
    }
    return this.language;
  }
}

/** A heading's role by its level. */
export function headingRole(level: 1 | 2 | 3): StructureRole {
  return level === 1 ? "H1" : level === 2 ? "H2" : "H3";
}
