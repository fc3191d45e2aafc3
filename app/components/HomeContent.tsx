import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { LessonSummary } from "~/content/views";
import type { Language } from "~/i18n/languages";
import { localizedPath } from "~/seo/document-meta";
import { HelpLine } from "./HelpLine";
import { LessonCard } from "./LessonCard";

/**
 * The home page, whole: the public page and the classroom kit's copy of it. `children` come after the
 * introduction (the public page's way to reading without internet).
 */
export function HomeContent({ language, lessons, children }: { language: Language; lessons: LessonSummary[]; children?: ReactNode }) {
  const { t } = useTranslation("lessons");
  return (
    <>
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.intro")}</p>
      <p>{t("home.forStudents")}</p>
      <p>{t("home.forTeachers")}</p>
      {children}
      <HelpLine />
      <h2>{t("home.lessonsHeading")}</h2>
      <ol className="lesson-cards">
        {lessons.map((lesson) => (
          <LessonCard key={lesson.slug} lesson={lesson} language={language} headingLevel={3} />
        ))}
      </ol>
      <p>
        <a href={localizedPath(language, "/lessons")}>{t("home.allLessons")}</a>
      </p>
    </>
  );
}
