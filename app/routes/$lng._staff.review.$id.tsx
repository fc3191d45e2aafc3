import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requirePermission, requireSameOrigin } from "~/auth/access.server";
import { can } from "~/auth/policy";
import { ReviewChangeSize, ReviewDiff } from "~/components/ReviewDiff";
import { ProblemList } from "~/components/ProblemList";
import { RevisionPreview } from "~/components/RevisionPreview";
import { StaffNav } from "~/components/StaffNav";
import { invalidateCatalogue } from "~/publication/catalogue.server";
import { problemTexts } from "~/review/problem-texts.server";
import { clientAddress } from "~/http/context";
import { formatReviewMoment } from "~/i18n/format";
import { translator } from "~/i18n/i18n.server";
import { languageNames } from "~/i18n/languages";
import { decide } from "~/review/review.server";
import { ReviewConflict, ReviewRejected } from "~/review/review-errors";
import { previewViews, requireRevision, staffUserView } from "~/review/staff-page.server";
import { diffView } from "~/review/diff-view";
import { titleOf } from "~/review/lesson-titles.server";
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
  // Against the revision it replaced (or would replace): an approved revision keeps showing what it changed.
  const diff = diffView(revision.replaced, revision, revision.language);
  const { content: _content, publishedContent: _published, replaced, lesson: _lesson, document: _document, ...shown } = revision;
  return data(
    {
      language,
      user: staffUserView(user),
      revision: {
        ...shown,
        problems: await problemTexts(revision.problems, language),
        affectedTranslations: await Promise.all(
          revision.affectedTranslations.map(async (entry) => ({ language: entry.language, differences: await problemTexts(entry.differences, language) })),
        ),
        replaced: replaced === null ? null : { id: replaced.id },
      },
      lessonTitle: titleOf(revision.content) ?? revision.slug,
      preview: previewViews(revision.lesson, revision.document),
      diff,
      metadataDiff: revision.metadataChange === null ? null : diffView({ id: 0, content: revision.metadataChange.now }, { id: revision.id, content: revision.metadataChange.proposed }, "en"),
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
  const { language, user, revision, lessonTitle, diff, metadataDiff, canDecide, decided, title, preview } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("review");
  const created = formatReviewMoment(revision.createdAt, language);
  const decidedAt = revision.decidedAt ? formatReviewMoment(revision.decidedAt, language) : null;
  const status = t(`statuses.${revision.status}`);
  const base = localizedPath(language, `/review/${revision.id}`);
  const historyPath = localizedPath(language, `/review/history/${revision.slug}/${revision.language}`);
  const blocked = revision.problems.length > 0;
  // What the diff is against, said for the revision's state: still to decide, approved, or sent back.
  const changesHeading = revision.status === "approved" ? "revision.changedHeading" : "revision.changes";
  const changesIntro =
    revision.status === "in_review" ? "revision.changesIntro" : revision.status === "approved" ? "revision.changesIntroApproved" : "revision.changesIntroEarlier";
  return (
    <>
      <StaffNav user={user} language={language} />
      <h1>{title}</h1>
      <p className="lead">
        <span lang={revision.language}>{lessonTitle}</span> — <span lang={revision.language}>{languageNames[revision.language]}</span>
      </p>
      <p>
        {revision.author === null
          ? t("revision.importedMeta", { date: created, status })
          : t("revision.meta", { author: revision.author, date: created, status })}
      </p>
      {decidedAt ? <p>{revision.decidedBy === null ? t("revision.decidedOnImport", { date: decidedAt }) : t("revision.decided", { by: revision.decidedBy, date: decidedAt })}</p> : null}
      <p className="revision-links">
        <a href={historyPath}>{t("revision.historyLink", { language: languageNames[revision.language] })}</a>
      </p>
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
      {blocked ? (
        <div className="form-errors" id="revision-problems">
          <p>{t("revision.problems")}</p>
          <ProblemList problems={revision.problems} />
        </div>
      ) : null}

      {revision.status === "in_review" && revision.affectedTranslations.length > 0 ? (
        <section className="notice affected-translations" aria-labelledby="affected-translations">
          <h2 id="affected-translations">{t("revision.affectedTitle")}</h2>
          <p>{t("revision.affectedIntro")}</p>
          <ul>
            {revision.affectedTranslations.map((entry) => (
              <li key={entry.language}>
                <strong>{languageNames[entry.language]}</strong>
                {entry.differences.length > 0 ? (
                  <>
                    {" "}
                    — {t("revision.affectedDiffers")}
                    <ProblemList problems={entry.differences} />
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {/* First what changes, then the decision: a reviewer decides on what they have just read. */}
      <section className="revision-changes" aria-labelledby="revision-changes">
        <h2 id="revision-changes">
          {t(changesHeading)} {diff.baseRevisionId !== null ? <ReviewChangeSize size={diff.size} /> : null}
        </h2>
        {diff.baseRevisionId !== null && diff.changed ? <p>{t(changesIntro, { base: diff.baseRevisionId })}</p> : null}
        <ReviewDiff view={diff} />
        {metadataDiff ? (
          <>
            <h3>{t("revision.metadataChange")}</h3>
            <div data-metadata-diff="">
              <ReviewDiff view={metadataDiff} labels={{ before: t("diff.metadataNow"), after: t("diff.metadataProposed") }} />
            </div>
          </>
        ) : null}
      </section>

      {canDecide && revision.status === "in_review" ? (
        <form method="post" className="staff-form decision-form">
          <h2>{t("revision.decide")}</h2>
          <p>
            <label htmlFor="comment">{t("revision.commentLabel")}</label>
            <textarea id="comment" name="comment" rows={3} maxLength={5000} />
          </p>
          <div className="decision-form__actions">
            <button type="submit" name="intent" value="approve" disabled={blocked} aria-describedby={blocked ? "approve-blocked" : undefined}>
              {t("revision.approve")}
            </button>
            <button type="submit" name="intent" value="request-changes" className="button--secondary">
              {t("revision.requestChanges")}
            </button>
            {blocked ? (
              <p id="approve-blocked" className="decision-form__why">
                {t("revision.approveBlocked")} <a href="#revision-problems">{t("revision.approveBlockedLink")}</a>
              </p>
            ) : null}
          </div>
        </form>
      ) : user.role === "reviewer" && revision.status === "in_review" ? (
        <p className="notice">{t(user.languages.includes(revision.language) ? "revision.ownRevision" : "revision.notYourLanguage")}</p>
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
