import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { isHeaderSafePath } from "~/http/forms.server";
import { languageCookie, translator } from "~/i18n/i18n.server";
import { isLanguage } from "~/i18n/languages";
import { notFound } from "~/http/responses.server";

// The language switcher's links come here: remember the choice, then go to the page in that language.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const language = params.code;
  if (!isLanguage(language)) throw notFound();
  const next = new URL(request.url).searchParams.get("next") ?? "";
  // A line break or a character outside Latin-1 cannot go into a Location header: a 400 in the chosen language.
  if (!isHeaderSafePath(next)) {
    const t = await translator(language, "common");
    throw new Response(`${t("error.badRequest")}\n`, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
  // Only a path of this site in the chosen language: never an open redirect.
  const target = next === `/${language}` || (next.startsWith(`/${language}/`) && !/[\\\0]|\/\//.test(next)) ? next : `/${language}/`;
  return redirect(target, {
    status: 303,
    headers: { "Set-Cookie": await languageCookie.serialize(language), "Cache-Control": "no-store" },
  });
}
