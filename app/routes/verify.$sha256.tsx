import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { notFound } from "~/http/responses.server";
import { pageLanguage, translator } from "~/i18n/i18n.server";
import { languageNames } from "~/i18n/languages";
import { localizedPath } from "~/seo/document-meta";
import { sha256Pattern, verifyIssuedPdf } from "~/publication/verify.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const sha256 = (params.sha256 ?? "").toLowerCase();
  if (!sha256Pattern.test(sha256)) throw notFound();
  // The check page (/<lng>/verify) sends its reader's language along; otherwise the cookie or the browser's.
  const language = await pageLanguage(request, undefined);
  const t = await translator(language, "review");
  return { language, sha256, verdict: await verifyIssuedPdf(sha256), title: t("verify.title"), description: t("verify.description") };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }, { name: "description", content: data?.description }, { name: "robots", content: "noindex" }];

export default function Verify() {
  const { language, sha256, verdict, title } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["review", "verify"]);
  const date = new Intl.DateTimeFormat(language, { dateStyle: "long", timeZone: "Asia/Tbilisi" });
  return (
    <>
      <h1>{title}</h1>
      <p>
        <code className="fingerprint">{sha256}</code>
      </p>
      {verdict.kind === "unknown" ? (
        <p className="form-errors" data-verdict="unknown">
          {t("verify.unknown")}
        </p>
      ) : (
        <>
          <p className={verdict.kind === "current" ? "notice" : "form-errors"} data-verdict={verdict.kind}>
            {verdict.kind === "current" ? t("verify.current") : t("verify.earlier")}
          </p>
          {verdict.changes.length > 0 ? (
            <ul>
              {verdict.changes.map((change) => (
                <li key={`${change.slug}/${change.language}`}>
                  {change.to === null
                    ? t("verify.removed", { lesson: change.slug, language: languageNames[change.language] })
                    : t("verify.changed", { lesson: change.slug, language: languageNames[change.language], from: change.from, to: change.to, date: change.approvedAt ? date.format(new Date(change.approvedAt)) : "" })}
                </li>
              ))}
            </ul>
          ) : null}
          <p>{t("verify.contains")}</p>
          <ul>
            {verdict.contains.map((entry) => (
              <li key={`${entry.slug}/${entry.language}`}>{t("verify.entry", { lesson: entry.slug, language: languageNames[entry.language], revision: entry.revisionId })}</li>
            ))}
          </ul>
        </>
      )}
      <p>{t("verify.how")}</p>
      <p>
        <a href={localizedPath(language, "/verify")}>{t("verify:another")}</a>
      </p>
    </>
  );
}
