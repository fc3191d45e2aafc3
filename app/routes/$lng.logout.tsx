import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { requireSameOrigin } from "~/auth/access.server";
import { signOut } from "~/auth/sign-in.server";
import { clientAddress } from "~/http/context";
import { requireLanguage } from "~/http/responses.server";
import { staffHeaders, staffRouteHeaders } from "~/http/staff-headers.server";
import { translator } from "~/i18n/i18n.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const t = await translator(language, "review");
  return data({ title: t("logout.title") }, { headers: staffHeaders });
}

export const headers = staffRouteHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }, { name: "robots", content: "noindex" }];

/** Signing out changes state: a POST from our own page, never a link a third party could plant. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const language = requireLanguage(params);
  requireSameOrigin(request);
  const cookie = await signOut(request, clientAddress(context));
  return redirect(`/${language}/`, { status: 303, headers: { ...staffHeaders, "Set-Cookie": cookie } });
}

export default function Logout() {
  const { t } = useTranslation("review");
  return (
    <>
      <h1>{t("logout.title")}</h1>
      <form method="post">
        <button type="submit">{t("logout.submit")}</button>
      </form>
    </>
  );
}
