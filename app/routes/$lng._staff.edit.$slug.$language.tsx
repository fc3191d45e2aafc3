import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requirePermission, requireSameOrigin } from "~/auth/access.server";
import { ProblemList } from "~/components/ProblemList";
import { RevisionPreview } from "~/components/RevisionPreview";
import { StaffNav } from "~/components/StaffNav";
import { isSlug } from "~/content/document";
import { problemTexts } from "~/review/problem-texts.server";
import { clientAddress } from "~/http/context";
import { notFound } from "~/http/responses.server";
import { translator } from "~/i18n/i18n.server";
import { isLanguage, languageNames } from "~/i18n/languages";
import { outdatedTranslation } from "~/publication/catalogue.server";
import { editorStart, previewEdit, submitEdit } from "~/review/review.server";
import { ReviewRejected } from "~/review/review-errors";
import { previewViews, requireStaff, staffUserView } from "~/review/staff-page.server";
import { localizedPath } from "~/seo/document-meta";
import { readForm } from "~/http/forms.server";

const maximumLength = 200_000;
const editorSchema = z.object({
  intent: z.enum(["preview", "save"]),
  content: z.string().max(maximumLength) });

function requireTarget(params: { slug?: string; language?: string }) {
  if (!isSlug(params.slug) || !isLanguage(params.language)) throw notFound();
  return { slug: params.slug, contentLanguage: params.language };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { language, user } = await requireStaff(request, params);
  const { slug, contentLanguage } = requireTarget(params);
  requirePermission(user, "lesson.edit", { language: contentLanguage });
  const start = await editorStart(slug, contentLanguage, user);
  if (!start) throw notFound();
  const t = await translator(language, "review");
  // A translation left behind by a newer source: the editor sees what to bring in line.
  const outdated = await outdatedTranslation(slug, contentLanguage);
  return data(
    {
      language,
      user: staffUserView(user),
      slug,
      contentLanguage,
      content: start.content,
      history: start.history,
      outdated: outdated === null ? null : { revisionId: outdated.revisionId, differences: await problemTexts(outdated.differences, language) },
      title: t("editor.title", { lesson: slug, language: languageNames[contentLanguage] }),
    },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }, { name: "robots", content: "noindex" }];

export async function action({ request, params, context }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const { language, user } = await requireStaff(request, params);
  const { slug, contentLanguage } = requireTarget(params);
  requirePermission(user, "lesson.edit", { language: contentLanguage });
  const t = await translator(language, "review");
  const form = editorSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!form.success) {
    return data({ error: t("editor.tooLong"), problems: [] as string[], preview: null, content: "" }, { status: 400 });
  }
  const content = form.data.content.replace(/\r\n/g, "\n");
  if (form.data.intent === "preview") {
    const checked = await previewEdit({ slug, language: contentLanguage, content, author: user });
    if (!checked) throw notFound();
    const { document, problems, lesson } = checked;
    return data({ error: problems.length > 0 ? t("editor.problems") : null, problems: await problemTexts(problems, language), preview: previewViews(lesson, document), content });
  }
  try {
    const id = await submitEdit({ slug, language: contentLanguage, content, author: user, ip: clientAddress(context) });
    return redirect(localizedPath(language, `/review/${id}`), { status: 303 });
  } catch (error) {
    if (error instanceof ReviewRejected) {
      return data({ error: t("editor.problems"), problems: await problemTexts(error.problems, language), preview: null, content }, { status: 422 });
    }
    throw error;
  }
}

export default function Editor() {
  const { language, user, contentLanguage, content, history, title, outdated } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("review");
  return (
    <>
      <StaffNav user={user} language={language} />
      <h1>{title}</h1>
      <p>{t("editor.intro")}</p>
      {outdated ? (
        <div className="form-errors" data-outdated="">
          <p>{t("status.detail.outdated", { id: outdated.revisionId })}</p>
          <ProblemList problems={outdated.differences} />
        </div>
      ) : null}
      {result?.error ? (
        <div className="form-errors" role="alert">
          <p>{result.error}</p>
          {result.problems.length > 0 ? (
            <ProblemList problems={result.problems} />
          ) : null}
        </div>
      ) : null}
      {history.some((revision) => revision.comment) ? (
        <ul className="editor-history">
          {history
            .filter((revision) => revision.comment)
            .map((revision) => (
              <li key={revision.id}>
                <a href={localizedPath(language, `/review/${revision.id}`)}>#{revision.id}</a> · {t(`statuses.${revision.status}`)}: {revision.comment}
              </li>
            ))}
        </ul>
      ) : null}
      <div className="editor">
        <form method="post" className="staff-form editor__form">
          <label htmlFor="content">{t("editor.markdown")}</label>
          <textarea id="content" name="content" rows={30} lang={contentLanguage} defaultValue={result?.content || content} maxLength={maximumLength} spellCheck />
          <p className="filters__actions">
            <button type="submit" name="intent" value="preview" className="button--secondary">
              {t("editor.preview")}
            </button>
            <button type="submit" name="intent" value="save">
              {t("editor.save")}
            </button>
          </p>
        </form>
        {result?.preview ? (
          <section className="editor__preview" aria-label={t("editor.preview")}>
            <RevisionPreview views={result.preview} />
          </section>
        ) : null}
      </div>
    </>
  );
}
