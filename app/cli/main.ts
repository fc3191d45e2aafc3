// `npm run cli -- <command>`: the portal's command line for editors and operators.
import path from "node:path";
import { checkCurriculum } from "~/content/check";
import { formatProblem } from "~/content/document";
import { readLessonSources } from "~/content/sources.server";
import { languages } from "~/i18n/languages";

const usage = `Usage: npm run cli -- <command>

Commands:
  content check [--dir <lessons folder>]   validate every lesson; prints file:line: message, exits 1 on a problem
`;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
}

function contentCheck(args: string[]): number {
  const directory = path.resolve(option(args, "--dir") ?? process.env.LESSONS_DIR ?? "lessons");
  const sources = readLessonSources(directory);
  const { lessons, problems } = checkCurriculum(sources);
  for (const problem of problems) console.log(formatProblem(problem));
  const versions = lessons.reduce((count, lesson) => count + Object.keys(lesson.documents).length, 0);
  const summary = `${sources.length} lessons read, ${lessons.length} valid; ${versions} of ${sources.length * languages.length} language versions valid; ${problems.length} problem${problems.length === 1 ? "" : "s"}`;
  console.error(summary);
  return problems.length === 0 && sources.length > 0 ? 0 : 1;
}

function main(args: string[]): number {
  const [domain, command, ...rest] = args;
  if (domain === "content" && command === "check") return contentCheck(rest);
  console.error(usage);
  return domain === undefined || domain === "help" || domain === "--help" ? 0 : 2;
}

process.exitCode = main(process.argv.slice(2));
