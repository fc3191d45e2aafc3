import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatFileSize } from "~/i18n/format-size";
import { translator } from "~/i18n/i18n.server";
import { requireLanguage } from "~/http/responses.server";
import { bookPdf, pdfIfReady } from "~/publication/pdfs.server";
import { documentMeta, localizedPath } from "~/seo/document-meta";
import { publicOrigin } from "~/seo/public-origin.server";
import { publicPageHandle } from "~/http/route-caching";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const t = await translator(language, "documents");
  // Page count and size come from the books themselves (typeset once, then cached), when they are
  // ready in time: the page never waits long for a typesetting worker.
  const [student, teacher] = await Promise.all([pdfIfReady(bookPdf("student", language)), pdfIfReady(bookPdf("teacher", language))]);
  const book = (kind: "student" | "teacher", pdf: typeof student) => ({
    kind,
    title: t(kind === "student" ? "studentBook" : "teacherBook"),
    description: t(kind === "student" ? "books.studentDescription" : "books.teacherDescription"),
    pages: pdf?.pageCount ?? null,
    size: pdf ? formatFileSize(pdf.bytes.length, language) : null,
    href: localizedPath(language, `/books/${kind}.pdf`),
  });
  return data(
    {
      books: [book("student", student), book("teacher", teacher)],
      meta: documentMeta({ title: t("books.title"), description: t("books.description"), origin: publicOrigin(request), language, path: "/books" }),
    },
    // Not stored while a book's size is missing: the next visitor gets the page with it.
    { headers: student === null || teacher === null ? { "Cache-Control": "no-store" } : {} },
  );
}

/** The same page for every reader of its URL: stored and shared (app/http/route-caching.ts). */
export const handle = publicPageHandle;

/** The loader's Cache-Control (no-store while a PDF's size is missing) reaches the document. */
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => data?.meta ?? [];

export default function Books() {
  const { books } = useLoaderData<typeof loader>();
  const { t } = useTranslation("documents");
  return (
    <>
      <h1>{t("books.title")}</h1>
      <p className="lead">{t("books.intro")}</p>
      <ul className="lesson-cards">
        {books.map((book) => (
          <li key={book.kind} className="lesson-card">
            <h2>{book.title}</h2>
            <p>{book.description}</p>
            {book.pages !== null && book.size !== null ? (
              <p className="lesson-facts">{`${t("books.pages", { count: book.pages })} · ${book.size}`}</p>
            ) : null}
            <p>
              <a className="button" href={book.href} data-pages={book.pages ?? undefined}>
                {book.size !== null ? t("books.download", { title: book.title, size: book.size }) : t("books.downloadWithoutSize", { title: book.title })}
              </a>
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
