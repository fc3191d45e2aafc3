// A language's offline edition: the public pages and PDFs a reader can save in that language, and the
// version of the published content they show. The service worker saves and refreshes its copy from this
// list (the manifest), the classroom kit packs the same lessons, and both name the version and its date.
import { createHash } from "node:crypto";
import { tbilisiDay } from "~/i18n/format";
import type { Language } from "~/i18n/languages";
import { allResources } from "~/i18n/resources.server";
import { getCatalogue, type Catalogue } from "~/publication/catalogue.server";
import { localizedPath } from "~/seo/document-meta";
import stylesheet from "~/styles/app.css?url";

/** Bump when what an edition holds, or how the kit lays it out, changes: it is part of the version. */
const editionFormat = 1;

export type OfflinePdf =
  | { kind: "plan" | "handout" | "materials"; slug: string; path: string }
  | { kind: "student" | "teacher"; path: string };

export interface OfflineEdition {
  language: Language;
  /** Changes with every approval in this language, and with the UI strings and stylesheet its pages use. */
  version: string;
  /** The newest approval among the lessons in this language (ISO 8601): the date the edition shows. */
  approvedAt: string | null;
  lessons: { slug: string; title: string; hasMaterials: boolean }[];
  /** The pages a reader saves: home, catalogue, every lesson's student and teacher pages, books, help, this page. */
  pages: string[];
  pdfs: OfflinePdf[];
  /** The stylesheet the pages link to (hashed by the build). */
  stylesheet: string;
}

/**
 * One edition per language for each catalogue: the catalogue object changes with every approval, and the
 * UI strings and stylesheet never change while the server runs. The worker asks for the version at every
 * reader's visit: it is worked out once, not at each request.
 */
const editions = new WeakMap<Catalogue, Map<Language, OfflineEdition>>();

export async function offlineEdition(language: Language): Promise<OfflineEdition> {
  const catalogue = await getCatalogue();
  let ofCatalogue = editions.get(catalogue);
  if (!ofCatalogue) {
    ofCatalogue = new Map();
    editions.set(catalogue, ofCatalogue);
  }
  let edition = ofCatalogue.get(language);
  if (!edition) {
    edition = editionOf(catalogue, language);
    ofCatalogue.set(language, edition);
  }
  return edition;
}

function editionOf(catalogue: Catalogue, language: Language): OfflineEdition {
  const published = catalogue.lessons.flatMap((lesson) => {
    const document = lesson.documents[language];
    return document ? [{ lesson, document, revision: lesson.published[language] }] : [];
  });
  // What the pages of this language show: which revision of each lesson, the UI strings, the stylesheet.
  const signature = JSON.stringify({
    editionFormat,
    language,
    lessons: published.map(({ lesson, revision }) => [lesson.slug, revision?.revisionId ?? null]),
    strings: allResources[language],
    stylesheet,
  });
  const version = createHash("sha256").update(signature).digest("hex").slice(0, 10);
  const approvals = published.flatMap(({ revision }) => (revision ? [revision.approvedAt] : [])).sort();
  const lessons = published.map(({ lesson, document }) => ({ slug: lesson.slug, title: document.title, hasMaterials: document.printables.length > 0 }));
  const path = (rest: string) => localizedPath(language, rest);
  return {
    language,
    version,
    approvedAt: approvals.at(-1) ?? null,
    lessons,
    pages: [
      path("/"),
      path("/lessons"),
      ...lessons.flatMap(({ slug }) => [path(`/lessons/${slug}`), path(`/lessons/${slug}/teacher`)]),
      path("/books"),
      path("/help"),
      path("/offline"),
    ],
    pdfs: [
      ...lessons.flatMap(({ slug, hasMaterials }): OfflinePdf[] => [
        { kind: "plan", slug, path: path(`/lessons/${slug}/plan.pdf`) },
        { kind: "handout", slug, path: path(`/lessons/${slug}/handout.pdf`) },
        ...(hasMaterials ? [{ kind: "materials" as const, slug, path: path(`/lessons/${slug}/materials.pdf`) }] : []),
      ]),
      { kind: "student", path: path("/books/student.pdf") },
      { kind: "teacher", path: path("/books/teacher.pdf") },
    ],
    stylesheet,
  };
}

/** The edition's day in Georgia, "2026-11-12": in file names, and the zip's entry times. */
export function editionDay(edition: OfflineEdition): string {
  return edition.approvedAt ? tbilisiDay(edition.approvedAt) : "2000-01-01";
}

/** The edition's date as a reader reads it, in the page's language. */
export function formatEditionDate(edition: OfflineEdition): string {
  if (!edition.approvedAt) return "—";
  return new Intl.DateTimeFormat(edition.language, { dateStyle: "long", timeZone: "Asia/Tbilisi" }).format(new Date(edition.approvedAt));
}
