// Content problems as a page shows them: `file:line: message` in the reader's language
// (locales/<lng>/problems.json), the English message where a problem has no code.
import { formatProblem, type ContentProblem } from "~/content/document";
import { translator } from "~/i18n/i18n.server";
import type { Language } from "~/i18n/languages";

export async function problemTexts(problems: ContentProblem[], language: Language): Promise<string[]> {
  if (problems.length === 0) return [];
  const t = await translator(language, "problems");
  return problems.map((problem) =>
    problem.code ? `${problem.file}:${problem.line}: ${t(problem.code, problem.values ?? {})}` : formatProblem(problem),
  );
}
