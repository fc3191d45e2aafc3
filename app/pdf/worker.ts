// The typesetting worker (built to build/pdf-worker.js): one document specification in, its bytes out.
// Each worker loads the fonts once and keeps its measurer; the main thread never typesets in production.
import { setPriority } from "node:os";
import type { DocumentSpec } from "./model";
import { renderPdf } from "./render.server";

// Pages first: on Linux a nice value belongs to the thread that sets it (setpriority with pid 0), so this
// worker yields the CPU to the event loop that answers pages whenever both want it. A burst of new packs
// then costs the pages far less; the packs themselves take only the time that is left.
try {
  setPriority(19);
} catch {
  // Not permitted or not supported here: typesetting runs at the process's priority.
}

export default async function typesetInWorker(spec: DocumentSpec) {
  // Copied to the main thread by structured clone: a few hundred kilobytes, once per new document.
  return renderPdf(spec);
}
