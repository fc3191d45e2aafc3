import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ActivityPlan } from "~/components/ActivityPlan";
import { LessonBody } from "~/components/LessonBody";
import { LessonFacts } from "~/components/LessonFacts";
import { ActivitiesSection, BodySection, Section } from "~/components/LessonSections";
import { requireLessonDocument } from "~/content/lesson-page.server";
import { teacherLessonView } from "~/content/views";
import { translator } from "~/i18n/i18n.server";
import { requireLanguage, requireSlug } from "~/http/responses.server";
import { documentMeta, localizedPath, publicOrigin } from "~/seo/document-meta";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const slug = requireSlug(params);
  const { lesson, document, availableLanguages } = await requireLessonDocument({ slug, language });
  const t = await translator(language, "lessons");
  return {
    lesson: teacherLessonView(lesson, document),
    availableLanguages,
    meta: documentMeta({
      title: `${document.title} — ${t("lesson.teacherView")}`,
      description: document.summary,
      origin: publicOrigin(request),
      language,
      path: `/lessons/${slug}/teacher`,
      availableLanguages,
    }),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => data?.meta ?? [];

export default function TeacherLesson() {
  const { lesson } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["lessons", "documents"]);
  const language = lesson.language;
  return (
    <article>
      <p className="quiz__number">{t("lesson.teacherView")}</p>
      <h1>{lesson.title}</h1>
      <p className="lead">{lesson.summary}</p>
      <LessonFacts lesson={lesson} language={language} />
      <ul className="downloads" aria-label={t("documents:downloads.title")}>
        <li>
          <a href={localizedPath(language, `/lessons/${lesson.slug}`)}>{t("lesson.studentView")}</a>
        </li>
        <li>
          <a href={localizedPath(language, `/lessons/${lesson.slug}/plan.pdf`)}>{t("documents:downloads.plan")}</a>
        </li>
        <li>
          <a href={localizedPath(language, `/lessons/${lesson.slug}/handout.pdf`)}>{t("documents:downloads.handout")}</a>
        </li>
      </ul>
      <BodySection id="objectives" titleKey="sections.objectives" nodes={lesson.objectives} language={language} />
      <BodySection id="materials" titleKey="sections.materials" nodes={lesson.materials} language={language} />
      <ActivityPlan activities={lesson.activities} totalMinutes={lesson.minutes} language={language} />
      <ActivitiesSection lesson={lesson} />
      <BodySection id="reading" titleKey="sections.reading" nodes={lesson.reading} language={language} />
      <BodySection id="discussion" titleKey="sections.discussion" nodes={lesson.discussion} language={language} />
      <Section id="quiz" title={t("sections.quiz")}>
        <ol>
          {lesson.quiz.map((question, index) => (
            <li key={index}>
              <p>
                <strong>{question.question}</strong>
              </p>
              <ol type="a">
                {question.options.map((option, optionIndex) => (
                  <li key={optionIndex} className={optionIndex === question.rightOption ? "quiz__answer" : undefined}>
                    {option}
                    {optionIndex === question.rightOption ? <span className="visually-hidden"> ✓</span> : null}
                  </li>
                ))}
              </ol>
              <p className="quiz__answer">{t("quiz.answer", { answer: question.options[question.rightOption] })}</p>
              <LessonBody nodes={question.explanation} language={language} />
            </li>
          ))}
        </ol>
      </Section>
      <BodySection id="teacher-notes" titleKey="sections.teacherNotes" nodes={lesson.teacherNotes} language={language} />
      <BodySection id="safeguarding" titleKey="sections.safeguarding" nodes={lesson.safeguarding} language={language} />
    </article>
  );
}
