// Content problems carry a code and values besides their English message: the command line and the logs
// print the English (`file:line: message`), and the review and editor pages say the same in the reader's
// language (locales/<lng>/problems.json). The English templates live only in locales/en/problems.json.
import english from "../../locales/en/problems.json";
import type { ContentProblem } from "./document";

type Templates = typeof english;
export type ProblemCode = Exclude<keyof Templates, "kinds" | "nodes">;
export type ProblemValues = Record<string, string | number>;

/** `{{name}}` replaced by its value; `$t(kinds.x)` / `$t(nodes.x)` by the English name of a kind of fact or of Markdown. */
export function englishMessage(code: ProblemCode, values: ProblemValues = {}): string {
  return english[code]
    .replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ""))
    .replace(/\$t\(kinds\.([\w-]+)\)/g, (_, kind: string) => english.kinds[kind as keyof Templates["kinds"]] ?? kind)
    .replace(/\$t\(nodes\.([\w-]+)\)/g, (_, node: string) => english.nodes[node as keyof Templates["nodes"]] ?? node);
}

export function problem(file: string, line: number, code: ProblemCode, values: ProblemValues = {}): ContentProblem {
  return { file, line, code, values, message: englishMessage(code, values) };
}
