import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requirePermission, requireSameOrigin } from "~/auth/access.server";
import { can } from "~/auth/policy";
import { RevisionPreview } from "~/components/RevisionPreview";
import { StaffNav } from "~/components/StaffNav";
import { invalidateCatalogue } from "~/publication/catalogue.server";
import { formatProblem } from "~/content/document";
import { clientAddress } from "~/http/context";
import { translator } from "~/i18n/i18n.server";
import { languageNames } from "~/i18n/languages";
import { decide } from "~/review/review.server";
import { ReviewConflict, ReviewRejected } from "~/review/review-errors";
import { previewViews, requireRevision, staffUserView } from "~/review/staff-page.server";
import { wordDiff } from "~/review/word-diff";
import { localizedPath } from "~/seo/document-meta";
import { readForm } from "~/http/forms.server";

const decisionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve"), comment: z.string().max(5000).optional() }),
  z.object({ intent: z.literal("request-changes"), comment: z.string().trim().max(5000) }),
]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { language, user, revision } = await requireRevision(request, params);
  const t = await translator(language, "review");
  const decided = new URL(request.url).searchParams.get("decided");
  return data(
    {
      language,
      user: staffUserView(user),
      revision: { ...revision, lesson: null, document: null, problems: revision.problems.map(formatProblem) },
      preview: previewViews(revision.lesson, revision.document),
      diff: revision.publishedContent === null ? null : wordDiff(revision.publishedContent, revision.content),
      metadataDiff: revision.metadataChange === null ? null : wordDiff(revision.metadataChange.now, revision.metadataChange.proposed),
      canDecide: can(user, "revision.decide", revision),
      decided: decided === "approved" || decided === "changes_requested" ? decided : null,
      title: t("revision.title", { id: revision.id }),
    },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }, { name: "robots", content: "noindex" }];

export async function action({ request, params, context }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const { language, user, revision } = await requireRevision(request, params);
  requirePermission(user, "revision.decide", revision);
  const t = await translator(language, "review");
  const form = decisionSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!form.success) return data({ error: t("revision.commentRequired") }, { status: 400 });
  if (form.data.intent === "request-changes" && form.data.comment.length === 0) {
    return data({ error: t("revision.commentRequired") }, { status: 400 });
  }
  try {
    await decide(revision.id,
      user,
      form.data.intent === "approve" ? { kind: "approve" } : { kind: "request-changes", comment: form.data.comment },
      clientAddress(context),
    );
  } catch (error) {
    if (error instanceof ReviewConflict) return data({ error: t("revision.alreadyDecided") }, { status: 409 });
    if (error instanceof ReviewRejected) {
      const status = error.problems.length > 0 ? 422 : 403;
      return data({ error: error.problems.length > 0 ? t("revision.problems") : t("revision.ownRevision") }, { status });
    }
    throw error;
  }
  // An approval is visible to the next request.
  if (form.data.intent === "approve") invalidateCatalogue();
  const decided = form.data.intent === "approve" ? "approved" : "changes_requested";
  return redirect(`${localizedPath(language, `/review/${revision.id}`)}?decided=${decided}`, { status: 303 });
}

export default function Revision() {
  const { language, user, revision, diff, metadataDiff, canDecide, decided, title, preview } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("review");
  const date = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Tbilisi" });
  const base = localizedPath(language, `/review/${revision.id}`);
  return (
    <>
      <StaffNav user={user} language={language} />
      <h1>{title}</h1>
      <p className="lead">{t("revision.lessonLanguage", { lesson: revision.slug, language: languageNames[revision.language] })}</p>
      <p>{t("revision.meta", { author: revision.author, date: date.format(new Date(revision.createdAt)), status: t(`statuses.${revision.status}`) })}</p>
      {revision.decidedAt ? <p>{t("revision.decided", { by: revision.decidedBy, date: date.format(new Date(revision.decidedAt)) })}</p> : null}
      {decided ? (
        <p className="notice" role="status">
          {t(decided === "approved" ? "revision.approved" : "revision.changesRequested")}
        </p>
      ) : null}
      {result?.error ? (
        <p className="form-errors" role="alert">
          {result.error}
        </p>
      ) : null}
      {revision.comment ? (
        <blockquote>
          <strong>{t("revision.comment")}:</strong> {revision.comment}
        </blockquote>
      ) : null}
      {revision.language !== revision.sourceLanguage && revision.follows ? (
        <p className={revision.follows === revision.currentSourceRevisionId ? "notice" : "form-errors"} data-follows={revision.follows}>
          {t("revision.translation", { follows: revision.follows })}{" "}
          {revision.follows === revision.currentSourceRevisionId ? t("revision.translationCurrent") : t("revision.translationOutdated", { current: revision.currentSourceRevisionId })}
        </p>
      ) : null}
      {revision.problems.length > 0 ? (
        <div className="form-errors">
          <p>{t("revision.problems")}</p>
          <ul>
            {revision.problems.map((problem) => (
              <li key={problem}>
                <code>{problem}</code>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {canDecide && revision.status === "in_review" ? (
        <form method="post" className="staff-form decision-form">
          <h2>{t("revision.decide")}</h2>
          <p>
            <label htmlFor="comment">{t("revision.commentLabel")}</label>
            <textarea id="comment" name="comment" rows={3} maxLength={5000} />
          </p>
          <p className="filters__actions">
            <button type="submit" name="intent" value="approve" disabled={revision.problems.length > 0}>
              {t("revision.approve")}
            </button>
            <button type="submit" name="intent" value="request-changes" className="button--secondary">
              {t("revision.requestChanges")}
            </button>
          </p>
        </form>
      ) : user.role === "reviewer" && revision.status === "in_review" ? (
        <p className="notice">{t(user.languages.includes(revision.language) ? "revision.ownRevision" : "revision.notYourLanguage")}</p>
      ) : null}

      <h2>{t("revision.changes")}</h2>
      {diff === null ? (
        <p>{t("revision.noPublished")}</p>
      ) : diff.every((part) => part.kind === "same") ? (
        <p>{t("revision.unchanged")}</p>
      ) : (
        <>
          <p>{t("revision.changesIntro")}</p>
          <pre className="word-diff" lang={revision.language}>
            {diff.map((part, index) =>
              part.kind === "added" ? (
                <ins key={index}>{part.text}</ins>
              ) : part.kind === "removed" ? (
                <del key={index}>{part.text}</del>
              ) : (
                <span key={index}>{part.text.length > 400 ? `${part.text.slice(0, 180)} … ${part.text.slice(-180)}` : part.text}</span>
              ),
            )}
          </pre>
        </>
      )}

      {metadataDiff ? (
        <>
          <h3>{t("revision.metadataChange")}</h3>
          <pre className="word-diff" data-metadata-diff="">
            {metadataDiff.map((part, index) =>
              part.kind === "added" ? <ins key={index}>{part.text}</ins> : part.kind === "removed" ? <del key={index}>{part.text}</del> : <span key={index}>{part.text}</span>,
            )}
          </pre>
        </>
      ) : null}

      {preview ? (
        <>
          <h2>{t("revision.pdfs")}</h2>
          <ul className="downloads">
            <li>
              <a href={`${base}/plan.pdf`}>{t("revision.planPdf")}</a>
            </li>
            <li>
              <a href={`${base}/handout.pdf`}>{t("revision.handoutPdf")}</a>
            </li>
          </ul>
          <h2>{t("revision.preview")}</h2>
          <RevisionPreview views={preview} />
        </>
      ) : null}
    </>
  );
}
