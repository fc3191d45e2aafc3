// Forgiving addresses: what people type or paste is led to the page they meant, before a 404.
// - a language code or path in the wrong case: 301 to the lower-case address (/KA/lessons, /ka/lessons/Safe-Online);
// - the country codes people type for a language: /ge/ → /ka/, /am/ → /hy/ (301);
// - any other language code (/ru/, /tr/, /en-US/): 302 to the reader's negotiated language, keeping the
//   rest of the path when that page exists there (otherwise the language's home page).
// Every address of the portal is lower case, so lower-casing never changes which page is meant.
import { negotiateLanguage } from "~/i18n/i18n.server";
import { isLanguage, type Language } from "~/i18n/languages";
import { listLessons } from "./catalogue.server";

/** Codes people use for our languages that are not their ISO 639-1 codes: country codes and ISO 639-2/3. */
const languageAliases: Record<string, Language> = { ge: "ka", geo: "ka", kat: "ka", am: "hy", arm: "hy", hye: "hy", aze: "az", eng: "en" };
/** A language tag as people write them in a path: "ru", "tr", "en-US", "zh-Hant", "es-419" (not "wp-admin"). */
const languageTagShape = /^[a-z]{2,3}(?:-(?:[a-z]{2}|[a-z]{4}|\d{3}))?$/i;
/** The portal's public pages after the language prefix; a lesson's pages are checked against the catalogue. */
const sectionPaths = new Set(["/", "/lessons", "/books", "/books/student.pdf", "/books/teacher.pdf", "/packs", "/help", "/offline", "/login"]);
const lessonPath = /^\/lessons\/([a-z0-9-]+)(\/teacher|\/handout\.pdf|\/plan\.pdf|\/materials\.pdf)?$/;

export interface AddressCorrection {
  status: 301 | 302;
  location: string;
}

/** Upper-case letters outside percent escapes, lower-cased ("%C3%A9" stays as it is). */
function lowerCased(path: string): string {
  return path.replace(/%[0-9A-Fa-f]{2}|[^%]+/g, (part) => (part.startsWith("%") ? part : part.toLowerCase()));
}

async function existsIn(language: Language, rest: string): Promise<boolean> {
  if (sectionPaths.has(rest) || rest === "") return true;
  const lesson = lessonPath.exec(rest);
  if (!lesson) return false;
  return (await listLessons(language)).some((summary) => summary.slug === lesson[1]);
}

/** Where a request for `url` should go instead, or null when the address is right (or simply unknown). */
export async function correctAddress(url: URL, request: Request): Promise<AddressCorrection | null> {
  const [, prefix = "", ...segments] = url.pathname.split("/");
  const rest = lowerCased(`/${segments.join("/")}`);
  const code = prefix.toLowerCase();
  if (isLanguage(prefix)) {
    if (segments.length === 0) return null;
    const fixed = `/${prefix}${rest}`;
    return fixed === url.pathname ? null : { status: 301, location: fixed + url.search };
  }
  const known = isLanguage(code) ? code : languageAliases[code];
  if (known) return { status: 301, location: `/${known}${rest}${url.search}` };
  if (!languageTagShape.test(prefix)) return null;
  const language = await negotiateLanguage(request);
  const target = segments.length > 0 && (await existsIn(language, rest.replace(/(.)\/$/, "$1"))) ? rest : "/";
  return { status: 302, location: `/${language}${target}${target === "/" ? "" : url.search}` };
}
