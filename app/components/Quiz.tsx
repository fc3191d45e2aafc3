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
  /** What the server read from a post without JavaScript (app/content/quiz-form.ts). */
  graded?: { answers: Record<number, number>; checked: number[]; unanswered: number[]; revealAll?: boolean };
}

/** The id of a question's fieldset: the page opens there after a check without JavaScript. */
export const quizQuestionId = (index: number) => `question-${index + 1}`;

/**
 * The self-check quiz: choose, then "Check answer", then "Try again" if wanted; a mis-tap gives nothing
 * away, and a wrong answer shows only that it is wrong (the right one and the explanation would make
 * trying again pointless) until "Check all answers" shows everything. The page carries every verdict and explanation, hidden; the small script below shows the right
 * one on "Check answer". Without JavaScript the form posts to the route's action, which grades it and
 * renders the same blocks visible, and the page opens at the question just checked. The score shows when
 * every question has been checked. Nothing is stored either way.
 */
export function Quiz({ questions, language, action, graded = { answers: {}, checked: [], unanswered: [] } }: QuizProps) {
  const { t } = useTranslation("lessons");
  const nonce = useNonce();
  const Wrapper = action === undefined ? "div" : "form";
  const { answers, checked, unanswered, revealAll = false } = graded;
  const shown = (index: number) => checked.includes(index) && answers[index] !== undefined;
  const allChecked = questions.every((_, index) => shown(index));
  const rightCount = questions.filter((question, index) => shown(index) && answers[index] === question.rightOption).length;
  const landing = (fragment: string) => (action === undefined ? undefined : `${action}#${fragment}`);
  return (
    <Wrapper {...(action === undefined ? {} : { method: "post", action: `${action}#quiz`, noValidate: true })} className="quiz" data-quiz="">
      <p>{t("quiz.intro")}</p>
      {action === undefined ? null : <input type="hidden" name="checked" value={checked.filter(shown).join(",")} />}
      {questions.map((question, questionIndex) => {
        const isShown = shown(questionIndex);
        const right = answers[questionIndex] === question.rightOption;
        const explained = isShown && (right || revealAll);
        const resultId = `quiz-result-${questionIndex}`;
        return (
          <fieldset
            key={questionIndex}
            id={quizQuestionId(questionIndex)}
            data-right-option={question.rightOption}
            data-checked={isShown ? "" : undefined}
            aria-describedby={resultId}
          >
            <legend>
              <span className="quiz__number">{t("quiz.question", { number: questionIndex + 1, total: questions.length })}</span>
              {question.question}
            </legend>
            <ul className="quiz__options">
              {question.options.map((option, optionIndex) => (
                <li key={optionIndex}>
                  <label>
                    <input type="radio" name={`answer-${questionIndex}`} value={optionIndex} defaultChecked={answers[questionIndex] === optionIndex} />
                    <span>{option}</span>
                  </label>
                </li>
              ))}
            </ul>
            <div id={resultId} aria-live="polite">
              <div
                className={`quiz__result quiz__outcome ${isShown ? (right ? "quiz__result--right" : "quiz__result--wrong") : ""}`}
                data-result={isShown ? (right ? "right" : "wrong") : undefined}
                hidden={!isShown}
              >
                <strong data-verdict="right" hidden={isShown && !right}>
                  {t("quiz.correct")}
                </strong>
                <strong data-verdict="wrong" hidden={!isShown || right}>
                  {t("quiz.incorrect")}
                </strong>
                <p data-answer="" hidden={!isShown || right || !revealAll}>
                  {t("quiz.rightAnswer", { answer: question.options[question.rightOption] })}
                </p>
                <div data-explanation="" hidden={!explained}>
                  <LessonBody nodes={question.explanation} language={language} />
                </div>
              </div>
              <p className="quiz__result quiz__result--wrong" data-missing="" hidden={!unanswered.includes(questionIndex)}>
                {t("quiz.noAnswer")}
              </p>
            </div>
            <p className="quiz__actions">
              <button type="submit" name="check" value={questionIndex} formAction={landing(quizQuestionId(questionIndex))} data-check="" hidden={isShown}>
                {t("quiz.check")}
              </button>
              <button
                type="submit"
                name="retry"
                value={questionIndex}
                formAction={landing(quizQuestionId(questionIndex))}
                className="button--secondary"
                data-retry=""
                hidden={!isShown}
              >
                {t("quiz.tryAgain")}
              </button>
            </p>
          </fieldset>
        );
      })}
      <p>
        <button type="submit" name="check" value="all" formAction={landing("quiz-score")} className="button--secondary">
          {t("quiz.checkAll")}
        </button>
      </p>
      <p
        id="quiz-score"
        className="quiz__score"
        role="status"
        data-score-template={t("quiz.score", { correct: "{correct}", total: questions.length })}
        hidden={!allChecked}
      >
        {allChecked ? t("quiz.score", { correct: rightCount, total: questions.length }) : ""}
      </p>
      <script nonce={nonce} dangerouslySetInnerHTML={{ __html: quizScript }} />
    </Wrapper>
  );
}
