// A page's content stream as raw PDF operators: graphics, then text in reading order, each piece of
// content inside the marked content of its structure element and every piece of furniture or decoration
// inside an Artifact sequence. The same writer without marks gives a copy's shared form XObject.
import type { Graphic, PlacedRun } from "./laid-out";
import type { Measurer } from "./text-style";

/** What writing content needs from the document being drawn. */
export interface ContentTarget {
  measurer: Measurer;
  pageHeight: number;
  /** The resource name (e.g. "/F1") of a font file in the stream being written. */
  fontName(fileId: string): string;
  /** A piece of text as the font's hex-encoded glyph ids. */
  encode(fileId: string, text: string): string;
  /** Opens an element's marked content (`… BDC`); absent when the content is not tagged (a copy's XObject). */
  open?: (element: number) => string;
}

/** A pagination artifact (running header, footer, page number, a blank page's note, the draft mark). */
const paginationArtifact = "/Artifact <</Type /Pagination>> BDC";
/** Decoration: rules, frames, fills, cut lines. */
const layoutArtifact = "/Artifact <</Type /Layout>> BDC";

/** A number as PDF content writes it: at most two decimals, no exponent. */
export function number(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** Graphics in drawing order: decoration as artifacts, a meaningful graphic (a QR code) in its Figure. */
export function graphicsOperators(graphics: readonly Graphic[], target: ContentTarget): string[] {
  const content: string[] = [];
  let inArtifact = false;
  for (const graphic of graphics) {
    const element = graphic.kind === "qr" ? graphic.element : undefined;
    if (target.open && element !== undefined) {
      if (inArtifact) content.push("EMC");
      inArtifact = false;
      content.push(target.open(element), graphicOperators(graphic, target.pageHeight), "EMC");
      continue;
    }
    if (target.open && !inArtifact) {
      content.push(layoutArtifact);
      inArtifact = true;
    }
    content.push(graphicOperators(graphic, target.pageHeight));
  }
  if (inArtifact) content.push("EMC");
  return content;
}

/**
 * One text object for runs in reading order. With marks, a run of content opens its element's marked
 * content when the element changes, and furniture (`artifact`) is an Artifact sequence.
 */
export function textOperators(runs: readonly PlacedRun[], target: ContentTarget): string[] {
  const { measurer } = target;
  const content: string[] = ["BT"];
  // The text state now: a run that changes none of it writes only its position and its glyphs (a book
  // has tens of thousands of runs: no string is built for what has not changed).
  let currentFile = "";
  let currentSize = Number.NaN;
  let currentColor: PlacedRun["color"] | null = null;
  // The marked-content sequence open now: an element's index, "artifact", or none.
  let openSequence: number | "artifact" | null = null;
  // Where the text position stands after the previous run: a run that continues the same line
  // needs no new text matrix (drawing a glyph advances the position by exactly its measured width).
  let continuesX = Number.NaN;
  let continuesY = Number.NaN;
  let continuesSlant = Number.NaN;
  for (const run of runs) {
    if (run.pieces.every((piece) => piece.length === 0)) continue;
    if (target.open) {
      const sequence = run.artifact || run.element === undefined ? "artifact" : run.element;
      if (sequence !== openSequence) {
        if (openSequence !== null) content.push("EMC");
        content.push(sequence === "artifact" ? paginationArtifact : target.open(sequence));
        openSequence = sequence;
      }
    }
    const face = measurer.face(run.faceId);
    if (face.fileId !== currentFile || run.size !== currentSize) {
      content.push(`${target.fontName(face.fileId)} ${number(run.size)} Tf`);
      currentFile = face.fileId;
      currentSize = run.size;
    }
    if (run.color !== currentColor && (currentColor === null || run.color.some((value, index) => value !== currentColor![index]))) {
      content.push(`${run.color.map(number).join(" ")} rg`);
    }
    currentColor = run.color;
    let hex = "<";
    for (const piece of run.pieces) hex += target.encode(face.fileId, piece);
    const continues = run.angle === undefined && run.y === continuesY && face.slant === continuesSlant && Math.abs(run.x - continuesX) < 0.01;
    if (!continues) content.push(`${textMatrix(face.slant, run.angle)} ${number(run.x)} ${number(target.pageHeight - run.y)} Tm`);
    content.push(`${hex}> Tj`);
    continuesX = run.x + run.width;
    continuesY = run.y;
    continuesSlant = face.slant;
  }
  if (openSequence !== null) content.push("EMC");
  content.push("ET");
  return content;
}

/** A whole text object as one pagination artifact (the draft mark), or nothing without marks. */
export function artifactOperators(inner: string[], target: ContentTarget): string[] {
  return target.open ? [paginationArtifact, ...inner, "EMC"] : inner;
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
