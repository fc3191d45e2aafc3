import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { StudentLessonPage } from "~/components/LessonPages";
import { requireLessonDocument } from "~/publication/lesson-page.server";
import { readQuizForm } from "~/content/quiz-form";
import { studentLessonView } from "~/content/views";
import { translator } from "~/i18n/i18n.server";
import { requireLanguage, requireSlug } from "~/http/responses.server";
import { documentMeta, localizedPath } from "~/seo/document-meta";
import { publicOrigin } from "~/seo/public-origin.server";
import { publicPageHandle } from "~/http/route-caching";
import { readForm } from "~/http/forms.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const slug = requireSlug(params);
  const { lesson, document, availableLanguages } = await requireLessonDocument({ slug, language });
  return {
    lesson: studentLessonView(lesson, document),
    availableLanguages,
    meta: documentMeta({
      title: document.title,
      description: document.summary,
      origin: publicOrigin(request),
      language,
      path: `/lessons/${slug}`,
      availableLanguages,
    }),
  };
}

/** The same page for every reader of its URL: stored and shared (app/http/route-caching.ts). */
export const handle = publicPageHandle;

export const meta: MetaFunction<typeof loader> = ({ data }) => data?.meta ?? [];

/** Grades a quiz posted without JavaScript. Nothing about the student is stored. */
export async function action({ request, params }: ActionFunctionArgs) {
  const language = requireLanguage(params);
  const slug = requireSlug(params);
  const { lesson, document } = await requireLessonDocument({ slug, language });
  const view = studentLessonView(lesson, document);
  const graded = readQuizForm(view.quiz, await readForm(request));
  if (!graded) {
    const t = await translator(language, "common");
    return data({ error: t("error.badRequest"), answers: {}, checked: [] as number[], unanswered: [] as number[], revealAll: false }, { status: 400 });
  }
  return { error: null, ...graded };
}

export default function StudentLesson() {
  const { lesson } = useLoaderData<typeof loader>();
  const graded = useActionData<typeof action>();
  return <StudentLessonPage lesson={lesson} quiz={{ action: localizedPath(lesson.language, `/lessons/${lesson.slug}`), graded, error: graded?.error }} />;
}
