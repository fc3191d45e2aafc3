// Document labels in one language, from the same locale files as the web pages.
import { config } from "~/config.server";
import type { LessonSummary } from "~/content/views";
import { formatGrades } from "~/i18n/format";
import { translator } from "~/i18n/i18n.server";
import type { Language } from "~/i18n/languages";
import { withUnbreakablePhoneNumbers } from "~/content/phone-numbers";
import { helpLine } from "~/layout/navigation";
import type { DocumentLabels, LessonPage } from "./lesson-parts";

const cache = new Map<Language, DocumentLabels>();

/** The portal's public address as printed in the colophon (configuration, never a request's Host). */
export function printedOrigin(): string {
  return config().publicOrigin ?? "";
}

/**
 * A lesson's page in a language, full address, for the QR code on its plan (the teacher page), handout
 * and materials (the lesson page); null without a configured origin.
 */
export function lessonPageAddress(language: Language, slug: string, page: LessonPage): string | null {
  const origin = printedOrigin();
  if (!origin) return null;
  return `${origin}/${language}/lessons/${encodeURIComponent(slug)}${page === "teacher" ? "/teacher" : ""}`;
}

/** Where a teacher checks a printed or downloaded copy: the full address, to type or to scan. */
export function verifyAddress(language: Language): string {
  return `${printedOrigin()}/${language}/verify`;
}

export async function documentLabels(language: Language): Promise<DocumentLabels> {
  const cached = cache.get(language);
  if (cached) return cached;
  const [lessons, documents, help, common, review] = await Promise.all([
    translator(language, "lessons"),
    translator(language, "documents"),
    translator(language, "help"),
    translator(language, "common"),
    translator(language, "review"),
  ]);
  const labels: DocumentLabels = {
    language,
    sections: {
      objectives: lessons("sections.objectives"),
      materials: lessons("sections.materials"),
      activities: lessons("sections.activities"),
      reading: lessons("sections.reading"),
      discussion: lessons("sections.discussion"),
      quiz: lessons("sections.quiz"),
      teacherNotes: lessons("sections.teacherNotes"),
      safeguarding: lessons("sections.safeguarding"),
    },
    plan: { start: lessons("plan.start"), activity: lessons("plan.activity"), minutes: lessons("plan.minutes"), total: lessons("plan.total") },
    lessonPlan: documents("lessonPlan"),
    materials: documents("materials"),
    cutHint: documents("cutHint"),
    studentTask: lessons("activity.studentTask"),
    handout: documents("handout"),
    answerKey: documents("answerKey"),
    activityPlan: documents("activityPlan"),
    facts: (lesson: LessonSummary) =>
      documents("facts", { number: lesson.number, grades: formatGrades(lesson.grades, language), minutes: lesson.minutes }),
    minutes: (count: number) => lessons("lesson.minutes", { count }),
    rightAnswer: (answer: string) => documents("rightAnswer", { answer }),
    helpLine: { title: common("helpLine.title"), number: withUnbreakablePhoneNumbers(helpLine.display), hours: common("helpLine.hours"), emergency: common("helpLine.emergency") },
    help: {
      title: help("title"),
      lead: help("lead"),
      callText: help("callText"),
      emergencyTitle: help("emergencyTitle"),
      emergencyText: help("emergencyText"),
      whatTitle: help("whatTitle"),
      whatText: help("whatText"),
      whereTitle: help("whereTitle"),
      where: [help("whereStateFund"), help("wherePolice"), help("whereIom")],
      friendTitle: help("friendTitle"),
      friendText: help("friendText"),
    },
    footer: withUnbreakablePhoneNumbers(documents("footer")),
    colophon: {
      title: review("colophon.title"),
      approved: (entries: string) => review("colophon.approved", { entries }),
      entry: (values) => review("colophon.entry", values),
      // The verify page in the document's language: it takes the PDF itself and computes its SHA-256.
      address: verifyAddress(language),
      verify: documents("print.verify", { address: verifyAddress(language) }),
    },
    print: {
      blankPage: documents("print.blankPage"),
      // Layout puts the number in: "{page}" survives i18next (escaping is off, and it is no {{placeholder}}).
      position: documents("print.position", { page: "{page}" }),
      draft: documents("print.draft"),
    },
    lessonPage: { address: (slug, page) => lessonPageAddress(language, slug, page), caption: documents("print.lessonCode") },
    book: {
      siteName: common("site.name"),
      student: documents("studentBook"),
      teacher: documents("teacherBook"),
      pack: documents("pack"),
      contents: documents("contents"),
      coverSubtitle: documents("coverSubtitle"),
      coverLanguage: documents("coverLanguage"),
      subject: documents("subject"),
      keywords: documents("keywords").split(",").map((keyword: string) => keyword.trim()),
    },
  };
  cache.set(language, labels);
  return labels;
}
