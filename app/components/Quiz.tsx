import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { QuizQuestionView } from "~/content/views";
import type { Language } from "~/i18n/languages";
import { LessonBody } from "./LessonBody";

interface QuizProps {
  questions: QuizQuestionView[];
  language: Language;
  /** Where the form posts without JavaScript. */
  action: string;
  /** Answers the server graded (a post without JavaScript): question index → option index. */
  gradedAnswers?: Record<number, number>;
  /** Questions the reader asked to check without choosing an answer. */
  unanswered?: number[];
}

/**
 * The self-check quiz. With JavaScript an answer is graded the moment it is chosen; without, the form
 * posts to the route's action, which grades it. Nothing is stored either way.
 */
export function Quiz({ questions, language, action, gradedAnswers = {}, unanswered = [] }: QuizProps) {
  const { t } = useTranslation("lessons");
  const [answers, setAnswers] = useState<Record<number, number>>(gradedAnswers);
  const [missing, setMissing] = useState<number[]>(unanswered);

  // Answers are graded the moment they are chosen; a "Check" press only points at what is unanswered.
  const gradeLocally = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const pressed = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const asked = pressed && pressed.value !== "all" ? [Number(pressed.value)] : questions.map((_, index) => index);
    setMissing(asked.filter((index) => answers[index] === undefined));
  };

  return (
    <form method="post" action={`${action}#quiz`} className="quiz" onSubmit={gradeLocally} noValidate>
      <p>{t("quiz.intro")}</p>
      {questions.map((question, questionIndex) => {
        const chosen = answers[questionIndex];
        const name = `answer-${questionIndex}`;
        const resultId = `quiz-result-${questionIndex}`;
        return (
          <fieldset key={questionIndex} aria-describedby={chosen !== undefined ? resultId : undefined}>
            <legend>
              <span className="quiz__number">{t("quiz.question", { number: questionIndex + 1, total: questions.length })}</span>
              {question.question}
            </legend>
            <ul className="quiz__options">
              {question.options.map((option, optionIndex) => (
                <li key={optionIndex}>
                  <label>
                    <input
                      type="radio"
                      name={name}
                      value={optionIndex}
                      defaultChecked={gradedAnswers[questionIndex] === optionIndex}
                      onChange={() => setAnswers((previous) => ({ ...previous, [questionIndex]: optionIndex }))}
                    />
                    <span>{option}</span>
                  </label>
                </li>
              ))}
            </ul>
            <div aria-live="polite">
              {chosen !== undefined ? (
                <QuizResult id={resultId} question={question} chosen={chosen} language={language} />
              ) : missing.includes(questionIndex) ? (
                <p className="quiz__result quiz__result--wrong">{t("quiz.noAnswer")}</p>
              ) : null}
            </div>
            <button type="submit" name="check" value={questionIndex} className="button--secondary">
              {t("quiz.check")}
            </button>
          </fieldset>
        );
      })}
      <p>
        <button type="submit" name="check" value="all">
          {t("quiz.checkAll")}
        </button>
      </p>
      <QuizScore questions={questions} answers={answers} />
    </form>
  );
}

function QuizResult({ id, question, chosen, language }: { id: string; question: QuizQuestionView; chosen: number; language: Language }) {
  const { t } = useTranslation("lessons");
  const right = chosen === question.rightOption;
  return (
    <div id={id} className={`quiz__result ${right ? "quiz__result--right" : "quiz__result--wrong"}`} data-result={right ? "right" : "wrong"}>
      <strong>{right ? t("quiz.correct") : t("quiz.incorrect")}</strong>
      {!right ? <p>{t("quiz.rightAnswer", { answer: question.options[question.rightOption] })}</p> : null}
      <LessonBody nodes={question.explanation} language={language} />
    </div>
  );
}

function QuizScore({ questions, answers }: { questions: QuizQuestionView[]; answers: Record<number, number> }) {
  const { t } = useTranslation("lessons");
  const answered = Object.keys(answers).length;
  if (answered < questions.length) return null;
  const correct = questions.filter((question, index) => answers[index] === question.rightOption).length;
  return (
    <p className="quiz__score" role="status">
      {t("quiz.score", { correct, total: questions.length })}
    </p>
  );
}
