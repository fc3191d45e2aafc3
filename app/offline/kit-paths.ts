// Where each page and PDF of the portal lives in the classroom kit, and the relative links between them.
// The kit opens from index.html on a USB stick (file://) or from any static server: every link names a
// file ("lessons/safe-online/index.html"), never a folder, and none starts at the root. Pure.
import type { Language } from "~/i18n/languages";

/** The kit's file for a portal address in the kit's language ("/ka/lessons/x/teacher"), or null when the kit has none. */
export function kitFileOf(language: Language, address: string): string | null {
  const prefix = `/${language}`;
  if (address !== prefix && !address.startsWith(`${prefix}/`)) return null;
  const rest = address.slice(prefix.length).replace(/\/$/, "");
  if (rest === "") return "index.html";
  if (rest === "/lessons" || rest === "/books" || rest === "/help") return `${rest.slice(1)}/index.html`;
  const lesson = /^\/lessons\/([a-z0-9-]+)(\/teacher|\/(?:plan|handout|materials)\.pdf)?$/.exec(rest);
  if (lesson) {
    const [, slug, page] = lesson;
    if (page === undefined) return `lessons/${slug}/index.html`;
    return page === "/teacher" ? `lessons/${slug}/teacher/index.html` : `lessons/${slug}${page}`;
  }
  if (rest === "/books/student.pdf" || rest === "/books/teacher.pdf") return rest.slice(1);
  return null;
}

/** A path from one kit file to another: "lessons/a/index.html" → "help/index.html" is "../../help/index.html". */
export function relativePath(from: string, to: string): string {
  const fromFolders = from.split("/").slice(0, -1);
  const toParts = to.split("/");
  let shared = 0;
  while (shared < fromFolders.length && shared < toParts.length - 1 && fromFolders[shared] === toParts[shared]) shared += 1;
  return [...fromFolders.slice(shared).map(() => ".."), ...toParts.slice(shared)].join("/");
}

/**
 * A page's links as the kit needs them: an address of the portal in the kit's language becomes a relative
 * link to its file; any other address of the portal (another language, the pack builder, the verify page)
 * leads to the portal online when its origin is known, and nowhere ("#") otherwise. Fragments, tel:,
 * https: and relative links stay as they are.
 */
export function kitLinks(html: string, { language, file, origin }: { language: Language; file: string; origin: string | null }): string {
  return html.replace(/\b(href|action|formAction)="(\/(?!\/)[^"]*)"/gi, (_whole, attribute: string, value: string) => {
    const hashAt = value.indexOf("#");
    const address = hashAt === -1 ? value : value.slice(0, hashAt);
    const fragment = hashAt === -1 ? "" : value.slice(hashAt);
    const target = address.includes("?") ? null : kitFileOf(language, address);
    if (target) return `${attribute}="${relativePath(file, target)}${fragment}"`;
    return `${attribute}="${origin ? `${origin}${value}` : "#"}"`;
  });
}
