import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { languageCookie } from "~/i18n/i18n.server";
import { isLanguage } from "~/i18n/languages";
import { notFound } from "~/http/responses.server";

// The language switcher's links come here: remember the choice, then go to the page in that language.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const language = params.code;
  if (!isLanguage(language)) throw notFound();
  const next = new URL(request.url).searchParams.get("next") ?? "";
  // Only a path of this site in the chosen language: never an open redirect.
  const target = next === `/${language}` || (next.startsWith(`/${language}/`) && !/[\\\0]|\/\//.test(next)) ? next : `/${language}/`;
  return redirect(target, {
    status: 303,
    headers: { "Set-Cookie": await languageCookie.serialize(language), "Cache-Control": "no-store" },
  });
}
