// `npm run cli -- <command>`: the portal's command line for editors and operators.
import path from "node:path";
import { config } from "~/config.server";
import { checkCurriculum } from "~/content/check";
import { formatProblem } from "~/content/document";
import { readLessonSources, readLocaleTexts, readTermbase } from "~/content/sources.server";
import { checkTerms } from "~/content/terms";
import { closeDatabase, getDatabase } from "~/db/database.server";
import { languages } from "~/i18n/languages";
import { syncLessonFiles } from "~/publication/import.server";
import { formatStatusLine, revisionsAwaitingAuthors } from "~/review/content-status.server";
import { backupCommand } from "./backup";
import { exportCommand } from "./export";
import { userCommand } from "./users";

const usage = `Usage: npm run cli -- <command>

Commands:
  content check [--dir <lessons folder>] [--locales <locales folder>]
                                           validate every lesson, the termbase and the UI strings' terms;
                                           prints file:line: message, exits 1 on a problem
  content sync [--dir <lessons folder>]    import changed lesson files as revisions awaiting review
  content status                           every revision awaiting review or sent back, with the
                                           reviewer's comment, as file:line: … where it quotes a line
  user add --email E --name N --role admin|editor|reviewer --languages ka,hy|all
                                           add a staff account (password from PORTAL_PASSWORD or asked;
                                           reviewers and editors need their languages)
  user password --email E                  set a new password (PORTAL_PASSWORD or asked); ends their sessions
  user unlock --email E                    forget an account's failed sign-ins (lifts the limits)
  user list                                list the staff accounts
  user disable --email E                   disable an account and end its sessions
  db backup <file>                         copy the SQLite database to a new file while the server runs
                                           (PostgreSQL: use pg_dump)
  export --language ka|hy|az|en --out <folder>
                                           the classroom kit of a language as a folder (what
                                           /<lng>/offline/kit.zip holds); needs \`npm run build\` first
`;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
}

function contentCheck(args: string[]): number {
  const directory = path.resolve(option(args, "--dir") ?? config().lessonsDirectory);
  const sources = readLessonSources(directory);
  const { termbase, problems: termbaseProblems } = readTermbase(directory);
  const checked = checkCurriculum(sources, { termbase });
  const localeProblems = readLocaleTexts(path.resolve(option(args, "--locales") ?? path.join(path.dirname(directory), "locales"))).flatMap(
    ({ file, language, text }) => checkTerms(text, language, file, termbase),
  );
  const { lessons } = checked;
  const problems = [...termbaseProblems, ...checked.problems, ...localeProblems];
  for (const problem of problems) console.log(formatProblem(problem));
  const versions = lessons.reduce((count, lesson) => count + Object.keys(lesson.documents).length, 0);
  const summary = `${sources.length} lessons read, ${lessons.length} valid; ${versions} of ${sources.length * languages.length} language versions valid; ${problems.length} problem${problems.length === 1 ? "" : "s"}`;
  console.error(summary);
  return problems.length === 0 && sources.length > 0 ? 0 : 1;
}

async function contentSync(args: string[]): Promise<number> {
  const directory = path.resolve(option(args, "--dir") ?? config().lessonsDirectory);
  const result = await syncLessonFiles(await getDatabase(), readLessonSources(directory), new Date(), readTermbase(directory).termbase);
  for (const revision of result.created) {
    console.log(`revision ${revision.revisionId}: lessons/${revision.slug}/${revision.language}.md ${result.firstImport ? "imported and approved (first import)" : "awaits review"}`);
  }
  // A file that content check rejects is not imported: say which and why, and fail.
  for (const problem of result.refused) console.log(formatProblem(problem));
  console.error(`${result.created.length} new revision${result.created.length === 1 ? "" : "s"}${result.refused.length > 0 ? `; ${result.refused.length} problem${result.refused.length === 1 ? "" : "s"}: those files were not imported` : ""}`);
  return result.refused.length > 0 ? 1 : 0;
}

async function contentStatus(): Promise<number> {
  const entries = await revisionsAwaitingAuthors(await getDatabase());
  for (const entry of entries) console.log(formatStatusLine(entry));
  const sentBack = entries.filter((entry) => entry.status === "changes_requested").length;
  console.error(`${entries.length - sentBack} awaiting review, ${sentBack} sent back`);
  return 0;
}

async function main(args: string[]): Promise<number> {
  const [domain, command, ...rest] = args;
  if (domain === "content" && command === "check") return contentCheck(rest);
  if (domain === "content" && command === "sync") return contentSync(rest);
  if (domain === "content" && command === "status") return contentStatus();
  if (domain === "user") return userCommand(await getDatabase(), [command ?? "", ...rest]);
  if (domain === "db" && command === "backup") return backupCommand(rest);
  if (domain === "export") return exportCommand(args.slice(1));
  console.error(usage);
  return domain === undefined || domain === "help" || domain === "--help" ? 0 : 2;
}

main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => closeDatabase());
