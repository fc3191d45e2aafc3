import { useTranslation } from "react-i18next";
import type { Topic } from "~/content/topics";
import type { Language } from "~/i18n/languages";
import { helpLine } from "~/layout/navigation";

/**
 * A short, calm note at the top of a student lesson: what it is about (its topics), that a student may
 * step out and talk to a trusted adult, and the help line. Oak National Academy's content guidance is the
 * model. The topics are a plain list after a colon, so that no language has to inflect them.
 */
export function ContentNote({ topics, language }: { topics: readonly Topic[]; language: Language }) {
  const { t } = useTranslation(["common", "topics"]);
  // Commas only: a topic's name may itself hold an "and" ("Law and rights"), and ICU's list patterns add
  // another (or, in Armenian, drop the commas). Mid-sentence, a name starts in lower case (no topic name
  // begins with a proper noun).
  const topicList = topics
    .map((topic) => t(`topics:${topic}`))
    .map((name) => name.charAt(0).toLocaleLowerCase(language) + name.slice(1))
    .join(", ");
  return (
    <aside className="content-note" aria-label={t("contentNote.label")}>
      <p>
        <strong>{t("contentNote.label")}</strong>
        <br />
        {t("contentNote.topics", { topics: topicList })} {t("contentNote.text")}
      </p>
      {/* Lines, not punctuation of ours: a colon or a full stop differs from language to language. */}
      <p>
        {t("helpLine.title")} <a href={`tel:${helpLine.telephone}`}>{helpLine.display}</a>
        <br />
        {t("helpLine.hours")}
        <br />
        <a href={`tel:${helpLine.emergency}`}>{t("helpLine.emergency")}</a>
      </p>
    </aside>
  );
}
