import { useTranslation } from "react-i18next";
import type { StudentLessonView, TeacherLessonView } from "~/content/views";
import { StudentLessonContent, TeacherLessonContent } from "./LessonPages";

export interface RevisionViews {
  student: StudentLessonView;
  teacher: TeacherLessonView;
}

/**
 * A revision as it will ship: the student page and the teacher page, drawn by the components of the
 * public pages themselves (no third renderer), each in a frame of its own.
 */
export function RevisionPreview({ views }: { views: RevisionViews }) {
  const { t } = useTranslation("review");
  return (
    <div className="revision-preview" lang={views.student.language}>
      <section className="document-preview" aria-labelledby="preview-student">
        <h2 id="preview-student">{t("revision.previewStudent")}</h2>
        <h3>{views.student.title}</h3>
        <p className="lead">{views.student.summary}</p>
        <StudentLessonContent lesson={views.student} quiz={{}} />
      </section>
      <section className="document-preview" aria-labelledby="preview-teacher">
        <h2 id="preview-teacher">{t("revision.previewTeacher")}</h2>
        <h3>{views.teacher.title}</h3>
        <TeacherLessonContent lesson={views.teacher} materials={null} />
      </section>
    </div>
  );
}
