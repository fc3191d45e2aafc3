import { useTranslation } from "react-i18next";
import type { Printable } from "~/content/document";
import type { Language } from "~/i18n/languages";
import { LessonBody, printableAnchor } from "./LessonBody";

/** The lesson's printable materials as the teacher previews them: cards framed as they will be cut, sheets whole. */
export function Printables({ printables, language, download }: { printables: Printable[]; language: Language; download: { href: string; label: string } | null }) {
  const { t } = useTranslation("lessons");
  if (printables.length === 0) return null;
  return (
    <section id="printables" aria-labelledby="printables-heading">
      <h2 id="printables-heading">{t("sections.printables")}</h2>
      {download ? (
        <p>
          <a href={download.href}>{download.label}</a>
        </p>
      ) : null}
      {printables.map((printable) => (
        <div key={printable.id} id={printableAnchor(printable.id)} className="printable">
          <h3>
            {printable.title}{" "}
            <span className="activity__minutes">
              {printable.kind === "cards" ? t("printables.cards", { count: printable.items.length }) : t("printables.sheet")}
            </span>
          </h3>
          {printable.kind === "cards" ? (
            <ul className="printable__cards">
              {printable.items.map((card, index) => (
                <li key={index} className="printable__card">
                  <LessonBody nodes={card} language={language} sectionHeadingLevel={4} />
                </li>
              ))}
            </ul>
          ) : (
            <div className="printable__sheet">
              <LessonBody nodes={printable.items[0] ?? []} language={language} sectionHeadingLevel={2} />
            </div>
          )}
        </div>
      ))}
    </section>
  );
}
