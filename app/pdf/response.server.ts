// The HTTP side of a PDF: validators, caching headers a CDN can use, and an RFC 6266 filename.
import type { CachedPdf, CacheSource } from "./cache.server";

/** RFC 5987 attr-char: what may stand unescaped in filename*=UTF-8''… */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

function contentDisposition(asciiName: string, unicodeName: string): string {
  const fallback = asciiName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  // Control characters, slashes and quotes become spaces: a file name, never a path or a header break.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  const name = unicodeName.replace(/[\u0000-\u001f\u007f/\\"]/g, " ").replace(/\s+/g, " ").trim();
  return `inline; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}

export function pdfResponse(request: Request, pdf: CachedPdf & { source?: CacheSource }, names: { ascii: string; unicode: string }): Response {
  const etag = `"${pdf.sha256}"`;
  const headers = new Headers({
    ETag: etag,
    // Browsers revalidate after five minutes; a CDN keeps it an hour and may serve it stale while it
    // asks again: an approval changes the bytes (and the ETag), never the URL.
    "Cache-Control": "public, max-age=300, s-maxage=3600, stale-while-revalidate=86400",
    Vary: "Accept-Encoding",
  });
  if (pdf.source) headers.set("X-Pdf-Cache", pdf.source);
  const ifNoneMatch = request.headers.get("If-None-Match");
  if (ifNoneMatch && ifNoneMatch.split(",").some((value) => value.trim().replace(/^W\//, "") === etag)) {
    return new Response(null, { status: 304, headers });
  }
  headers.set("Content-Type", "application/pdf");
  headers.set("Content-Length", String(pdf.bytes.length));
  headers.set("X-Pdf-Pages", String(pdf.pageCount));
  headers.set("Content-Disposition", contentDisposition(names.ascii, names.unicode));
  headers.set("X-Content-Type-Options", "nosniff");
  // A Buffer is a valid body at run time; the DOM typings only know ArrayBuffer-backed views.
  return new Response(pdf.bytes as unknown as BodyInit, { status: 200, headers });
}
