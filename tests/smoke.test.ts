import { it } from "vitest";
import { bookDocumentSpec } from "~/pdf/documents/assemble.server";
import { layoutDocument } from "~/pdf/layout";
import { drawDocument } from "~/pdf/draw.server";
import { sharedMeasurer } from "~/pdf/render.server";
it("smoke", async () => {
  const spec = (await bookDocumentSpec("student", "ka"))!;
  const m = sharedMeasurer();
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const layout = layoutDocument(spec, m);
    const t1 = performance.now();
    await drawDocument(layout, { title: "t", subject: "s", keywords: [], creator: "c", producer: "p", language: "ka", date: null }, m);
    const t2 = performance.now();
    console.log("layout", (t1 - t0).toFixed(0), "draw+save", (t2 - t1).toFixed(0));
  }
}, 60000);
