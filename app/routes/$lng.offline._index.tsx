import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { offlinePageScript } from "~/components/inline-scripts";
import { useNonce } from "~/components/nonce";
import { requireLanguage } from "~/http/responses.server";
import { publicPageHandle } from "~/http/route-caching";
import { fileSizePatterns, formatFileSize } from "~/i18n/format-size";
import { translator } from "~/i18n/i18n.server";
import { formatEditionDate } from "~/offline/edition.server";
import { offlineSizes } from "~/offline/manifest.server";
import { documentMeta, localizedPath } from "~/seo/document-meta";
import { publicOrigin } from "~/seo/public-origin.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const t = await translator(language, "offline");
  // The sizes come first, before a reader chooses; the PDFs' and the kit's when they are made in time
  // (the page never waits long for typesetting).
  const sizes = await offlineSizes(language);
  const size = (bytes: number | null) => (bytes === null ? null : formatFileSize(bytes, language));
  return data(
    {
      language,
      version: sizes.edition.version,
      date: formatEditionDate(sizes.edition),
      pagesSize: size(sizes.pagesBytes),
      pdfSize: size(sizes.pdfBytes),
      pagesAndPdfsSize: sizes.pdfBytes === null ? null : size(sizes.pagesBytes + sizes.pdfBytes),
      kitSize: size(sizes.kitBytes),
      // The progress counts bytes in the browser: written as the sizes above are.
      sizePatterns: fileSizePatterns(language),
      meta: documentMeta({ title: t("title"), description: t("description"), origin: publicOrigin(request), language, path: "/offline" }),
    },
    // Not stored while a size is missing: the next visitor gets the page with it.
    { headers: sizes.pdfBytes === null || sizes.kitBytes === null ? { "Cache-Control": "no-store" } : {} },
  );
}

/** The same page for every reader of its URL: stored and shared (app/http/route-caching.ts). */
export const handle = publicPageHandle;

/** The loader's Cache-Control (no-store while a size is missing) reaches the document. */
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => data?.meta ?? [];

export default function Offline() {
  const { language, version, date, pagesSize, pdfSize, pagesAndPdfsSize, kitSize, sizePatterns } = useLoaderData<typeof loader>();
  const { t } = useTranslation("offline");
  const nonce = useNonce();
  // What the page's script says as the worker answers, in the page's language: {placeholders} filled in there.
  const texts = {
    "data-text-not-saved": t("save.notSaved"),
    "data-text-progress": t("save.progress", { done: "{done}", total: "{total}", size: "{size}" }),
    "data-text-saved": t("save.saved", { version: "{version}", date: "{date}" }),
    "data-text-saved-with-pdfs": t("save.savedWithPdfs", { version: "{version}", date: "{date}" }),
    "data-text-failed": t("save.failed"),
    "data-text-deleted": t("delete.done"),
    "data-text-opened": t("save.opened", { number: "{number}" }),
    "data-size-kilobytes": sizePatterns.kilobytes,
    "data-size-megabytes": sizePatterns.megabytes,
    "data-size-decimal": sizePatterns.decimal,
    "data-size-group": sizePatterns.group,
  };
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <h2>{t("how.title")}</h2>
      <ul>
        <li>{t("how.opened")}</li>
        <li>{t("how.save")}</li>
        <li>{t("how.current")}</li>
      </ul>
      <section className="offline-save" aria-labelledby="offline-save" data-offline-panel="" {...texts}>
        <h2 id="offline-save">{t("save.title")}</h2>
        <p>{t("save.online", { version, date })}</p>
        <p>{t("save.pages", { size: pagesSize })}</p>
        <p>{pdfSize ? t("save.pdfs", { size: pdfSize }) : t("save.pdfsWithoutSize")}</p>
        {/* Without a worker (no JavaScript, or plain http) this says so, and the kit below is the way. */}
        <p className="offline-save__state" data-offline-state="unsupported" role="status">
          {t("save.unsupported")}
        </p>
        <progress data-offline-progress="" hidden />
        <div className="offline-save__actions" data-offline-controls="" hidden>
          <button type="button" data-offline-save="pages">
            {t("save.button", { size: pagesSize })}
          </button>
          <button type="button" className="button--secondary" data-offline-save="pdfs">
            {pagesAndPdfsSize ? t("save.pdfsButton", { size: pagesAndPdfsSize }) : t("save.pdfsButtonWithoutSize")}
          </button>
        </div>
        <p data-offline-opened="" hidden />
        <div data-offline-controls="" hidden>
          <h3>{t("delete.title")}</h3>
          <p>{t("delete.text")}</p>
          <button type="button" className="button--secondary" data-offline-delete="">
            {t("delete.button")}
          </button>
        </div>
      </section>
      <section aria-labelledby="classroom-kit">
        <h2 id="classroom-kit">{t("kit.title")}</h2>
        <p>{t("kit.text")}</p>
        <p>
          <a className="button" href={localizedPath(language, "/offline/kit.zip")} download="" data-kit-size={kitSize ?? undefined}>
            {kitSize ? t("kit.download", { size: kitSize }) : t("kit.downloadWithoutSize")}
          </a>
        </p>
        {kitSize ? null : <p>{t("kit.preparing")}</p>}
        <p>{t("kit.check")}</p>
      </section>
      <script nonce={nonce} dangerouslySetInnerHTML={{ __html: offlinePageScript }} />
    </>
  );
}
