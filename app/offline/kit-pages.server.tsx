// The classroom kit's pages: the public pages' own components (home, catalogue, each lesson for students
// and for teachers, books, help) in the kit's layout, rendered to static HTML with relative links.
// What needs the server is left out: search and filters (the catalogue is a plain list), the pack
// builder, sign-in, the language switcher.
import { createInstance, type TFunction } from "i18next";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { ClassroomKitPage } from "~/components/ClassroomKitPage";
import { HelpContent } from "~/components/HelpContent";
import { HomeContent } from "~/components/HomeContent";
import { LessonCard } from "~/components/LessonCard";
import { StudentLessonPage, TeacherLessonPage } from "~/components/LessonPages";
import { studentLessonView, teacherLessonView } from "~/content/views";
import { formatFileSize } from "~/i18n/format-size";
import { i18nextOptions } from "~/i18n/i18next-options";
import type { Language } from "~/i18n/languages";
import { allResources } from "~/i18n/resources.server";
import { getLessonDocument, listLessons } from "~/publication/catalogue.server";
import { localizedPath } from "~/seo/document-meta";
import { formatEditionDate, type OfflineEdition } from "./edition.server";
import { kitFileOf, kitLinks, relativePath } from "./kit-paths";

export interface KitPage {
  /** Where the page lives in the kit: "index.html", "lessons/safe-online/teacher/index.html", … */
  file: string;
  html: string;
}

interface KitPageOptions {
  /** The portal online, for the footer and the links to what only the portal has; null when unknown. */
  origin: string | null;
  /** The kit's stylesheet, from the kit's root ("assets/app-….css"). */
  stylesheet: string;
  /** Bytes of each PDF by its portal path, when known: the teacher and books pages show sizes. */
  pdfSizes: Map<string, number> | null;
}

async function translation(language: Language) {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({ ...i18nextOptions, lng: language, resources: allResources });
  return i18n;
}

export async function renderKitPages(edition: OfflineEdition, { origin, stylesheet, pdfSizes }: KitPageOptions): Promise<KitPage[]> {
  const { language } = edition;
  const i18n = await translation(language);
  const t = i18n.getFixedT(language) as TFunction;
  const size = (path: string) => {
    const bytes = pdfSizes?.get(localizedPath(language, path));
    return bytes === undefined ? null : formatFileSize(bytes, language);
  };
  const pages: KitPage[] = [];
  const render = (path: string, title: string, body: ReactElement) => {
    const file = kitFileOf(language, localizedPath(language, path))!;
    const markup = renderToStaticMarkup(
      <I18nextProvider i18n={i18n}>
        <ClassroomKitPage
          language={language}
          title={title}
          path={path}
          stylesheet={relativePath(file, stylesheet)}
          edition={{ version: edition.version, date: formatEditionDate(edition) }}
          origin={origin}
        >
          {body}
        </ClassroomKitPage>
      </I18nextProvider>,
    );
    pages.push({ file, html: kitLinks(`<!DOCTYPE html>${markup}`, { language, file, origin }) });
  };

  const lessons = await listLessons(language);
  render("/", t("lessons:home.title"), <HomeContent language={language} lessons={lessons} />);
  render(
    "/lessons",
    t("lessons:catalogue.title"),
    <>
      <h1>{t("lessons:catalogue.title")}</h1>
      <p className="lead">{t("offline:kitPages.catalogue")}</p>
      <p>{t("lessons:catalogue.count", { count: lessons.length })}</p>
      <ul className="lesson-cards">
        {lessons.map((lesson) => (
          <LessonCard key={lesson.slug} lesson={lesson} language={language} />
        ))}
      </ul>
    </>,
  );
  for (const summary of lessons) {
    const found = await getLessonDocument({ slug: summary.slug, language });
    if (!found) continue;
    const path = `/lessons/${summary.slug}`;
    // The quiz checks itself with JavaScript; its form names its own file, so that without JavaScript
    // a press only opens the page again.
    render(path, found.document.title, <StudentLessonPage lesson={studentLessonView(found.lesson, found.document)} quiz={{ action: "index.html" }} />);
    const materialsSize = size(`${path}/materials.pdf`);
    const materials =
      found.document.printables.length > 0
        ? {
            href: localizedPath(language, `${path}/materials.pdf`),
            label: materialsSize ? t("documents:downloads.materials", { size: materialsSize }) : t("documents:downloads.materialsWithoutSize"),
          }
        : null;
    render(`${path}/teacher`, `${found.document.title} — ${t("lessons:lesson.teacherView")}`, <TeacherLessonPage lesson={teacherLessonView(found.lesson, found.document)} materials={materials} />);
  }
  render(
    "/books",
    t("documents:books.title"),
    <>
      <h1>{t("documents:books.title")}</h1>
      <p className="lead">{t("documents:books.intro")}</p>
      <ul className="lesson-cards">
        {(["student", "teacher"] as const).map((kind) => {
          const title = t(kind === "student" ? "documents:studentBook" : "documents:teacherBook");
          const bookSize = size(`/books/${kind}.pdf`);
          return (
            <li key={kind} className="lesson-card">
              <h2>{title}</h2>
              <p>{t(kind === "student" ? "documents:books.studentDescription" : "documents:books.teacherDescription")}</p>
              <p>
                <a className="button" href={localizedPath(language, `/books/${kind}.pdf`)}>
                  {bookSize ? t("documents:books.download", { title, size: bookSize }) : t("documents:books.downloadWithoutSize", { title })}
                </a>
              </p>
            </li>
          );
        })}
      </ul>
    </>,
  );
  render("/help", t("help:title"), <HelpContent />);
  return pages;
}
