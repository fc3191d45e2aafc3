import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireSameOrigin } from "~/auth/access.server";
import { currentUser, signIn } from "~/auth/sign-in.server";
import { clientAddress } from "~/http/context";
import { requireLanguage } from "~/http/responses.server";
import { staffHeaders, staffRouteHeaders } from "~/http/staff-headers.server";
import { translator } from "~/i18n/i18n.server";
import { z } from "zod";
import { isHeaderSafePath, readForm } from "~/http/forms.server";

const signInSchema = z.object({
  email: z.string().trim().toLowerCase().min(3).max(200),
  password: z.string().min(1).max(1000),
  next: z.string().max(500).optional(),
});

/** Where to go after signing in: a path of the staff area in this language, never another site. */
function safeNext(next: string | undefined, language: string): string {
  return next && next.startsWith(`/${language}/`) && !next.startsWith("//") && !/[\\\0]/.test(next) && isHeaderSafePath(next) ? next : `/${language}/review`;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const t = await translator(language, "review");
  if (await currentUser(request)) throw redirect(safeNext(new URL(request.url).searchParams.get("next") ?? undefined, language), { headers: staffHeaders });
  return data(
    { next: new URL(request.url).searchParams.get("next") ?? "", title: t("login.title"), description: t("login.description") },
    { headers: staffHeaders },
  );
}

export const headers = staffRouteHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }, { name: "description", content: data?.description }, { name: "robots", content: "noindex" }];

export async function action({ request, params, context }: ActionFunctionArgs) {
  const language = requireLanguage(params);
  requireSameOrigin(request);
  const t = await translator(language, "review");
  const parsed = signInSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return data({ error: t("login.invalid") }, { status: 400, headers: staffHeaders });
  const { email, password, next } = parsed.data;
  const result = await signIn({ email, password, ip: clientAddress(context), userAgent: request.headers.get("User-Agent") });
  if (result.kind === "limited") return data({ error: t("login.tooMany") }, { status: 429, headers: { ...staffHeaders, "Retry-After": "900" } });
  // The same words whether the email or the password was wrong.
  if (result.kind === "failed") return data({ error: t("login.failed") }, { status: 401, headers: staffHeaders });
  return redirect(safeNext(next, language), { status: 303, headers: { ...staffHeaders, "Set-Cookie": result.cookie } });
}

export default function Login() {
  const { next } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("review");
  return (
    <>
      <h1>{t("login.title")}</h1>
      <p>{t("login.intro")}</p>
      {result?.error ? (
        <p className="form-errors" role="alert">
          {result.error}
        </p>
      ) : null}
      <form method="post" className="staff-form">
        <input type="hidden" name="next" value={next} />
        <p>
          <label htmlFor="email">{t("login.email")}</label>
          <input id="email" name="email" type="email" autoComplete="username" required maxLength={200} />
        </p>
        <p>
          <label htmlFor="password">{t("login.password")}</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required maxLength={1000} />
        </p>
        <p>
          <button type="submit">{t("login.submit")}</button>
        </p>
      </form>
    </>
  );
}
