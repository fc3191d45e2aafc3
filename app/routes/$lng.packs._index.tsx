import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getCatalogue, lessonHasMaterials, listLessons } from "~/publication/catalogue.server";
import { translator } from "~/i18n/i18n.server";
import { languageNames, languages } from "~/i18n/languages";
import { badRequest, requireLanguage } from "~/http/responses.server";
import { defaultPackForm, packQuery, readPackForm } from "~/pdf/pack-form";
import { maximumCopies, parsePackRequest } from "~/pdf/pack-request";
import { documentMeta, localizedPath } from "~/seo/document-meta";
import { publicOrigin } from "~/seo/public-origin.server";
import { publicPageHandle } from "~/http/route-caching";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const url = new URL(request.url);
  const t = await translator(language, "documents");
  const page = {
    lessons: await Promise.all(
      (await listLessons(language)).map(async ({ slug, title, number }) => ({ slug, title, number, hasMaterials: await lessonHasMaterials(slug, language) })),
    ),
    meta: documentMeta({ title: t("packs.title"), description: t("packs.description"), origin: publicOrigin(request), language, path: "/packs" }),
  };
  if (!url.searchParams.has("build")) return { ...page, form: defaultPackForm(language), errors: [] as string[] };

  const form = readPackForm(url.searchParams, language);
  if (!form) throw badRequest();
  const catalogue = await getCatalogue();
  const curriculumOrder = catalogue.lessons.map((lesson) => lesson.slug);
  const query = packQuery(form, curriculumOrder);
  const parsed = parsePackRequest(query, language, catalogue);
  if (parsed.ok) return redirect(`${localizedPath(language, "/packs/pack.pdf")}?${query}`, 303);
  const errors = parsed.errors.map((error) => t(`errors.${error.code}`, error.values));
  return data({ ...page, form, errors }, { status: 400 });
}

/** The same page for every reader of its URL: stored and shared (app/http/route-caching.ts). */
export const handle = publicPageHandle;

export const meta: MetaFunction<typeof loader> = ({ data }) => data?.meta ?? [];

export default function PackBuilder() {
  const { lessons, form, errors } = useLoaderData<typeof loader>();
  const { t } = useTranslation("documents");
  return (
    <>
      <h1>{t("packs.title")}</h1>
      <p className="lead">{t("packs.intro")}</p>
      {errors.length > 0 ? (
        <div className="form-errors" role="alert">
          <p>{t("packs.problems")}</p>
          <ul>
            {errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <form method="get" className="pack-form">
        <input type="hidden" name="build" value="1" />
        <fieldset>
          <legend>{t("packs.lessons")}</legend>
          <ul className="pack-form__lessons">
            {lessons.map((lesson) => (
              <li key={lesson.slug}>
                <input
                  type="number"
                  name={`order-${lesson.slug}`}
                  min={1}
                  max={99}
                  inputMode="numeric"
                  defaultValue={form.orders[lesson.slug] ?? ""}
                  aria-label={t("packs.order", { title: lesson.title })}
                  className="pack-form__order"
                />
                <label>
                  <input type="checkbox" name="lesson" value={lesson.slug} defaultChecked={form.lessons.includes(lesson.slug)} />
                  <span>
                    {lesson.number}. {lesson.title}
                    {lesson.hasMaterials ? <span className="pack-form__note"> · {t("packs.hasMaterials")}</span> : null}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <fieldset>
          <legend>{t("packs.parts")}</legend>
          {(lessons.some((lesson) => lesson.hasMaterials) ? (["plan", "handout", "materials"] as const) : (["plan", "handout"] as const)).map((part) => (
            <label key={part} className="pack-form__choice">
              <input type="checkbox" name="part" value={part} defaultChecked={form.parts.includes(part)} />
              <span>{t(`packs.${part}`)}</span>
            </label>
          ))}
        </fieldset>
        <div className="pack-form__row">
          <label htmlFor="handouts">{t("packs.handoutLanguage")}</label>
          <select id="handouts" name="handouts" defaultValue={form.handouts}>
            {languages.map((code) => (
              <option key={code} value={code} lang={code}>
                {languageNames[code]}
              </option>
            ))}
          </select>
        </div>
        <div className="pack-form__row">
          <label htmlFor="copies">{t("packs.copies")}</label>
          <input id="copies" name="copies" type="number" min={1} max={maximumCopies} inputMode="numeric" defaultValue={form.copies} />
        </div>
        <p>
          <button type="submit">{t("packs.submit")}</button>
        </p>
      </form>
    </>
  );
}
