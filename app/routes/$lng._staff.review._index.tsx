import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ReviewChangeSize } from "~/components/ReviewDiff";
import { StaffNav } from "~/components/StaffNav";
import { badRequest } from "~/http/responses.server";
import { formatReviewMoment } from "~/i18n/format";
import { translator } from "~/i18n/i18n.server";
import { languageNames, languages } from "~/i18n/languages";
import { queueOf } from "~/review/review.server";
import { requireStaff, staffUserView } from "~/review/staff-page.server";
import { localizedPath } from "~/seo/document-meta";

const statuses = ["in_review", "approved", "changes_requested", "superseded", "all"] as const;
const filterSchema = z.object({
  language: z.union([z.literal(""), z.enum(languages)]).optional(),
  status: z.enum(statuses).optional() });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { language, user } = await requireStaff(request, params);
  const filters = filterSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!filters.success) throw badRequest();
  const chosen = filters.data.language || null;
  const visible = chosen ? user.languages.filter((code) => code === chosen) : user.languages;
  // Editors follow their own revisions and the reviewers' comments; reviewers and admins see the queue.
  const editor = user.role === "editor";
  const status = filters.data.status ?? (editor ? "all" : "in_review");
  const entries = await queueOf({ languages: visible, status, authorId: editor ? user.id : undefined, readerLanguage: language });
  const t = await translator(language, "review");
  return data(
    { language, user: staffUserView(user), entries, filters: { language: chosen ?? "", status }, title: t(editor ? "queue.mine" : "queue.title") },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }, { name: "robots", content: "noindex" }];

export default function ReviewQueue() {
  const { language, user, entries, filters, title } = useLoaderData<typeof loader>();
  const { t } = useTranslation("review");
  return (
    <>
      <StaffNav user={user} language={language} />
      <h1>{title}</h1>
      <p>{t("queue.intro")}</p>
      <form method="get" className="filters queue-filters">
        <div>
          <label htmlFor="language">{t("queue.language")}</label>
          <select id="language" name="language" defaultValue={filters.language}>
            <option value="">{t("queue.allLanguages")}</option>
            {user.languages.map((code) => (
              <option key={code} value={code} lang={code}>
                {languageNames[code]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="status">{t("queue.status")}</label>
          <select id="status" name="status" defaultValue={filters.status}>
            {statuses.map((status) => (
              <option key={status} value={status}>
                {t(`statuses.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="filters__actions">
          <button type="submit">{t("queue.filter")}</button>
        </div>
      </form>
      {entries.length === 0 ? (
        <p className="queue-empty">{t("queue.empty")}</p>
      ) : (
        <table className="plan-table queue-table">
          <thead>
            <tr>
              <th scope="col">{t("queue.lesson")}</th>
              <th scope="col">{t("queue.language")}</th>
              <th scope="col">{t("queue.size")}</th>
              <th scope="col">{t("queue.author")}</th>
              <th scope="col">{t(filters.status === "in_review" ? "queue.age" : "queue.submitted")}</th>
              <th scope="col">{t("queue.status")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} data-revision-id={entry.id}>
                <th scope="row" className="queue-table__lesson">
                  <a href={localizedPath(language, `/review/${entry.id}`)} lang={entry.title.language ?? undefined}>
                    {entry.title.title}
                  </a>{" "}
                  <span className="queue-table__id">{t("queue.revisionNumber", { id: entry.id })}</span>
                </th>
                <td data-label={t("queue.language")} lang={entry.language}>
                  {languageNames[entry.language]}
                </td>
                <td data-label={t("queue.size")}>{entry.replaces === null ? t("queue.newText", { count: entry.size.added }) : <ReviewChangeSize size={entry.size} />}</td>
                <td data-label={t("queue.author")}>{entry.author ?? t("history.fromFile")}</td>
                <td data-label={t(filters.status === "in_review" ? "queue.age" : "queue.submitted")}>{formatReviewMoment(entry.createdAt, language)}</td>
                <td data-label={t("queue.status")}>{t(`statuses.${entry.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
