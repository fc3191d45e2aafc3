// What every page carries besides its content, added once pagination is done: the running header, the
// footer with the help line and "N / M" (numbered within each part of a pack, with the pack's position in
// small print), the note on a blank left-hand page, and the draft mark across a preview. Pure data.
import type { LaidOutPage, PlacedRun } from "./laid-out";
import { breakLines, runsOfLine, wordsOf } from "./line-breaking";
import type { Frame } from "./rows";
import { bold as boldStyle, regular, type Measurer, type TextStyle } from "./text-style";
import { black, draftRed, grey, rule, sizes, type PageGeometry } from "./theme";

interface Furniture {
  geometry: PageGeometry;
  frame: Frame;
  /** "document": 1 … N over the whole file (books, lessons); "parts": each part of a pack from 1. */
  numbering: "document" | "parts";
  mark?: string;
}

/** The pack's position under the part's page number: smaller than the footer, still legible. */
const positionSize = 7;

export function addPageFurniture(pages: LaidOutPage[], furniture: Furniture, measurer: Measurer) {
  const { geometry, frame } = furniture;
  const line = lineMaker(measurer);
  // Furniture is pushed after all of the page's content (it is drawn after it too), marked as such, in
  // the order it reads: the running header, then the footer's text, its page number, the pack position.
  const runsOfArtifact = (...args: Parameters<typeof runsOfLine>): PlacedRun[] => runsOfLine(...args).map((run) => ({ ...run, artifact: true }));
  const numbers = pageNumbers(pages, furniture.numbering);
  const mark = furniture.mark ? draftMark(furniture.mark, geometry, measurer) : [];
  pages.forEach((page, index) => {
    if (page.isCover) return;
    const footerBaseline = geometry.height - geometry.bottom + 30;
    if (!page.blank) {
      const headerBaseline = geometry.top - 26;
      const header = line(page.runningTitle, sizes.small, frame.width);
      if (header) page.runs.push(...runsOfArtifact(header, frame.x, headerBaseline, sizes.small, grey, measurer));
      page.graphics.push({ kind: "line", x1: frame.x, y1: headerBaseline + 6, x2: frame.x + frame.width, y2: headerBaseline + 6, width: 0.5, color: rule });
    } else {
      // Small and centred in the middle of the page: nobody wonders whether something failed to print.
      const note = line(page.blank, sizes.small, frame.width)!;
      page.runs.push(...runsOfArtifact(note, frame.x + (frame.width - note.width) / 2, geometry.height / 2, sizes.small, grey, measurer));
    }

    page.graphics.push({ kind: "line", x1: frame.x, y1: footerBaseline - 13, x2: frame.x + frame.width, y2: footerBaseline - 13, width: 0.5, color: rule });
    const number = numbers[index];
    const pageNumber = number ? line(number, sizes.small, frame.width, boldStyle)! : null;
    const footer = line(page.footer, sizes.small, frame.width - (pageNumber?.width ?? 0) - 12);
    // Left to right on the footer's line: the help line, then "N / M" (never "5 / 7Help line").
    if (footer) page.runs.push(...runsOfArtifact(footer, frame.x, footerBaseline, sizes.small, grey, measurer));
    if (pageNumber) page.runs.push(...runsOfArtifact(pageNumber, frame.x + frame.width - pageNumber.width, footerBaseline, sizes.small, black, measurer));
    if (page.position) {
      const position = line(page.position.replace("{page}", String(index + 1)), positionSize, frame.width)!;
      const runs = runsOfArtifact(position, frame.x + frame.width - position.width, footerBaseline + 11, positionSize, grey, measurer);
      page.runs.push(...runs.map((run) => ({ ...run, packPosition: true as const })));
    }
    if (mark.length > 0) page.marks.push(...mark.map((run) => ({ ...run })));
  });
}

/** "N / M" for every page (null on a blank one): over the document, or within each part. */
function pageNumbers(pages: LaidOutPage[], numbering: Furniture["numbering"]): (string | null)[] {
  if (numbering === "document") return pages.map((page, index) => (page.blank ? null : `${index + 1} / ${pages.length}`));
  const totals = new Map<number, number>();
  for (const page of pages) if (!page.blank) totals.set(page.part, (totals.get(page.part) ?? 0) + 1);
  const counted = new Map<number, number>();
  return pages.map((page) => {
    if (page.blank) return null;
    const number = (counted.get(page.part) ?? 0) + 1;
    counted.set(page.part, number);
    return `${number} / ${totals.get(page.part)}`;
  });
}

/** One line of text, shortened with an ellipsis when it is wider than `width` (a long running title). */
function lineMaker(measurer: Measurer) {
  return (text: string, size: number, width: number, style: TextStyle = regular) => {
    const [line] = breakLines(wordsOf([{ text, style }], size, measurer), Number.POSITIVE_INFINITY, size, measurer);
    if (!line || line.width <= width) return line;
    const words = [...line.words];
    const ellipsis = wordsOf([{ text: "…" }], size, measurer)[0]!;
    while (words.length > 1) {
      words.pop();
      const candidate = breakLines([...words, ellipsis], Number.POSITIVE_INFINITY, size, measurer)[0]!;
      if (candidate.width <= width) return candidate;
    }
    return line;
  };
}

/** The largest size of the draft mark: beyond it the words would look like a poster, not a stamp. */
const markMaxSize = 60;

/**
 * The draft mark: one line along the page's diagonal, centred, as large as fits in four fifths of the
 * diagonal. Each run's origin is moved along the slanted baseline (layout's y points down the page).
 */
function draftMark(text: string, geometry: PageGeometry, measurer: Measurer): PlacedRun[] {
  const angle = Math.atan2(geometry.height, geometry.width);
  const diagonal = Math.hypot(geometry.width, geometry.height);
  const atOne = breakLines(wordsOf([{ text, style: boldStyle }], 1, measurer), Number.POSITIVE_INFINITY, 1, measurer)[0];
  if (!atOne) return [];
  const size = Math.min(markMaxSize, (diagonal * 0.8) / atOne.width);
  const line = breakLines(wordsOf([{ text, style: boldStyle }], size, measurer), Number.POSITIVE_INFINITY, size, measurer)[0]!;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  // The baseline's start: half the line back from the centre, and a third of the size down (across the
  // slant) so that the letters, not their baseline, sit on the centre.
  const startX = geometry.width / 2 - (line.width / 2) * cos + size * 0.35 * sin;
  const startY = geometry.height / 2 + (line.width / 2) * sin + size * 0.35 * cos;
  const degrees = (angle * 180) / Math.PI;
  return runsOfLine(line, 0, 0, size, draftRed, measurer).map((run) => ({
    ...run,
    x: startX + run.x * cos,
    y: startY - run.x * sin,
    angle: degrees,
  }));
}
