import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/access.server";
import { ReviewChangeSize, ReviewDiff } from "~/components/ReviewDiff";
import { StaffNav } from "~/components/StaffNav";
import { notFound, requireSlug } from "~/http/responses.server";
import { formatReviewMoment } from "~/i18n/format";
import { translator } from "~/i18n/i18n.server";
import { isLanguage, languageNames } from "~/i18n/languages";
import { historyOf } from "~/review/review.server";
import { requireStaff, staffUserView } from "~/review/staff-page.server";
import { localizedPath } from "~/seo/document-meta";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { language, user } = await requireStaff(request, params);
  const slug = requireSlug(params);
  if (!isLanguage(params.language)) throw notFound();
  // Every revision of the lesson language, by anyone: the readers of its revisions (a reviewer of that
  // language, an administrator), not an editor, who reads only their own.
  requirePermission(user, "revision.read", { language: params.language, authorId: null });
  const history = await historyOf(slug, params.language, language);
  if (!history) throw notFound();
  const t = await translator(language, "review");
  return data({
    language,
    user: staffUserView(user),
    history,
    title: t("history.title", { lesson: history.title.title, language: languageNames[history.language] }),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }, { name: "robots", content: "noindex" }];

export default function LessonLanguageHistory() {
  const { language, user, history } = useLoaderData<typeof loader>();
  const { t } = useTranslation("review");
  // Who decided and when (the first import decides itself), or why nothing was decided.
  const decision = (entry: (typeof history.entries)[number]) => {
    if (!entry.decidedAt) return t(entry.status === "superseded" ? "history.supersededUndecided" : "history.undecided");
    const when = formatReviewMoment(entry.decidedAt, language);
    return entry.decidedBy === null ? t("revision.decidedOnImport", { date: when }) : t("history.decidedBy", { by: entry.decidedBy, date: when });
  };
  return (
    <>
      <StaffNav user={user} language={language} />
      <h1>
        {t("history.heading")}: <span lang={history.title.language ?? undefined}>{history.title.title}</span> —{" "}
        <span lang={history.language}>{languageNames[history.language]}</span>
      </h1>
      <p>{t("history.intro")}</p>
      {history.entries.length === 0 ? (
        <p>{t("history.empty")}</p>
      ) : (
        <ol className="history-list" reversed>
          {history.entries.map((entry, index) => (
            <li key={entry.id} className="history-entry" data-revision-id={entry.id} data-status={entry.status}>
              <h2 className="history-entry__title">
                <a href={localizedPath(language, `/review/${entry.id}`)}>{t("revision.title", { id: entry.id })}</a>{" "}
                <span className={`history-entry__status status--${entry.status}`}>{t(`statuses.${entry.status}`)}</span>
                {entry.live ? <span className="history-entry__live">{t("history.live")}</span> : null}
              </h2>
              <dl className="history-entry__facts">
                <div>
                  <dt>{t("history.author")}</dt>
                  <dd>
                    {[entry.author, formatReviewMoment(entry.createdAt, language), entry.origin === "file" ? t("history.fromFile") : null].filter(Boolean).join(" · ")}
                  </dd>
                </div>
                <div>
                  <dt>{t("history.decision")}</dt>
                  <dd>{decision(entry)}</dd>
                </div>
                <div>
                  <dt>{t("history.size")}</dt>
                  <dd>
                    {entry.diff.baseRevisionId === null ? (
                      t("queue.newText", { count: entry.diff.size.added })
                    ) : (
                      <>
                        <ReviewChangeSize size={entry.diff.size} /> {t("history.against", { base: entry.diff.baseRevisionId })}
                      </>
                    )}
                  </dd>
                </div>
                {entry.follows !== null && history.language !== history.sourceLanguage ? (
                  <div>
                    <dt>{t("history.follows")}</dt>
                    <dd>{t("history.followsRevision", { id: entry.follows, language: languageNames[history.sourceLanguage] })}</dd>
                  </div>
                ) : null}
              </dl>
              {entry.comment ? (
                <blockquote className="history-entry__comment">
                  <strong>{t("revision.comment")}:</strong> {entry.comment}
                </blockquote>
              ) : null}
              {entry.changesMetadata ? <p className="history-entry__metadata">{t("history.metadata")}</p> : null}
              {entry.diff.baseRevisionId !== null ? (
                // The newest revision open, the others folded: a long history stays a list.
                <details className="history-entry__diff" open={index === 0}>
                  <summary>{t("history.showDiff", { base: entry.diff.baseRevisionId })}</summary>
                  <ReviewDiff view={entry.diff} />
                </details>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
