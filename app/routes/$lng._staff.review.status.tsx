import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StaffNav } from "~/components/StaffNav";
import { translator } from "~/i18n/i18n.server";
import { languageNames, languages } from "~/i18n/languages";
import { statusBoardFor } from "~/review/review.server";
import { requireStaff, staffUserView } from "~/review/staff-page.server";
import { localizedPath } from "~/seo/document-meta";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { language, user } = await requireStaff(request, params);
  const t = await translator(language, "review");
  return data({ language, user: staffUserView(user), rows: await statusBoardFor(user, language), title: t("status.title") });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }, { name: "robots", content: "noindex" }];

export default function TranslationStatus() {
  const { language, user, rows, title } = useLoaderData<typeof loader>();
  const { t } = useTranslation("review");
  return (
    <>
      <StaffNav user={user} language={language} />
      <h1>{title}</h1>
      <p>{t("status.intro")}</p>
      <table className="plan-table status-matrix">
        <thead>
          <tr>
            <th scope="col">{t("status.lesson")}</th>
            {languages.map((code) => (
              <th scope="col" key={code} lang={code}>
                {languageNames[code]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.slug} data-slug={row.slug}>
              <th scope="row">
                <span lang={row.title.language ?? undefined}>{row.title.title}</span>
              </th>
              {languages.map((code) => {
                const cell = row.cells[code];
                // A state translation-status.server.ts may add later is shown by its name until it has words.
                const state = t(`statuses.${cell.state}`, { defaultValue: cell.state });
                const detail = t(`status.detail.${cell.state}`, { id: cell.revisionId, defaultValue: "" });
                return (
                  <td key={code} className={`status status--${cell.state}`} data-state={cell.state}>
                    {/* The language again inside the cell: on a phone the table is a list, without its header row. */}
                    <span className="status-cell__language" lang={code}>
                      {languageNames[code]}
                    </span>
                    <strong className="status-cell__state">
                      {cell.revisionId && cell.revisionReadable ? <a href={localizedPath(language, `/review/${cell.revisionId}`)}>{state}</a> : state}
                    </strong>
                    {detail ? <span className="status-cell__detail">{detail}</span> : null}
                    {cell.live ? (
                      <span className="status-cell__live" data-live={cell.live}>
                        {t("status.stillLive", { id: cell.live })} <a href={localizedPath(code, `/lessons/${row.slug}`)} hrefLang={code}>{t("status.openLive")}</a>
                      </span>
                    ) : null}
                    {cell.comment ? (
                      <q className="status-cell__comment" title={t("revision.comment")}>
                        {cell.comment}
                      </q>
                    ) : null}
                    {cell.historyReadable ? (
                      <a className="status-cell__history" href={localizedPath(language, `/review/history/${row.slug}/${code}`)}>
                        {t("status.history")}
                      </a>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
