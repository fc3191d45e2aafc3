// A form as the browser posts it, or a clear 4xx: a body that is not a form (text/plain, JSON) is 415,
// a form that cannot be read (a broken multipart body) is 400. Never a 500; the page that threw renders
// the error in the reader's language.
import { badRequest } from "./responses.server";

const formTypes = ["application/x-www-form-urlencoded", "multipart/form-data"];

export async function readForm(request: Request): Promise<FormData> {
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!formTypes.includes(type)) {
    throw new Response("Unsupported Media Type", { status: 415, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  try {
    return await request.formData();
  } catch {
    throw badRequest();
  }
}

/** Whether a path taken from a query string can go into a Location header as it is: no control character, nothing outside Latin-1. */
export function isHeaderSafePath(path: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  return !/[\u0000-\u001f\u007f]/.test(path) && [...path].every((character) => character.codePointAt(0)! <= 0xff);
}
