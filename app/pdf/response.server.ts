// The HTTP side of a PDF: validators, caching headers a CDN can use, and an RFC 6266 filename.
import { matchesIfNoneMatch } from "~/http/conditional";
import { contentDisposition } from "~/http/content-disposition";
import type { CachedPdf, CacheSource } from "./cache.server";

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
  if (matchesIfNoneMatch(request, etag)) return new Response(null, { status: 304, headers });
  headers.set("Content-Type", "application/pdf");
  headers.set("Content-Length", String(pdf.bytes.length));
  headers.set("X-Pdf-Pages", String(pdf.pageCount));
  headers.set("Content-Disposition", contentDisposition("inline", names.ascii, names.unicode));
  headers.set("X-Content-Type-Options", "nosniff");
  // A Buffer is a valid body at run time; the DOM typings only know ArrayBuffer-backed views.
  return new Response(pdf.bytes as unknown as BodyInit, { status: 200, headers });
}
