import { createCookie } from "@remix-run/node";
import Negotiator from "negotiator";
import { RemixI18Next } from "remix-i18next/server";
import { i18nextOptions } from "./i18next-options";
import { defaultLanguage, isLanguage, languages, type Language } from "./languages";
import type { Namespace } from "./namespaces";
import { allResources } from "./resources.server";

/** The reader's chosen language, remembered for a year. Not a tracking cookie: it holds only a language code. */
export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

/**
 * Languages whose readers are best served by one of ours: Turkish and Azerbaijani are close enough that a
 * Turkish-speaking reader, and an Azerbaijani pupil whose phone is set to Turkish (common: phones sold
 * here often offer Turkish but not Azerbaijani), reads the Azerbaijani pages (docs/decisions/010).
 */
const closestOfOurs: Record<string, Language> = { tr: "az" };

/** The reader's languages in their order of preference (q-values), each mapped to one of ours if any. */
function preferredLanguages(request: Request): Language[] {
  const headers = { "accept-language": request.headers.get("Accept-Language") ?? "" };
  return new Negotiator({ headers }).languages().flatMap((tag) => {
    const primary = tag.toLowerCase().split("-")[0]!;
    if (isLanguage(primary)) return [primary];
    const closest = closestOfOurs[primary];
    return closest ? [closest] : [];
  });
}

const i18nServer = new RemixI18Next({
  detection: {
    supportedLanguages: [...languages],
    fallbackLanguage: defaultLanguage,
    cookie: languageCookie,
    // remix-i18next's own header detection looks only at the first language a browser names;
    // Negotiator weighs the whole Accept-Language list ("de, en;q=0.8" → en).
    order: ["cookie", "custom"],
    findLocale: async (request) => preferredLanguages(request)[0] ?? null,
  },
  i18next: { ...i18nextOptions, resources: allResources },
});

/** The language a request asks for without a language in its path: cookie, then Accept-Language, then ka. */
export async function negotiateLanguage(request: Request): Promise<Language> {
  const locale = await i18nServer.getLocale(request);
  return isLanguage(locale) ? locale : defaultLanguage;
}

/**
 * The page's language: the path's prefix when it is one of ours; for a page without one (/verify/<hash>),
 * the `lng` its link carries (the check page sends its reader's); otherwise the negotiated one.
 */
export async function pageLanguage(request: Request, prefix: string | undefined): Promise<Language> {
  if (isLanguage(prefix)) return prefix;
  const asked = new URL(request.url).searchParams.get("lng");
  return isLanguage(asked) ? asked : negotiateLanguage(request);
}

/** A t() function for a loader: titles and messages in the page's language. */
export async function translator(language: Language, namespace: Namespace = "common") {
  return i18nServer.getFixedT(language, namespace);
}
