import type { LessonSummary } from "~/content/views";
import type { Language } from "~/i18n/languages";
import { localizedPath } from "~/seo/document-meta";
import { LessonFacts } from "./LessonFacts";

export function LessonCard({ lesson, language, headingLevel = 2 }: { lesson: LessonSummary; language: Language; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <li className="lesson-card">
      <Heading>
        <a href={localizedPath(language, `/lessons/${lesson.slug}`)}>{lesson.title}</a>
      </Heading>
      <p>{lesson.summary}</p>
      <LessonFacts lesson={lesson} language={language} />
    </li>
  );
}
