import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { LessonCard } from "~/components/LessonCard";
import { findLessons, listLessons, searchSuggestions } from "~/publication/catalogue.server";
import { topics, type Topic } from "~/content/topics";
import { translator } from "~/i18n/i18n.server";
import type { Language } from "~/i18n/languages";
import { badRequest, requireLanguage } from "~/http/responses.server";
import { documentMeta, localizedPath } from "~/seo/document-meta";
import { publicOrigin } from "~/seo/public-origin.server";
import { publicPageHandle } from "~/http/route-caching";

const gradesOffered = [8, 9, 10, 11] as const;

// The catalogue's filter form (GET): empty fields mean "any".
const filterSchema = z.object({
  grade: z.union([z.literal(""), z.coerce.number().int().min(7).max(12)]).optional(),
  topic: z.union([z.literal(""), z.enum(topics)]).optional(),
  q: z.string().max(200).optional(),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const searchParams = new URL(request.url).searchParams;
  const parsed = filterSchema.safeParse(Object.fromEntries(searchParams));
  if (!parsed.success) throw badRequest();
  const grade = parsed.data.grade === "" ? undefined : parsed.data.grade;
  const topic = parsed.data.topic === "" ? undefined : parsed.data.topic;
  const query = parsed.data.q?.trim() ?? "";
  const t = await translator(language, "lessons");
  const lessons = await findLessons(language, { grade, topic, query });
  return {
    language,
    filters: { grade: grade ?? null, topic: topic ?? null, query },
    lessons,
    // Nothing found: close words from the lessons, and every topic that has lessons in this language.
    suggestions: lessons.length === 0 ? await suggestionsFor(language, query) : null,
    meta: documentMeta({
      title: t("catalogue.title"),
      description: t("catalogue.description"),
      origin: publicOrigin(request),
      language,
      path: "/lessons",
    }),
  };
}

async function suggestionsFor(language: Language, query: string): Promise<{ words: string[]; topics: Topic[] }> {
  const taught = new Set((await listLessons(language)).flatMap((lesson) => lesson.topics));
  return { words: await searchSuggestions(language, query), topics: topics.filter((topic) => taught.has(topic)) };
}

/** The same page for every reader of its URL: stored and shared (app/http/route-caching.ts). */
export const handle = publicPageHandle;

export const meta: MetaFunction<typeof loader> = ({ data }) => data?.meta ?? [];

export default function Catalogue() {
  const { language, lessons, filters, suggestions } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["lessons", "topics"]);
  const filtered = filters.grade !== null || filters.topic !== null || filters.query !== "";
  return (
    <>
      <h1>{t("catalogue.title")}</h1>
      {/* On a phone the lessons come first: the search box and its button on one line, grade and topic
          folded away (open when one of them is chosen; always open on a wide screen, app.css). */}
      <form method="get" className="filters" role="search" aria-label={t("catalogue.filters")}>
        <div className="filters__search">
          <label htmlFor="q">{t("catalogue.search")}</label>
          <div className="filters__query">
            <input id="q" name="q" type="search" defaultValue={filters.query} maxLength={200} />
            <button type="submit">{t("catalogue.submit")}</button>
          </div>
        </div>
        <details className="filters__more" open={filters.grade !== null || filters.topic !== null}>
          <summary>{t("catalogue.moreFilters")}</summary>
          <div className="filters__selects">
            <div>
              <label htmlFor="grade">{t("catalogue.grade")}</label>
              <select id="grade" name="grade" defaultValue={filters.grade ?? ""}>
                <option value="">{t("catalogue.allGrades")}</option>
                {gradesOffered.map((grade) => (
                  <option key={grade} value={grade}>
                    {t("catalogue.gradeOption", { grade })}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="topic">{t("catalogue.topic")}</label>
              <select id="topic" name="topic" defaultValue={filters.topic ?? ""}>
                <option value="">{t("catalogue.allTopics")}</option>
                {topics.map((topic) => (
                  <option key={topic} value={topic}>
                    {t(`topics:${topic}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </details>
        {filtered ? (
          <p className="filters__actions">
            <a href={localizedPath(language, "/lessons")}>{t("catalogue.reset")}</a>
          </p>
        ) : null}
      </form>
      <p role="status">{t("catalogue.count", { count: lessons.length })}</p>
      {lessons.length === 0 ? (
        <>
          <p className="catalogue-empty">{t("catalogue.empty")}</p>
          {suggestions ? <SearchSuggestions language={language} {...suggestions} /> : null}
        </>
      ) : (
        <ul className="lesson-cards">
          {lessons.map((lesson) => (
            <LessonCard key={lesson.slug} lesson={lesson} language={language} />
          ))}
        </ul>
      )}
    </>
  );
}

/** Where an empty result leads: plain links, so that they work without JavaScript. */
function SearchSuggestions({ language, words, topics: taught }: { language: Language; words: string[]; topics: Topic[] }) {
  const { t } = useTranslation(["search", "topics"]);
  const catalogue = localizedPath(language, "/lessons");
  return (
    <section className="search-suggestions" aria-label={t("search:suggestions")}>
      {words.length > 0 ? (
        <>
          <h2>{t("search:tryWords")}</h2>
          <ul className="search-suggestions__words">
            {words.map((word) => (
              <li key={word}>
                <a href={`${catalogue}?q=${encodeURIComponent(word)}`}>{word}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {taught.length > 0 ? (
        <>
          <h2>{t("search:byTopic")}</h2>
          <ul className="search-suggestions__topics">
            {taught.map((topic) => (
              <li key={topic}>
                <a href={`${catalogue}?topic=${topic}`}>{t(`topics:${topic}`)}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
