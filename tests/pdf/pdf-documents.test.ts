import type { Nodes } from "mdast";
import { toString as plainText } from "mdast-util-to-string";
import { describe, expect, it } from "vitest";
import { getCatalogue } from "~/publication/catalogue.server";
import { languages } from "~/i18n/languages";
import { bookDocumentSpec, lessonDocumentSpec, packDocumentSpec } from "~/publication/pdf-assembly.server";
import { renderPdf } from "~/pdf/render.server";
import { bodyOf, extractPdf, normalized } from "./extract";

const slug = "what-is-trafficking";

describe("text copied out of the PDF is the original text", () => {
  for (const language of languages) {
    it(`${language}: the handout's title, summary and every reading paragraph extract exactly`, async () => {
      const document = (await getCatalogue()).bySlug.get(slug)!.documents[language]!;
      const pdf = await renderPdf((await lessonDocumentSpec("handout", slug, language))!);
      const { pages, info } = await extractPdf(pdf.bytes);
      // Paragraphs run across pages: compare the bodies without the running header and footer.
      const text = normalized(pages.map(bodyOf).join("\n"));
      expect(text).toContain(normalized(document.title));
      expect(text).toContain(normalized(document.summary));
      const paragraphs = document.reading.filter((node) => node.type === "paragraph").map((node) => normalized(plainText(node as Nodes)));
      expect(paragraphs.length).toBeGreaterThan(3);
      for (const paragraph of paragraphs) expect(text).toContain(paragraph);
      expect(info.Title).toContain(document.title);
      expect(info.Language).toBe(language);
    });
  }

  it("the lesson plan carries the answers, the timed plan and the safeguarding note", async () => {
    const document = (await getCatalogue()).bySlug.get(slug)!.documents.hy!;
    const pdf = await renderPdf((await lessonDocumentSpec("plan", slug, "hy"))!);
    // Body text only: a paragraph that runs onto the next page is not cut by the running header and footer.
    const text = normalized((await extractPdf(pdf.bytes)).pages.map(bodyOf).join("\n"));
    for (const question of document.quiz) expect(text).toContain(normalized(question.options.find((option) => option.correct)!.text));
    for (const activity of document.activities) expect(text).toContain(normalized(activity.title));
    expect(text).toContain(normalized(plainText(document.safeguarding[0] as Nodes)));
    expect(text).toContain("+995 32 2 91 34 61");
  });
});

describe("documents", () => {
  it("are deterministic: the same content gives the same bytes", async () => {
    const first = await renderPdf((await lessonDocumentSpec("plan", slug, "az"))!);
    const second = await renderPdf((await lessonDocumentSpec("plan", slug, "az"))!);
    expect(Buffer.from(first.bytes).equals(Buffer.from(second.bytes))).toBe(true);
  });

  it("set /Lang, Title, Subject, Keywords and Creator", async () => {
    const pdf = await renderPdf((await lessonDocumentSpec("handout", slug, "ka"))!);
    const { info } = await extractPdf(pdf.bytes);
    expect(info.Language).toBe("ka");
    expect(info.Title).toBeTruthy();
    expect(info.Subject).toBeTruthy();
    expect(info.Keywords).toBeTruthy();
    expect(info.Creator).toBeTruthy();
  });

  it("a book has a cover, a table of contents whose entries are links, every lesson, the help page, and bookmarks", async () => {
    const pdf = await renderPdf(await bookDocumentSpec("student", "en"));
    const extracted = await extractPdf(pdf.bytes);
    const lessons = (await getCatalogue()).lessons;
    expect(extracted.pageCount).toBeGreaterThan(lessons.length * 2);
    const contents = extracted.pages[1]!;
    expect(contents).toContain("Contents");
    // Each entry shows the page its lesson starts on, and that page carries the lesson's title.
    for (const lesson of lessons) {
      const title = lesson.documents.en!.title;
      const entry = normalized(contents).match(new RegExp(`${lesson.metadata.order}\\. ${title.replace(/[?()]/g, "\\$&")} (\\d+)`));
      expect(entry, title).not.toBeNull();
      const page = Number(entry![1]);
      expect(normalized(extracted.pages[page - 1]!)).toContain(title);
    }
    expect(extracted.linkCount).toBeGreaterThanOrEqual(lessons.length + 1);
    expect(normalized(extracted.pages.at(-1)!)).toContain("Get help");
    expect(extracted.outline.map((entry) => entry.title)).toContain("Contents");
    expect(extracted.outline.length).toBeGreaterThanOrEqual(lessons.length + 2);
    expect(extracted.outline[1]!.items.length).toBeGreaterThan(2); // sections under each lesson
  });

  it("every page but the cover has the running header and the footer with N / M and the help line", async () => {
    const pdf = await renderPdf(await bookDocumentSpec("teacher", "az"));
    const { pages } = await extractPdf(pdf.bytes);
    pages.slice(1).forEach((page, index) => {
      expect(page).toContain(`${index + 2} / ${pages.length}`);
      expect(page).toContain("+995 32 2 91 34 61");
    });
    expect(pages[0]).not.toContain(`1 / ${pages.length}`);
  });

  it("a pack mixes languages: Georgian lesson plans with Armenian handouts, handouts repeated for printing", async () => {
    const slugs = ["safe-online", "what-is-trafficking"];
    const pdf = await renderPdf(await packDocumentSpec({ slugs, parts: ["plan", "handout"], language: "ka", handoutLanguage: "hy", copies: 2 }));
    const { pages } = await extractPdf(pdf.bytes);
    const text = normalized(pages.join("\n"));
    const catalogue = await getCatalogue();
    for (const name of slugs) {
      expect(text).toContain(normalized(catalogue.bySlug.get(name)!.documents.ka!.title));
      const armenianTitle = normalized(catalogue.bySlug.get(name)!.documents.hy!.title);
      expect(text.split(armenianTitle).length - 1).toBeGreaterThanOrEqual(2 * 2); // two copies, title + running header
    }
    // In the chosen order: the first lesson's plan comes before the second's.
    expect(text.indexOf(normalized(catalogue.bySlug.get("safe-online")!.documents.ka!.title))).toBeLessThan(
      text.indexOf(normalized(catalogue.bySlug.get("what-is-trafficking")!.documents.ka!.title)),
    );
  });
});

describe("determinism across process history", () => {
  it("a book's bytes do not depend on what the process typeset before", async () => {
    const { vi } = await import("vitest");
    vi.resetModules();
    const fresh = async () => ({
      render: (await import("~/pdf/render.server")).renderPdf,
      specs: await import("~/publication/pdf-assembly.server"),
    });
    const first = await fresh();
    const alone = await first.render(await first.specs.bookDocumentSpec("student", "az"));
    vi.resetModules();
    const second = await fresh();
    for (const language of languages) await second.render(await second.specs.bookDocumentSpec("teacher", language));
    const afterOthers = await second.render(await second.specs.bookDocumentSpec("student", "az"));
    expect(Buffer.from(afterOthers.bytes).equals(Buffer.from(alone.bytes))).toBe(true);
  }, 120_000); // two fresh engines, each loading fonts and shaping every word from cold
});
