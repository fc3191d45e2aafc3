import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { StaffNav } from "~/components/StaffNav";
import { auditEntries } from "~/review/review.server";
import { badRequest } from "~/http/responses.server";
import { translator } from "~/i18n/i18n.server";
import { requireStaff, staffUserView } from "~/review/staff-page.server";

const filterSchema = z.object({
  action: z.string().trim().max(100).optional(),
  actor: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
});

/** Entries per page: the page goes back through the whole log, older pages by link. */
const pageSize = 200;

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Administrators and reviewers read the log; nobody can change it.
  const { language, user } = await requireStaff(request, params, "audit.read");
  const filters = filterSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!filters.success) throw badRequest();
  const page = filters.data.page ?? 1;
  // One more than a page: whether there is an older page.
  const found = await auditEntries({
    action: filters.data.action || undefined,
    actor: filters.data.actor || undefined,
    limit: pageSize + 1,
    offset: (page - 1) * pageSize,
  });
  const entries = found.slice(0, pageSize);
  const pages = { page, older: found.length > pageSize, newer: page > 1 };
  const t = await translator(language, "review");
  return data({ language, user: staffUserView(user), entries, filters: filters.data, pages, title: t("audit.title") });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }, { name: "robots", content: "noindex" }];

export default function AuditLog() {
  const { language, user, entries, filters, pages, title } = useLoaderData<typeof loader>();
  const pageLink = (page: number) =>
    `?${new URLSearchParams({ ...(filters.action ? { action: filters.action } : {}), ...(filters.actor ? { actor: filters.actor } : {}), page: String(page) })}`;
  const { t } = useTranslation("review");
  const date = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "medium", timeZone: "Asia/Tbilisi" });
  return (
    <>
      <StaffNav user={user} language={language} />
      <h1>{title}</h1>
      <p>{t("audit.intro")}</p>
      <form method="get" className="filters">
        <div>
          <label htmlFor="action">{t("audit.action")}</label>
          <input id="action" name="action" defaultValue={filters.action ?? ""} maxLength={100} />
        </div>
        <div>
          <label htmlFor="actor">{t("audit.actor")}</label>
          <input id="actor" name="actor" defaultValue={filters.actor ?? ""} maxLength={200} />
        </div>
        <div className="filters__actions">
          <button type="submit">{t("audit.filter")}</button>
        </div>
      </form>
      {entries.length === 0 ? (
        <p>{t("audit.empty")}</p>
      ) : (
        <table className="plan-table audit-table">
          <thead>
            <tr>
              <th scope="col">{t("audit.when")}</th>
              <th scope="col">{t("audit.who")}</th>
              <th scope="col">{t("audit.what")}</th>
              <th scope="col">{t("audit.subject")}</th>
              <th scope="col">{t("audit.details")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} data-action={entry.action}>
                <td>{date.format(new Date(entry.at))}</td>
                <td>{entry.actor}</td>
                <td>
                  <code>{entry.action}</code>
                </td>
                <td>{entry.subject}</td>
                <td>
                  <code>{entry.details === null ? "" : JSON.stringify(entry.details)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages.newer || pages.older ? (
        <p className="filters__actions">
          {pages.newer ? <a href={pageLink(pages.page - 1)}>{t("audit.newer")}</a> : null} {pages.older ? <a href={pageLink(pages.page + 1)}>{t("audit.older")}</a> : null}
        </p>
      ) : null}
    </>
  );
}
