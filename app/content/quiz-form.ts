// The quiz form as posted without JavaScript: one zod schema, derived from the lesson's questions.
import { z } from "zod";
import type { QuizQuestionView } from "./views";

function quizFormSchema(questions: QuizQuestionView[]) {
  const answers = Object.fromEntries(
    questions.map((question, index) => [
      `answer-${index}`,
      z.coerce.number().int().min(0).max(question.options.length - 1).optional(),
    ]),
  );
  return z
    .object({
      ...answers,
      check: z.union([z.literal("all"), z.coerce.number().int().min(0).max(questions.length - 1)]).optional(),
    })
    .strict();
}

interface GradedQuiz {
  answers: Record<number, number>;
  unanswered: number[];
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
  const answers: Record<number, number> = {};
  questions.forEach((_, index) => {
    const value = (parsed.data as Record<string, number | undefined>)[`answer-${index}`];
    if (value !== undefined) answers[index] = value;
  });
  const check = parsed.data.check;
  const asked = check === undefined || check === "all" ? questions.map((_, index) => index) : [check];
  return { answers, unanswered: asked.filter((index) => answers[index] === undefined) };
}
