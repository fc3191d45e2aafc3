// What is refused before Remix sees it, each with its 4xx in the path's language: a URL too long or
// undecodable, a body too large (refused unread: the connection closes), a state-changing request
// from another site (Remix would otherwise fail it with a 500 before the route's action could refuse it).
import type { NextFunction, Request, Response } from "express";
import { isOwnOrigin, ownOrigins } from "../app/auth/origin";
import type { ServerTexts } from "./texts";
import { verifyUploadMaximumBytes } from "../app/publication/verify-upload.server";

export const maximumUrlLength = 2048;
const allowedMethods = ["GET", "HEAD", "POST"];
/** The largest form the portal accepts: an editor's lesson text (200,000 characters, URL-encoded). */
const maximumBodyBytes = 2.5 * 1024 * 1024;
/** /<lng>/verify takes a whole PDF (hashed as it streams, never stored: app/publication/verify-upload.server.ts). */
const verifyUploadPath = /^\/(ka|hy|az|en)\/verify$/;

export function guards(texts: ServerTexts, publicOrigin: string | null) {
  const refuse = (request: Request, response: Response, status: number, key: Parameters<ServerTexts["guard"]>[1]) =>
    response.status(status).type("text/plain").send(texts.guard(request.originalUrl, key));

  return [
    // TRACE, PUT, DELETE …: the portal answers GET, HEAD and POST only.
    function unknownMethod(request: Request, response: Response, next: NextFunction) {
      if (allowedMethods.includes(request.method)) return next();
      response.set("Allow", allowedMethods.join(", "));
      return refuse(request, response, 405, "badRequest");
    },
    function malformedUrl(request: Request, response: Response, next: NextFunction) {
      if (request.originalUrl.length > maximumUrlLength) return refuse(request, response, 414, "tooLong");
      try {
        if (decodeURIComponent(request.path).includes("\0")) return refuse(request, response, 400, "badRequest");
      } catch {
        return refuse(request, response, 400, "badRequest");
      }
      next();
    },
    function oversizedBody(request: Request, response: Response, next: NextFunction) {
      // A body without a length (chunked) could be any size: browsers send forms with Content-Length,
      // so the portal asks for one (411). With it, Node reads exactly that many bytes, never more.
      if (request.method === "POST" && request.headers["content-length"] === undefined && request.headers["transfer-encoding"] !== undefined) {
        response.set("Connection", "close");
        return refuse(request, response, 411, "badRequest");
      }
      const allowed = verifyUploadPath.test(request.path) ? verifyUploadMaximumBytes : maximumBodyBytes;
      if (Number(request.headers["content-length"] ?? 0) > allowed) {
        response.set("Connection", "close");
        return refuse(request, response, 413, "tooLarge");
      }
      next();
    },
    function otherSite(request: Request, response: Response, next: NextFunction) {
      const origin = request.headers.origin;
      if (request.method === "GET" || request.method === "HEAD" || origin === undefined) return next();
      // The request's own origin as the client addressed it (through a trusted proxy: as forwarded).
      const host = (request.app.get("trust proxy") ? request.get("x-forwarded-host") : undefined) || request.get("host");
      const requestOrigin = `${request.protocol}://${host}`;
      if (!isOwnOrigin(origin, ownOrigins(requestOrigin, publicOrigin))) return refuse(request, response, 403, "otherSite");
      next();
    },
  ];
}
