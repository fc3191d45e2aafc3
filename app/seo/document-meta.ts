// Title, description, canonical link and hreflang alternates of a public page.
import type { MetaDescriptor } from "@remix-run/node";
import { defaultLanguage, languages, type Language } from "~/i18n/languages";

interface DocumentMetaInput {
  title: string;
  description: string;
  /** e.g. https://lessons.example.ge, without a trailing slash. */
  origin: string;
  language: Language;
  /** The page's path after the language prefix: "/" for home, "/lessons/what-is-trafficking", … */
  path: string;
  /** Languages in which this page exists (a lesson may lack a translation). */
  availableLanguages?: readonly Language[];
}

export function localizedPath(language: Language, path: string): string {
  return `/${language}${path.startsWith("/") ? path : `/${path}`}`;
}

export function documentMeta({ title, description, origin, language, path, availableLanguages = languages }: DocumentMetaInput): MetaDescriptor[] {
  const url = (code: Language) => `${origin}${localizedPath(code, path)}`;
  const xDefault = availableLanguages.includes(defaultLanguage) ? defaultLanguage : availableLanguages[0] ?? language;
  return [
    { title },
    { name: "description", content: description },
    { property: "og:title", content: title },
    { property: "og:description", content: description },
    { tagName: "link", rel: "canonical", href: url(language) },
    ...availableLanguages.map((code) => ({ tagName: "link", rel: "alternate", hrefLang: code, href: url(code) })),
    { tagName: "link", rel: "alternate", hrefLang: "x-default", href: url(xDefault) },
  ];
}

