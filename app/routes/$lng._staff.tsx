// The staff area: the review queue, revisions, the editor, the translation status and the audit log.
// Every page under it needs a signed-in staff member, and every answer is personal: never stored by a
// browser or a CDN, never indexed. Said here once; each page still checks what it is for (policy.ts).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { staffRouteHeaders } from "~/http/staff-headers.server";
import { requireStaff } from "~/review/staff-page.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, params);
  return null;
}

export const headers = staffRouteHeaders;

export default function StaffArea() {
  return <Outlet />;
}
