import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TeacherLessonPage } from "~/components/LessonPages";
import { requireLessonDocument } from "~/publication/lesson-page.server";
import { teacherLessonView } from "~/content/views";
import { formatFileSize } from "~/i18n/format-size";
import { translator } from "~/i18n/i18n.server";
import { lessonPdf, pdfIfReady } from "~/publication/pdfs.server";
import { requireLanguage, requireSlug } from "~/http/responses.server";
import { documentMeta, localizedPath } from "~/seo/document-meta";
import { publicOrigin } from "~/seo/public-origin.server";
import { publicPageHandle } from "~/http/route-caching";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const slug = requireSlug(params);
  const { lesson, document, availableLanguages } = await requireLessonDocument({ slug, language });
  const t = await translator(language, "lessons");
  // The size of the materials to print, from the document itself (typeset once, then cached).
  const materials = document.printables.length > 0 ? await pdfIfReady(lessonPdf("materials", slug, language)) : null;
  return data(
    {
      lesson: teacherLessonView(lesson, document),
      hasMaterials: document.printables.length > 0,
      materialsSize: materials ? formatFileSize(materials.bytes.length, language) : null,
      availableLanguages,
      meta: documentMeta({
        title: `${document.title} — ${t("lesson.teacherView")}`,
        description: document.summary,
        origin: publicOrigin(request),
        language,
        path: `/lessons/${slug}/teacher`,
        availableLanguages,
      }),
    },
    // Not stored while the materials' size is missing: the next visitor gets the page with it.
    { headers: document.printables.length > 0 && materials === null ? { "Cache-Control": "no-store" } : {} },
  );
}

/** The same page for every reader of its URL: stored and shared (app/http/route-caching.ts). */
export const handle = publicPageHandle;

/** The loader's Cache-Control (no-store while a PDF's size is missing) reaches the document. */
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => data?.meta ?? [];

export default function TeacherLesson() {
  const { lesson, hasMaterials, materialsSize } = useLoaderData<typeof loader>();
  const { t } = useTranslation("documents");
  // The size when the PDF was ready in time (pages never wait long for a typesetting worker).
  const materials = hasMaterials
    ? {
        href: localizedPath(lesson.language, `/lessons/${lesson.slug}/materials.pdf`),
        label: materialsSize ? t("downloads.materials", { size: materialsSize }) : t("downloads.materialsWithoutSize"),
      }
    : null;
  return <TeacherLessonPage lesson={lesson} materials={materials} />;
}
