import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { verifyScript } from "~/components/inline-scripts";
import { useNonce } from "~/components/nonce";
import { translator } from "~/i18n/i18n.server";
import { requireLanguage } from "~/http/responses.server";
import { publicPageHandle } from "~/http/route-caching";
import { documentMeta } from "~/seo/document-meta";
import { publicOrigin } from "~/seo/public-origin.server";
import { fingerprintOfUpload, verifyUploadMaximumBytes } from "~/publication/verify-upload.server";
import { sha256Pattern } from "~/publication/verify.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const t = await translator(language, "verify");
  return {
    language,
    maximumMegabytes: verifyUploadMaximumBytes / 1024 / 1024,
    meta: documentMeta({ title: t("title"), description: t("description"), origin: publicOrigin(request), language, path: "/verify" }),
  };
}

/** The same page for every reader of its URL: stored and shared (app/http/route-caching.ts). */
export const handle = publicPageHandle;

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => loaded?.meta ?? [];

/** Without JavaScript: the PDF arrives whole, is hashed as it streams and forgotten; or a typed fingerprint. */
export async function action({ request, params }: ActionFunctionArgs) {
  const language = requireLanguage(params);
  const t = await translator(language, "verify");
  const type = (request.headers.get("Content-Type") ?? "").toLowerCase();
  if (!type.startsWith("multipart/form-data")) return data({ error: t("errors.noFile") }, { status: 415 });
  let upload;
  try {
    upload = await fingerprintOfUpload(request);
  } catch {
    return data({ error: t("errors.unreadable") }, { status: 400 });
  }
  const { file, typed } = upload;
  if (file.kind === "not-a-pdf") return data({ error: t("errors.notPdf") }, { status: 400 });
  const sha256 = file.kind === "sha256" ? file.sha256 : typed;
  if (!sha256) return data({ error: t("errors.noFile") }, { status: 400 });
  if (!sha256Pattern.test(sha256)) return data({ error: t("errors.badFingerprint") }, { status: 400 });
  return redirect(`/verify/${sha256}?lng=${language}`, 303);
}

export default function VerifyUpload() {
  const { maximumMegabytes } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation("verify");
  const nonce = useNonce();
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      {answer?.error ? (
        <p className="form-errors" role="alert">
          {answer.error}
        </p>
      ) : null}
      <form method="post" encType="multipart/form-data" className="verify-form">
        <p>
          <label htmlFor="pdf">{t("fileLabel")}</label>
          <input id="pdf" name="pdf" type="file" accept="application/pdf,.pdf" aria-describedby="pdf-hint" />
          <span id="pdf-hint" className="verify-form__hint">
            {t("fileHint", { megabytes: maximumMegabytes })}
          </span>
        </p>
        <details>
          <summary>{t("fingerprintToggle")}</summary>
          <p>
            <label htmlFor="sha256">{t("fingerprintLabel")}</label>
            <input id="sha256" name="sha256" type="text" inputMode="text" autoComplete="off" spellCheck={false} maxLength={64} pattern="[0-9a-fA-F]{64}" />
          </p>
        </details>
        <p>
          <button type="submit">{t("submit")}</button>
        </p>
        <p data-verify-status="" role="status" hidden>
          {t("computing")}
        </p>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: verifyScript }} />
      </form>
      <p>{t("privacy")}</p>
    </>
  );
}
