import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { BodyNode } from "~/content/document";
import type { StudentLessonView, TeacherLessonView } from "~/content/views";
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

function ActivityHeading({ index, title, minutes }: { index: number; title: string; minutes: number }) {
  const { t } = useTranslation("lessons");
  return (
    <h3>
      <span>
        {index + 1}. {title}
      </span>
      <span className="activity__minutes">{t("lesson.minutes", { count: minutes })}</span>
    </h3>
  );
}

/** The activities section: each activity's numbered title and length, then what `body` draws for it. */
function ActivitiesSection<A extends { title: string; minutes: number }>({ activities, body }: { activities: A[]; body: (activity: A) => ReactNode }) {
  const { t } = useTranslation("lessons");
  return (
    <Section id="activities" title={t("sections.activities")}>
      {activities.map((activity, index) => (
        <div className="activity" key={index}>
          <ActivityHeading index={index} title={activity.title} minutes={activity.minutes} />
          {body(activity)}
        </div>
      ))}
    </Section>
  );
}

/** The activities as students read them: each one's title, length and their task, nothing of the teacher's. */
export function StudentActivitiesSection({ lesson }: { lesson: StudentLessonView }) {
  return (
    <ActivitiesSection
      activities={lesson.activities}
      body={(activity) => <LessonBody nodes={activity.studentTask} language={lesson.language} sectionHeadingLevel={3} />}
    />
  );
}

/** The activities as the teacher runs them: the instructions (answers included), then what students are asked to do. */
export function TeacherActivitiesSection({ lesson }: { lesson: TeacherLessonView }) {
  const { t } = useTranslation("lessons");
  return (
    <ActivitiesSection
      activities={lesson.activities}
      body={(activity) => (
        <>
          <LessonBody nodes={activity.body} language={lesson.language} sectionHeadingLevel={3} materialLinks="same-page" />
          <div className="student-task">
            <h4>{t("activity.studentTask")}</h4>
            <LessonBody nodes={activity.studentTask} language={lesson.language} sectionHeadingLevel={4} materialLinks="same-page" />
          </div>
        </>
      )}
    />
  );
}
