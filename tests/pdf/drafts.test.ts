// The PDF previews of a revision in review are drafts, and look it: "not approved" across every page in
// the reviewer's language (seen in poppler's rendering, not only present in the file), and no colophon.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { getCatalogue } from "~/publication/catalogue.server";
import { lessonDocumentSpec } from "~/publication/pdf-assembly.server";
import type { Language } from "~/i18n/languages";
import { documentLabels } from "~/pdf/documents/labels.server";
import { renderPdf } from "~/pdf/render.server";
import { revisionPdfResponse } from "~/review/preview-pdf.server";
import type { RevisionDetail } from "~/review/revision-detail.server";
import { extractPdf, normalized } from "./extract";
import { renderPages, reddishPixels } from "./raster";
import { localeTexts } from "../support/locales";

/** A revision in review as the preview route receives it: the fields the preview reads. */
async function revisionOf(slug: string, language: Language, id: number): Promise<RevisionDetail> {
  const lesson = (await getCatalogue()).bySlug.get(slug)!;
  return { id, slug, language, status: "in_review", lesson, document: lesson.documents[language]! } as unknown as RevisionDetail;
}

async function preview(kind: "plan" | "handout", revision: RevisionDetail, reviewerLanguage: Language): Promise<Uint8Array> {
  const response = await revisionPdfResponse(kind, new Request(`http://localhost/${reviewerLanguage}/review/${revision.id}/${kind}.pdf`), revision, reviewerLanguage);
  expect(response.status).toBe(200);
  expect(response.headers.get("cache-control")).toBe("private, no-store");
  // Saved under a name in the reviewer's language: the lesson's title, the document, the revision.
  const labels = await documentLabels(reviewerLanguage);
  const revisionName = (localeTexts(reviewerLanguage, "review").revision.title as string).replace("{{id}}", String(revision.id));
  const fileName = `${revision.document!.title} — ${kind === "plan" ? labels.lessonPlan : labels.handout} — ${revisionName}.pdf`;
  expect(decodeURIComponent(response.headers.get("content-disposition")!.split("filename*=UTF-8''")[1]!)).toBe(fileName);
  return new Uint8Array(await response.arrayBuffer());
}

/** At 20 dpi the mark covers hundreds of pixels of a page; anti-aliasing alone never makes one red. */
const markPixels = 300;

describe("a revision's preview PDFs", () => {
  const cases: [kind: "plan" | "handout", lesson: Language, reviewer: Language][] = [
    ["handout", "ka", "ka"],
    ["plan", "hy", "hy"],
    ["handout", "en", "az"],
    ["plan", "az", "en"],
  ];
  for (const [kind, lessonLanguage, reviewerLanguage] of cases) {
    it(`${kind} in ${lessonLanguage}, read by a reviewer in ${reviewerLanguage}: the draft mark on every page, no colophon`, async () => {
      const revision = await revisionOf("safe-online", lessonLanguage, 9000 + cases.findIndex((entry) => entry[0] === kind && entry[1] === lessonLanguage));
      const bytes = await preview(kind, revision, reviewerLanguage);
      const { pages } = await extractPdf(bytes);
      const draft = (await documentLabels(reviewerLanguage)).print.draft;
      const labels = await documentLabels(lessonLanguage);
      for (const [index, text] of pages.entries()) expect(normalized(text), `page ${index + 1}`).toContain(draft);
      const all = normalized(pages.join("\n"));
      expect(all).not.toContain(labels.colophon.title);
      expect(all).not.toContain("/verify");
      // Seen, not only written: the mark's red on every page as poppler draws it.
      const rasters = renderPages(bytes, 20);
      expect(rasters).toHaveLength(pages.length);
      for (const [index, raster] of rasters.entries()) expect(reddishPixels(raster), `page ${index + 1}`).toBeGreaterThan(markPixels);
      // Under the text: every word of the lesson's title is still extracted whole from the first page.
      expect(normalized(pages[0]!)).toContain(normalized(revision.document!.title));
      // Tagged like every PDF, the mark an artifact: no structure element holds its words.
      const tagged = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
      expect((await tagged.getMarkInfo())?.Marked).toBe(true);
      const tree = JSON.stringify(await (await tagged.getPage(1)).getStructTree());
      expect(tree).toContain('"role":"H1"');
      // pdf.js's marked content: the text inside Artifact sequences and inside tagged (MCID) ones.
      const items = (await (await tagged.getPage(1)).getTextContent({ includeMarkedContent: true })).items as { type?: string; tag?: string; str?: string }[];
      const inside: string[] = [];
      let artifactText = "";
      let taggedText = "";
      for (const item of items) {
        if (item.type === "beginMarkedContent" || item.type === "beginMarkedContentProps") inside.push(item.tag ?? "");
        else if (item.type === "endMarkedContent") inside.pop();
        else if (item.str !== undefined) {
          if (inside.includes("Artifact")) artifactText += item.str;
          else taggedText += item.str;
        }
      }
      // Compared without spaces: pdf.js splits text items where the font changes (a Latin word in
      // Georgian text, an "ə" from Latin Extended).
      const squeezed = (text: string) => text.replace(/\s+/g, "");
      expect(squeezed(artifactText)).toContain(squeezed(draft));
      expect(squeezed(taggedText)).not.toContain(squeezed(draft));
      expect(squeezed(taggedText)).toContain(squeezed(revision.document!.title));
      await tagged.destroy();
    }, 60_000); // the first may load the catalogue and the fonts
  }

  it("an approved lesson's PDF has no mark: nothing red on any page", async () => {
    const pdf = await renderPdf((await lessonDocumentSpec("handout", "safe-online", "ka"))!);
    for (const [index, raster] of renderPages(pdf.bytes, 20).entries()) expect(reddishPixels(raster), `page ${index + 1}`).toBe(0);
  });

  it("the same preview twice: the same bytes (typeset once, then from the cache, deterministic)", async () => {
    const revision = await revisionOf("myths-and-facts", "hy", 9100);
    const first = await preview("handout", revision, "ka");
    const second = await preview("handout", revision, "ka");
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    // Another reviewer language is another mark, and another file.
    const armenianReviewer = await preview("handout", revision, "hy");
    expect(Buffer.from(armenianReviewer).equals(Buffer.from(first))).toBe(false);
  });
});
