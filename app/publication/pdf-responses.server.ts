// The loaders of the PDF resource routes: parse, check, fetch from the cache, answer.
import type { Params } from "@remix-run/react";
import { translator } from "~/i18n/i18n.server";
import { requireLanguage, requireSlug, notFound } from "~/http/responses.server";
import type { LessonDocumentKind } from "./pdf-assembly.server";
import { documentLabels } from "~/pdf/documents/labels.server";
import { unavailableResponse } from "~/http/unavailable";
import { parsePackRequest, type PackOptions } from "~/pdf/pack-request";
import { TypesettingBusy, TypesettingTooLarge } from "~/pdf/pool.server";
import type { Language } from "~/i18n/languages";
import { pdfResponse } from "~/pdf/response.server";
import { bookPdf, lessonPdf, packPdf } from "./pdfs.server";
import { getCatalogue } from "~/publication/catalogue.server";

const lessonFileNames = { plan: "lesson-plan", handout: "handout", materials: "materials" } as const;

/**
 * Every typesetting worker busy and the queue full: 503 with Retry-After, in the reader's language.
 * The pages themselves never wait for this. A document too large for a worker's memory: 422, saying so
 * (trying again would not help; fewer lessons or copies would).
 */
async function answeringBusyWith503(language: Language, respond: () => Promise<Response>): Promise<Response> {
  try {
    return await respond();
  } catch (error) {
    if (error instanceof TypesettingTooLarge) {
      const t = await translator(language, "common");
      return new Response(t("error.pdfTooLarge"), { status: 422, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
    }
    if (!(error instanceof TypesettingBusy)) throw error;
    return typesettingBusyResponse(language);
  }
}

/** The 503 of a full typesetting queue, in the reader's language (also for the staff previews). */
export async function typesettingBusyResponse(language: Language): Promise<Response> {
  const t = await translator(language, "documents");
  return unavailableResponse(t("errors.pdfBusy"));
}

export async function lessonPdfResponse(kind: LessonDocumentKind, request: Request, params: Params) {
  const language = requireLanguage(params);
  return answeringBusyWith503(language, () => lessonPdfAnswer(kind, request, language, params));
}

async function lessonPdfAnswer(kind: LessonDocumentKind, request: Request, language: Language, params: Params) {
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
  return answeringBusyWith503(language, () => bookPdfAnswer(kind, request, language));
}

async function bookPdfAnswer(kind: "student" | "teacher", request: Request, language: Language) {
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
  const options = parsed.options;
  return answeringBusyWith503(language, () => packPdfAnswer(request, language, options));
}

async function packPdfAnswer(request: Request, language: Language, options: PackOptions) {
  const pdf = await packPdf(options);
  return pdfResponse(request, pdf, await packFileNames(language, options));
}

/**
 * What the pack holds, in the page's language: the lesson's title (or how many lessons), the languages
 * (plans' + handouts'), the copies of each handout. "Lesson pack — 3 lessons, ka+hy, 25 copies.pdf", never
 * a name a browser would take for a duplicate download ("Lesson pack (3).pdf").
 */
export async function packFileNames(language: Language, options: PackOptions): Promise<{ ascii: string; unicode: string }> {
  const t = await translator(language, "documents");
  const labels = await documentLabels(language);
  const catalogue = await getCatalogue();
  const withHandouts = options.parts.includes("handout");
  const partLanguages = [
    ...(options.parts.includes("plan") ? [language] : []),
    ...(withHandouts || options.parts.includes("materials") ? [options.handoutLanguage] : []),
  ];
  const codes = [...new Set(partLanguages)].join("+");
  const [only] = options.slugs;
  const lesson = options.slugs.length === 1 && only ? catalogue.bySlug.get(only) : undefined;
  const title = lesson?.documents[language]?.title ?? lesson?.documents[options.handoutLanguage]?.title;
  const contents = title ?? t("packFile.lessons", { count: options.slugs.length });
  const values = { pack: labels.book.pack, contents, languages: codes, copies: t("packFile.copies", { count: options.copies }) };
  const name = withHandouts ? t("packFile.nameWithCopies", values) : t("packFile.name", values);
  const ascii = ["lesson-pack", codes.replace("+", "-"), `${options.slugs.length}-lesson${options.slugs.length === 1 ? "" : "s"}`, ...(withHandouts ? [`${options.copies}-cop${options.copies === 1 ? "y" : "ies"}`] : [])];
  return { ascii: `${ascii.join("-")}.pdf`, unicode: `${name}.pdf` };
}
