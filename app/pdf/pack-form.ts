// The pack builder's form (GET, works without JavaScript) → the pack's URL. One zod schema for the form.
import { z } from "zod";
import type { Language } from "~/i18n/languages";

const packFormSchema = z.object({
  lessons: z.array(z.string().max(100)).max(200),
  orders: z.record(z.string(), z.string().max(10)),
  parts: z.array(z.string().max(20)).max(10),
  handouts: z.string().max(20),
  copies: z.string().max(10),
});
type PackForm = z.infer<typeof packFormSchema>;

export function readPackForm(searchParams: URLSearchParams, language: Language): PackForm | null {
  const orders: Record<string, string> = {};
  for (const [name, value] of searchParams) if (name.startsWith("order-")) orders[name.slice("order-".length)] = value;
  const parsed = packFormSchema.safeParse({
    lessons: searchParams.getAll("lesson"),
    orders,
    parts: searchParams.getAll("part"),
    handouts: searchParams.get("handouts") ?? language,
    copies: searchParams.get("copies") ?? "1",
  });
  return parsed.success ? parsed.data : null;
}

/** The ticked lessons in the order the teacher numbered them; unnumbered ones keep curriculum order, last. */
function orderedLessons(form: PackForm, curriculumOrder: string[]): string[] {
  const position = (slug: string) => {
    const value = Number(form.orders[slug]);
    return Number.isFinite(value) && form.orders[slug]?.trim() !== "" ? value : Number.POSITIVE_INFINITY;
  };
  return [...form.lessons].sort((a, b) => position(a) - position(b) || curriculumOrder.indexOf(a) - curriculumOrder.indexOf(b));
}

export function packQuery(form: PackForm, curriculumOrder: string[]): URLSearchParams {
  return new URLSearchParams({
    lessons: orderedLessons(form, curriculumOrder).join(","),
    parts: form.parts.join(","),
    handouts: form.handouts,
    copies: form.copies,
  });
}

export const defaultPackForm = (language: Language): PackForm => ({
  lessons: [],
  orders: {},
  parts: ["plan", "handout"],
  handouts: language,
  copies: "1",
});

