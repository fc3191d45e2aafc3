import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { BodyNode } from "~/content/document";
import type { StudentLessonView } from "~/content/views";
import type { Language } from "~/i18n/languages";
import { LessonBody } from "./LessonBody";

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {children}
    </section>
  );
}

export function BodySection({ id, titleKey, nodes, language }: { id: string; titleKey: string; nodes: BodyNode[]; language: Language }) {
  const { t } = useTranslation("lessons");
  return (
    <Section id={id} title={t(titleKey)}>
      <LessonBody nodes={nodes} language={language} />
    </Section>
  );
}

/** The activities with their instructions and minutes, as students and teachers both read them. */
export function ActivitiesSection({ lesson }: { lesson: StudentLessonView }) {
  const { t } = useTranslation("lessons");
  return (
    <Section id="activities" title={t("sections.activities")}>
      {lesson.activities.map((activity, index) => (
        <div className="activity" key={index}>
          <h3>
            <span>
              {index + 1}. {activity.title}
            </span>
            <span className="activity__minutes">{t("lesson.minutes", { count: activity.minutes })}</span>
          </h3>
          <LessonBody nodes={activity.body} language={lesson.language} sectionHeadingLevel={3} />
        </div>
      ))}
    </Section>
  );
}
