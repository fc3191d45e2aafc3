import { useTranslation } from "react-i18next";
import type { QuizQuestionView } from "~/content/views";
import type { Language } from "~/i18n/languages";
import { LessonBody } from "./LessonBody";
import { quizScript } from "./inline-scripts";
import { useNonce } from "./nonce";

interface QuizProps {
  questions: QuizQuestionView[];
  language: Language;
  /** Where the form posts without JavaScript; absent in a staff preview, which shows the quiz without a form. */
  action?: string;
  /** Answers the server graded (a post without JavaScript): question index → option index. */
  gradedAnswers?: Record<number, number>;
  /** Questions the reader asked to check without choosing an answer. */
  unanswered?: number[];
}

/**
 * The self-check quiz. The page carries every verdict and explanation, hidden; the small script below
 * shows the right one the moment an answer is chosen. Without JavaScript the form posts to the route's
 * action, which grades it and renders the same blocks visible. Nothing is stored either way.
 */
export function Quiz({ questions, language, action, gradedAnswers = {}, unanswered = [] }: QuizProps) {
  const { t } = useTranslation("lessons");
  const nonce = useNonce();
  const Wrapper = action === undefined ? "div" : "form";
  const allAnswered = questions.every((_, index) => gradedAnswers[index] !== undefined);
  const rightCount = questions.filter((question, index) => gradedAnswers[index] === question.rightOption).length;
  return (
    <Wrapper {...(action === undefined ? {} : { method: "post", action: `${action}#quiz`, noValidate: true })} className="quiz" data-quiz="">
      <p>{t("quiz.intro")}</p>
      {questions.map((question, questionIndex) => {
        const chosen = gradedAnswers[questionIndex];
        const graded = chosen !== undefined;
        const right = chosen === question.rightOption;
        const resultId = `quiz-result-${questionIndex}`;
        return (
          <fieldset key={questionIndex} data-right-option={question.rightOption} aria-describedby={resultId}>
            <legend>
              <span className="quiz__number">{t("quiz.question", { number: questionIndex + 1, total: questions.length })}</span>
              {question.question}
            </legend>
            <ul className="quiz__options">
              {question.options.map((option, optionIndex) => (
                <li key={optionIndex}>
                  <label>
                    <input type="radio" name={`answer-${questionIndex}`} value={optionIndex} defaultChecked={chosen === optionIndex} />
                    <span>{option}</span>
                  </label>
                </li>
              ))}
            </ul>
            <div id={resultId} aria-live="polite">
              <div
                className={`quiz__result ${graded ? (right ? "quiz__result--right" : "quiz__result--wrong") : ""}`}
                data-result={graded ? (right ? "right" : "wrong") : undefined}
                hidden={!graded}
              >
                <strong data-verdict="right" hidden={graded && !right}>
                  {t("quiz.correct")}
                </strong>
                <strong data-verdict="wrong" hidden={!graded || right}>
                  {t("quiz.incorrect")}
                </strong>
                <p data-verdict="wrong" hidden={!graded || right}>
                  {t("quiz.rightAnswer", { answer: question.options[question.rightOption] })}
                </p>
                <LessonBody nodes={question.explanation} language={language} />
              </div>
              <p className="quiz__result quiz__result--wrong" data-missing="" hidden={!unanswered.includes(questionIndex)}>
                {t("quiz.noAnswer")}
              </p>
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
      <p
        className="quiz__score"
        role="status"
        data-score-template={t("quiz.score", { correct: "{correct}", total: questions.length })}
        hidden={!allAnswered}
      >
        {allAnswered ? t("quiz.score", { correct: rightCount, total: questions.length }) : ""}
      </p>
      <script nonce={nonce} dangerouslySetInnerHTML={{ __html: quizScript }} />
    </Wrapper>
  );
}

