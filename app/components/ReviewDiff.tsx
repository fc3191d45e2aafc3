import { useTranslation } from "react-i18next";
import type { ChangeSize } from "~/review/word-diff";
import type { DiffBlock, DiffView, ViewPart } from "~/review/diff-view";

/**
 * Words added and removed, short ("+12 / −3") for the eye and as a sentence for a screen reader.
 */
export function ReviewChangeSize({ size }: { size: ChangeSize }) {
  const { t } = useTranslation("review");
  return (
    <span className="diff-size">
      <span aria-hidden="true">
        <span className="diff-size__added">+{size.added}</span> / <span className="diff-size__removed">−{size.removed}</span>
      </span>
      <span className="visually-hidden">
        {t("diff.wordsAdded", { count: size.added })}, {t("diff.wordsRemoved", { count: size.removed })}
      </span>
    </span>
  );
}

function Parts({ parts, side }: { parts: ViewPart[]; side: "old" | "new" | "inline" }) {
  return (
    <>
      {parts.map((part, index) => {
        if (part.kind === "skip") return <span key={index} className="review-diff__skip">…</span>;
        if (part.kind === "added") return side === "old" ? null : <ins key={index}>{part.text}</ins>;
        if (part.kind === "removed") return side === "new" ? null : <del key={index}>{part.text}</del>;
        return <span key={index}>{part.text}</span>;
      })}
    </>
  );
}

function Line({ block, language }: { block: Extract<DiffBlock, { kind: "line" }>; language: string }) {
  return (
    <div className={block.changed ? "review-diff__line review-diff__line--changed" : "review-diff__line"} lang={language}>
      {/* Side by side on a wide screen, one inline column on a phone: CSS shows one of the two. */}
      <div className="review-diff__old" data-line={block.oldLine ?? undefined}>
        <Parts parts={block.parts} side="old" />
      </div>
      <div className="review-diff__new" data-line={block.newLine ?? undefined}>
        <Parts parts={block.parts} side="new" />
      </div>
      <div className="review-diff__inline">
        <Parts parts={block.parts} side="inline" />
      </div>
    </div>
  );
}

/**
 * A revision's word diff against the revision it replaced: old and new side by side on a wide screen,
 * inline on a phone; the changed lines with a line of context, the rest folded into gaps.
 */
export function ReviewDiff({ view, labels }: { view: DiffView; labels?: { before: string; after: string } }) {
  const { t } = useTranslation("review");
  if (view.baseRevisionId === null) return <p className="review-diff__note">{t("diff.allNew", { count: view.size.added })}</p>;
  if (!view.changed) return <p className="review-diff__note">{t("diff.unchanged", { base: view.baseRevisionId })}</p>;
  return (
    <div className="review-diff" data-base={view.baseRevisionId} data-revision={view.revisionId}>
      <p className="review-diff__legend">
        <span className="review-diff__heading review-diff__heading--old">{labels?.before ?? t("diff.before", { id: view.baseRevisionId })}</span>
        <span className="review-diff__heading review-diff__heading--new">{labels?.after ?? t("diff.after", { id: view.revisionId })}</span>
        <span className="review-diff__key">
          <del>{t("diff.removedKey")}</del> <ins>{t("diff.addedKey")}</ins>
        </span>
      </p>
      {view.blocks.map((block, index) =>
        block.kind === "gap" ? (
          <p key={index} className="review-diff__gap">
            {t("diff.gap", { count: block.lines })}
          </p>
        ) : (
          <Line key={index} block={block} language={view.language} />
        ),
      )}
    </div>
  );
}
