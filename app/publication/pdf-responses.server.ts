// The loaders of the PDF resource routes: parse, check, fetch from the cache, answer.
import type { Params } from "@remix-run/react";
import { translator } from "~/i18n/i18n.server";
import { requireLanguage, requireSlug, notFound } from "~/http/responses.server";
import type { LessonDocumentKind } from "./pdf-assembly.server";
import { documentLabels } from "~/pdf/documents/labels.server";
import { parsePackRequest } from "~/pdf/pack-request";
import { pdfResponse } from "~/pdf/response.server";
import { bookPdf, lessonPdf, packPdf } from "./pdfs.server";
import { getCatalogue } from "~/publication/catalogue.server";

const lessonFileNames = { plan: "lesson-plan", handout: "handout", materials: "materials" } as const;

export async function lessonPdfResponse(kind: LessonDocumentKind, request: Request, params: Params) {
  const language = requireLanguage(params);
  const slug = requireSlug(params);
  const pdf = await lessonPdf(kind, slug, language);
  if (!pdf) throw notFound();
  const labels = await documentLabels(language);
  const title = (await getCatalogue()).bySlug.get(slug)!.documents[language]!.title;
  const part = { plan: labels.lessonPlan, handout: labels.handout, materials: labels.materials }[kind];
  return pdfResponse(request, pdf, { ascii: `${lessonFileNames[kind]}-${slug}-${language}.pdf`, unicode: `${title} — ${part}.pdf` });
}

export async function bookPdfResponse(kind: "student" | "teacher", request: Request, params: Params) {
  const language = requireLanguage(params);
  const pdf = await bookPdf(kind, language);
  const labels = await documentLabels(language);
  const title = kind === "student" ? labels.book.student : labels.book.teacher;
  return pdfResponse(request, pdf, { ascii: `${kind}-book-${language}.pdf`, unicode: `${labels.book.siteName} — ${title}.pdf` });
}

export async function packPdfResponse(request: Request, params: Params) {
  const language = requireLanguage(params);
  const parsed = parsePackRequest(new URL(request.url).searchParams, language, await getCatalogue());
  if (!parsed.ok) {
    // A message that names the problem, in the page's language.
    const t = await translator(language, "documents");
    const message = parsed.errors.map((error) => t(`errors.${error.code}`, error.values)).join("\n");
    return new Response(`${message}\n`, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
  const pdf = await packPdf(parsed.options);
  const labels = await documentLabels(language);
  return pdfResponse(request, pdf, {
    ascii: `lesson-pack-${language}-${parsed.options.slugs.length}.pdf`,
    unicode: `${labels.book.pack} (${parsed.options.slugs.length}).pdf`,
  });
}
