// The answers of /<lng>/offline/…: the worker's small JSON files and the classroom kit's zip.
import { createHash } from "node:crypto";
import { matchesIfNoneMatch } from "~/http/conditional";
import { contentDisposition } from "~/http/content-disposition";
import { translator } from "~/i18n/i18n.server";
import type { Language } from "~/i18n/languages";
import type { CachedPdf, CacheSource } from "~/pdf/cache.server";
import { TypesettingBusy } from "~/pdf/pool.server";
import { typesettingBusyResponse } from "~/publication/pdf-responses.server";
import { editionDay, type OfflineEdition } from "./edition.server";
import { classroomKit } from "./kit.server";
import { offlineManifest } from "./manifest.server";

/**
 * JSON for the service worker, the same for every reader: revalidated at every use (a 304 costs a few
 * bytes on a slow line), and kept a minute by a CDN, as the pages are.
 */
export function offlineJson(request: Request, value: unknown): Response {
  const body = JSON.stringify(value);
  const etag = `"${createHash("sha256").update(body).digest("hex").slice(0, 32)}"`;
  const headers = { ETag: etag, "Cache-Control": "public, max-age=0, must-revalidate, s-maxage=60", Vary: "Accept-Encoding" };
  if (matchesIfNoneMatch(request, etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
}

/** The kit's zip, cached like a PDF: its SHA-256 is its ETag; an approval changes the bytes, never the address. */
export function kitZipResponse(request: Request, kit: { edition: OfflineEdition; zip: CachedPdf & { source: CacheSource } }, unicodeName: string): Response {
  const etag = `"${kit.zip.sha256}"`;
  const headers = new Headers({
    ETag: etag,
    "Cache-Control": "public, max-age=300, s-maxage=3600, stale-while-revalidate=86400",
    Vary: "Accept-Encoding",
    "X-Kit-Cache": kit.zip.source,
    "X-Kit-Version": kit.edition.version,
  });
  if (matchesIfNoneMatch(request, etag)) return new Response(null, { status: 304, headers });
  headers.set("Content-Type", "application/zip");
  headers.set("Content-Length", String(kit.zip.bytes.length));
  headers.set("X-Kit-Files", String(kit.zip.pageCount));
  const day = editionDay(kit.edition);
  headers.set("Content-Disposition", contentDisposition("attachment", `classroom-kit-${kit.edition.language}-${day}.zip`, `${unicodeName}.zip`));
  // A Buffer is a valid body at run time; the DOM typings only know ArrayBuffer-backed views.
  return new Response(kit.zip.bytes as unknown as BodyInit, { status: 200, headers });
}

/** Every typesetting worker busy (the kit and the manifest wait for every PDF): 503 in the reader's language, with Retry-After. */
async function answeringBusyWith503(language: Language, respond: () => Promise<Response>): Promise<Response> {
  try {
    return await respond();
  } catch (error) {
    if (error instanceof TypesettingBusy) return typesettingBusyResponse(language);
    throw error;
  }
}

export function classroomKitResponse(request: Request, language: Language): Promise<Response> {
  return answeringBusyWith503(language, async () => {
    const kit = await classroomKit(language);
    const [offline, common] = await Promise.all([translator(language, "offline"), translator(language, "common")]);
    return kitZipResponse(request, kit, offline("kit.fileName", { site: common("site.name"), date: editionDay(kit.edition) }));
  });
}

export function offlineManifestResponse(request: Request, language: Language): Promise<Response> {
  return answeringBusyWith503(language, async () => offlineJson(request, await offlineManifest(language)));
}
