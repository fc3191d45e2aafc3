// Access and parameter checks that throw: a route calls them first and can then trust what it holds.
import { isSlug } from "~/content/document";
import { isLanguage, type Language } from "~/i18n/languages";

export function notFound(): Response {
  return new Response("Not Found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export function badRequest(message = "Bad Request"): Response {
  return new Response(message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export function requireLanguage(params: { lng?: string }): Language {
  if (!isLanguage(params.lng)) throw notFound();
  return params.lng;
}

export function requireSlug(params: { slug?: string }): string {
  if (!isSlug(params.slug)) throw notFound();
  return params.slug;
}
