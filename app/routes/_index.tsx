import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { negotiateLanguage } from "~/i18n/i18n.server";

// "/" leads to the reader's language: the lng cookie, then Accept-Language, then Georgian.
export async function loader({ request }: LoaderFunctionArgs) {
  const language = await negotiateLanguage(request);
  return redirect(`/${language}/`, { status: 302, headers: { Vary: "Cookie, Accept-Language", "Cache-Control": "private, no-cache" } });
}
