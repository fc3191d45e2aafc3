// The bodies of the student page and the teacher page, shared by the public pages and by the review's
// previews: what a reviewer approves is rendered by the very components that will show it.
import { useTranslation } from "react-i18next";
import type { StudentLessonView, TeacherLessonView } from "~/content/views";
import { localizedPath } from "~/seo/document-meta";
import { ActivityPlan } from "./ActivityPlan";
import { ContentNote } from "./ContentNote";
import { LessonFacts } from "./LessonFacts";
import { LessonBody } from "./LessonBody";
import { BodySection, Section, StudentActivitiesSection, TeacherActivitiesSection } from "./LessonSections";
import { Printables } from "./Printables";
import { Quiz } from "./Quiz";

/**
 * A lesson's page for students, whole: the public page and the classroom kit's copy of it (which gives the
 * quiz its own file as the form's address).
 */
export function StudentLessonPage({ lesson, quiz }: { lesson: StudentLessonView; quiz: QuizState }) {
  const { t } = useTranslation(["lessons", "documents"]);
  const path = localizedPath(lesson.language, `/lessons/${lesson.slug}`);
  return (
    <article>
      <h1>{lesson.title}</h1>
      <p className="lead">{lesson.summary}</p>
      <ContentNote topics={lesson.topics} language={lesson.language} />
      <StudentContents />
      <LessonFacts lesson={lesson} language={lesson.language} />
      <ul className="downloads" aria-label={t("documents:downloads.title")}>
        <li>
          <a href={`${path}/teacher`}>{t("lesson.teacherView")}</a>
        </li>
        <li>
          <a href={`${path}/handout.pdf`}>{t("documents:downloads.handout")}</a>
        </li>
      </ul>
      <StudentLessonContent lesson={lesson} quiz={quiz} />
    </article>
  );
}

/** A lesson's page for teachers, whole: the public page and the classroom kit's copy of it. */
export function TeacherLessonPage({ lesson, materials }: { lesson: TeacherLessonView; materials: { href: string; label: string } | null }) {
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
        {materials ? (
          <li>
            <a href={materials.href}>{materials.label}</a>
          </li>
        ) : null}
      </ul>
      <TeacherLessonContent lesson={lesson} materials={materials} />
    </article>
  );
}

/** The teacher page after its title: everything, answers and printables included. */
export function TeacherLessonContent({ lesson, materials }: { lesson: TeacherLessonView; materials: { href: string; label: string } | null }) {
  const { t } = useTranslation(["lessons", "documents"]);
  const language = lesson.language;
  return (
    <>
      <BodySection id="objectives" titleKey="sections.objectives" nodes={lesson.objectives} language={language} />
      <Section id="materials" title={t("sections.materials")}>
        <LessonBody nodes={lesson.materials} language={language} materialLinks="same-page" />
      </Section>
      <ActivityPlan activities={lesson.activities} totalMinutes={lesson.minutes} language={language} />
      <TeacherActivitiesSection lesson={lesson} />
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
      {lesson.printables.length > 0 ? <Printables printables={lesson.printables} language={language} download={materials} /> : null}
    </>
  );
}

export interface QuizState {
  /** Where the quiz posts without JavaScript; absent in a preview, which has no form. */
  action?: string;
  graded?: { answers: Record<number, number>; checked: number[]; unanswered: number[] };
  error?: string | null;
}

/** The student page's sections, in order: the in-page contents list links to them. */
const studentSections = [
  { id: "reading", titleKey: "sections.reading" },
  { id: "activities", titleKey: "sections.activities" },
  { id: "discussion", titleKey: "sections.discussion" },
  { id: "quiz", titleKey: "sections.quiz" },
] as const;

/** A lesson is 14–19 phone screens long: a student jumps to the reading, the activities or the quiz. */
export function StudentContents() {
  const { t } = useTranslation("lessons");
  return (
    <nav className="page-contents" aria-label={t("contents")}>
      <p className="page-contents__title">{t("contents")}</p>
      <ul>
        {studentSections.map((section) => (
          <li key={section.id}>
            <a href={`#${section.id}`}>{t(section.titleKey)}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The student page after its title: the reading, each activity's student task, the discussion, the quiz. */
export function StudentLessonContent({ lesson, quiz }: { lesson: StudentLessonView; quiz: QuizState }) {
  const { t } = useTranslation("lessons");
  return (
    <>
      <BodySection id="reading" titleKey="sections.reading" nodes={lesson.reading} language={lesson.language} />
      <StudentActivitiesSection lesson={lesson} />
      <BodySection id="discussion" titleKey="sections.discussion" nodes={lesson.discussion} language={lesson.language} />
      <Section id="quiz" title={t("sections.quiz")}>
        {quiz.error ? (
          <p className="quiz__result quiz__result--wrong" role="alert">
            {quiz.error}
          </p>
        ) : null}
        <Quiz questions={lesson.quiz} language={lesson.language} action={quiz.action} graded={quiz.graded} />
      </Section>
    </>
  );
}
