/** Content problems as `file:line: message` lines, already in the reader's language (app/review/problem-texts.server.ts). */
export function ProblemList({ problems }: { problems: readonly string[] }) {
  return (
    <ul>
      {problems.map((problem) => (
        <li key={problem}>
          <code>{problem}</code>
        </li>
      ))}
    </ul>
  );
}
