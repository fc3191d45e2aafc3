// Typesets a document specification: layout (pure) then drawing (pdf-lib).
import { config } from "~/config.server";
import { drawDocument } from "./draw.server";
import { createMeasurer } from "./fonts.server";
import { layoutDocument } from "./layout";
import type { DocumentSpec } from "./model";
import type { Measurer } from "./text-style";

/** Bump when the engine's output changes: it is part of every cache key. */
export const engineVersion = "7";

let measurer: Measurer | null = null;
export function sharedMeasurer(): Measurer {
  measurer ??= createMeasurer();
  return measurer;
}

interface RenderedPdf {
  bytes: Uint8Array;
  pageCount: number;
}

export async function renderPdf(spec: DocumentSpec): Promise<RenderedPdf> {
  const fonts = sharedMeasurer();
  const layout = layoutDocument(spec, fonts);
  const bytes = await drawDocument(
    layout,
    {
      title: spec.title,
      subject: spec.subject,
      keywords: spec.keywords,
      creator: config().pdfCreator,
      producer: `portal PDF engine ${engineVersion} (pdf-lib)`,
      language: spec.language,
      date: spec.contentDate,
    },
    fonts,
  );
  return { bytes, pageCount: layout.pages.length };
}
