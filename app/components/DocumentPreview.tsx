import { useTranslation } from "react-i18next";
import type { LessonDocument } from "~/content/document";
import type { Language } from "~/i18n/languages";
import { LessonBody } from "./LessonBody";

/** A lesson document as students and teachers will see it: every section, the quiz with its answers. */
export function DocumentPreview({ document, language }: { document: LessonDocument; language: Language }) {
  const { t } = useTranslation("lessons");
  const section = (key: string, children: React.ReactNode) => (
    <section>
      <h3>{t(`sections.${key}`)}</h3>
      {children}
    </section>
  );
  return (
    <div className="document-preview" lang={language}>
      <h2>{document.title}</h2>
      <p className="lead">{document.summary}</p>
      {section("objectives", <LessonBody nodes={document.objectives} language={language} sectionHeadingLevel={3} />)}
      {section("materials", <LessonBody nodes={document.materials} language={language} sectionHeadingLevel={3} />)}
      {section(
        "activities",
        document.activities.map((activity, index) => (
          <div key={index} className="activity">
            <h4>
              {index + 1}. {activity.title} ({t("lesson.minutes", { count: activity.minutes })})
            </h4>
            <LessonBody nodes={activity.body} language={language} sectionHeadingLevel={4} />
            <div className="student-task">
              <h5>{t("activity.studentTask")}</h5>
              <LessonBody nodes={activity.studentTask} language={language} sectionHeadingLevel={5} />
            </div>
          </div>
        )),
      )}
      {section("reading", <LessonBody nodes={document.reading} language={language} sectionHeadingLevel={3} />)}
      {section("discussion", <LessonBody nodes={document.discussion} language={language} sectionHeadingLevel={3} />)}
      {section(
        "quiz",
        <ol>
          {document.quiz.map((question, index) => (
            <li key={index}>
              <strong>{question.question}</strong>
              <ol type="a">
                {question.options.map((option, optionIndex) => (
                  <li key={optionIndex} className={option.correct ? "quiz__answer" : undefined}>
                    {option.text}
                  </li>
                ))}
              </ol>
              <LessonBody nodes={question.explanation} language={language} />
            </li>
          ))}
        </ol>,
      )}
      {section("teacherNotes", <LessonBody nodes={document.teacherNotes} language={language} sectionHeadingLevel={3} />)}
      {section("safeguarding", <LessonBody nodes={document.safeguarding} language={language} sectionHeadingLevel={3} />)}
      {document.printables.length > 0
        ? section(
            "printables",
            document.printables.map((printable) => (
              <div key={printable.id} className="printable">
                <h4>{printable.title}</h4>
                {printable.items.map((item, index) => (
                  <div key={index} className={printable.kind === "cards" ? "printable__card" : "printable__sheet"}>
                    <LessonBody nodes={item} language={language} sectionHeadingLevel={4} />
                  </div>
                ))}
              </div>
            )),
          )
        : null}
    </div>
  );
}
