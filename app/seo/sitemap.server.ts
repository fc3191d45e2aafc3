// Every public URL in every language, with its hreflang alternates (sitemaps.org + xhtml:link).
import { getCatalogue } from "~/publication/catalogue.server";
import { defaultLanguage, languages, type Language } from "~/i18n/languages";
import { localizedPath } from "./document-meta";

interface SitemapPage {
  path: string;
  languages: readonly Language[];
}

async function publicPages(): Promise<SitemapPage[]> {
  const pages: SitemapPage[] = [
    { path: "/", languages },
    { path: "/lessons", languages },
    { path: "/books", languages },
    { path: "/packs", languages },
    { path: "/help", languages },
    { path: "/offline", languages },
  ];
  for (const lesson of (await getCatalogue()).lessons) {
    const available = languages.filter((language) => lesson.documents[language]);
    pages.push({ path: `/lessons/${lesson.slug}`, languages: available });
    pages.push({ path: `/lessons/${lesson.slug}/teacher`, languages: available });
  }
  return pages;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export async function sitemapXml(origin: string): Promise<string> {
  const entries = (await publicPages()).flatMap((page) =>
    page.languages.map((language) => {
      // The same x-default as the pages' own alternates: Georgian, else the first language the page has.
      const xDefault = page.languages.includes(defaultLanguage) ? defaultLanguage : page.languages[0]!;
      const alternates = [...page.languages.map((code) => [code, code] as const), ["x-default", xDefault] as const]
        .map(([hreflang, code]) => `    <xhtml:link rel="alternate" hreflang="${hreflang}" href="${escapeXml(origin + localizedPath(code, page.path))}"/>`)
        .join("\n");
      return `  <url>\n    <loc>${escapeXml(origin + localizedPath(language, page.path))}</loc>\n${alternates}\n  </url>`;
    }),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries.join("\n")}\n</urlset>\n`;
}
