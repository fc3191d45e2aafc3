import { useTranslation } from "react-i18next";
import type { LessonSummary } from "~/content/views";
import { formatGrades, formatNumber } from "~/i18n/format";
import type { Language } from "~/i18n/languages";

/** Number, grades, duration and topics of a lesson, as in the catalogue and on the lesson pages. */
export function LessonFacts({ lesson, language }: { lesson: LessonSummary; language: Language }) {
  const { t } = useTranslation(["lessons", "topics"]);
  return (
    <>
      <ul className="lesson-facts">
        <li>{t("lessons:lesson.number", { number: formatNumber(lesson.number, language) })}</li>
        <li>{t("lessons:lesson.grades", { grades: formatGrades(lesson.grades, language) })}</li>
        <li>{t("lessons:lesson.minutes", { count: lesson.minutes })}</li>
      </ul>
      <ul className="topic-list" aria-label={t("lessons:lesson.topics")}>
        {lesson.topics.map((topic) => (
          <li key={topic}>{t(`topics:${topic}`)}</li>
        ))}
      </ul>
    </>
  );
}
