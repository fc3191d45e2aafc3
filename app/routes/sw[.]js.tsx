// The service worker (app/offline/service-worker.js): served from the root so that it may answer for every
// public page, and checked by the browser on every visit (no-cache), so that a new version arrives at once.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { serviceWorkerResponse } from "~/offline/service-worker.server";

export function loader({ request }: LoaderFunctionArgs) {
  return serviceWorkerResponse(request);
}
