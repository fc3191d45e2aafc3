import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireSameOrigin } from "~/auth/access.server";
import { changeOwnPassword } from "~/auth/sign-in.server";
import { StaffNav } from "~/components/StaffNav";
import { clientAddress } from "~/http/context";
import { readForm } from "~/http/forms.server";
import { translator } from "~/i18n/i18n.server";
import { requireStaff, staffUserView } from "~/review/staff-page.server";

const passwordSchema = z.object({
  current: z.string().min(1).max(1000),
  password: z.string().max(1000),
  again: z.string().max(1000),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { language, user } = await requireStaff(request, params);
  const t = await translator(language, "review");
  return { language, user: staffUserView(user), title: t("account.title") };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }, { name: "robots", content: "noindex" }];

export async function action({ request, params, context }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const { language, user } = await requireStaff(request, params);
  const t = await translator(language, "review");
  const form = passwordSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!form.success) return data({ ok: false, message: t("account.wrongCurrent") }, { status: 400 });
  if (form.data.password !== form.data.again) return data({ ok: false, message: t("account.mismatch") }, { status: 400 });
  if (form.data.password.length < 12) return data({ ok: false, message: t("account.tooShort") }, { status: 400 });
  const result = await changeOwnPassword(request, user, { current: form.data.current, password: form.data.password, ip: clientAddress(context) });
  if (result === "wrong-current") return data({ ok: false, message: t("account.wrongCurrent") }, { status: 403 });
  return { ok: true, message: t("account.changed") };
}

export default function Account() {
  const { language, user } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("review");
  return (
    <>
      <StaffNav user={user} language={language} />
      <h1>{t("account.title")}</h1>
      <p>{t("account.intro")}</p>
      {result ? (
        <p className={result.ok ? "notice" : "form-errors"} role={result.ok ? "status" : "alert"}>
          {result.message}
        </p>
      ) : null}
      <form method="post" className="staff-form">
        <p>
          <label htmlFor="current">{t("account.current")}</label>
          <input id="current" name="current" type="password" autoComplete="current-password" required maxLength={1000} />
        </p>
        <p>
          <label htmlFor="password">{t("account.new")}</label>
          <input id="password" name="password" type="password" autoComplete="new-password" required minLength={12} maxLength={1000} />
        </p>
        <p>
          <label htmlFor="again">{t("account.again")}</label>
          <input id="again" name="again" type="password" autoComplete="new-password" required minLength={12} maxLength={1000} />
        </p>
        <p>
          <button type="submit">{t("account.submit")}</button>
        </p>
      </form>
    </>
  );
}
