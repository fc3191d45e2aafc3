import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StaffNav } from "~/components/StaffNav";
import { translator } from "~/i18n/i18n.server";
import { languageNames, languages } from "~/i18n/languages";
import { translationStatus } from "~/review/review.server";
import { requireStaff, staffUserView } from "~/review/staff-page.server";
import { localizedPath } from "~/seo/document-meta";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { language, user } = await requireStaff(request, params);
  const t = await translator(language, "review");
  return data({ language, user: staffUserView(user), rows: await translationStatus(), title: t("status.title") });
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
            <tr key={row.slug}>
              <th scope="row">{row.slug}</th>
              {languages.map((code) => {
                const cell = row.cells[code];
                const label = t(`statuses.${cell.state}`);
                return (
                  <td key={code} className={`status status--${cell.state}`} data-state={cell.state}>
                    {cell.revisionId ? <a href={localizedPath(language, `/review/${cell.revisionId}`)}>{label}</a> : label}
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
