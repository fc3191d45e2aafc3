// The typesetting worker (built to build/pdf-worker.js): one document specification in, its bytes out.
// Each worker loads the fonts once and keeps its measurer; the main thread never typesets in production.
import type { DocumentSpec } from "./model";
import { renderPdf } from "./render.server";

export default async function typesetInWorker(spec: DocumentSpec) {
  // Copied to the main thread by structured clone: a few hundred kilobytes, once per new document.
  return renderPdf(spec);
}
