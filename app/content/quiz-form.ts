// The quiz form as posted without JavaScript: one zod schema, derived from the lesson's questions.
// A student chooses, then checks one question (or all), then may try a question again. What has been
// checked travels in the form itself (`checked`), so nothing is stored on the server.
import { z } from "zod";
import type { QuizQuestionView } from "./views";

function quizFormSchema(questions: QuizQuestionView[]) {
  const questionIndex = z.coerce.number().int().min(0).max(questions.length - 1);
  const answers = Object.fromEntries(
    questions.map((question, index) => [`answer-${index}`, z.coerce.number().int().min(0).max(question.options.length - 1).optional()]),
  );
  return z
    .object({
      ...answers,
      check: z.union([z.literal("all"), questionIndex]).optional(),
      retry: questionIndex.optional(),
      // The questions checked before, as "0,2,3".
      checked: z
        .string()
        .regex(/^(\d{1,2}(,\d{1,2})*)?$/)
        .transform((list) => (list === "" ? [] : list.split(",").map(Number)))
        .pipe(z.array(questionIndex))
        .optional(),
    })
    .strict();
}

export interface GradedQuiz {
  /** Every chosen answer: question index → option index (the radios stay as the student left them). */
  answers: Record<number, number>;
  /** The questions whose verdict and explanation are shown, in question order. */
  checked: number[];
  /** Questions the student asked to check without choosing an answer. */
  unanswered: number[];
  /** "Check all answers": every right answer and explanation shown, wrong answers included. */
  revealAll: boolean;
}

/** Reads the posted answers; null when the form was tampered with (unknown fields, impossible values). */
export function readQuizForm(questions: QuizQuestionView[], form: FormData): GradedQuiz | null {
  const fields: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string" || name in fields) return null;
    fields[name] = value;
  }
  const parsed = quizFormSchema(questions).safeParse(fields);
  if (!parsed.success) return null;
  const { check, retry } = parsed.data;
  const answers: Record<number, number> = {};
  questions.forEach((_, index) => {
    const value = (parsed.data as Record<string, unknown>)[`answer-${index}`];
    if (typeof value === "number" && index !== retry) answers[index] = value;
  });
  const asked = check === undefined ? [] : check === "all" ? questions.map((_, index) => index) : [check];
  const checked = new Set(parsed.data.checked ?? []);
  for (const index of asked) if (answers[index] !== undefined) checked.add(index);
  if (retry !== undefined) checked.delete(retry);
  return {
    answers,
    checked: [...checked].sort((a, b) => a - b),
    unanswered: asked.filter((index) => answers[index] === undefined),
    revealAll: check === "all",
  };
}
