// What every staff page needs first: the language of the page, and a signed-in staff member allowed
// to do what the page is for (app/auth/policy.ts).
import type { Params } from "@remix-run/react";
import { requirePermission, requireUser } from "~/auth/access.server";
import type { User } from "~/auth/users.server";
import { notFound, requireLanguage } from "~/http/responses.server";
import type { Language } from "~/i18n/languages";
import { z } from "zod";
import type { RevisionViews } from "~/components/RevisionPreview";
import type { Lesson, LessonDocument } from "~/content/document";
import { studentLessonView, teacherLessonView } from "~/content/views";
import { revisionFor } from "./review.server";
import type { RevisionDetail } from "./revision-detail.server";

export async function requireStaff(request: Request, params: Params, action: "staff.enter" | "audit.read" = "staff.enter"): Promise<{ language: Language; user: User }> {
  const language = requireLanguage(params);
  const user = await requireUser(request, language);
  requirePermission(user, "staff.enter");
  if (action !== "staff.enter") requirePermission(user, action);
  return { language, user };
}

const revisionIdSchema = z.coerce.number().int().positive().max(2 ** 31 - 1);

/**
 * A revision the signed-in staff member may read, from the route's `id`: the revision page, its
 * decision and its PDF previews all start here (404 for no such revision, 403 for someone else's).
 */
export async function requireRevision(request: Request, params: Params): Promise<{ language: Language; user: User; revision: RevisionDetail }> {
  const { language, user } = await requireStaff(request, params);
  const id = revisionIdSchema.safeParse(params.id);
  if (!id.success) throw notFound();
  const revision = await revisionFor(id.data);
  if (!revision) throw notFound();
  requirePermission(user, "revision.read", revision);
  return { language, user, revision };
}

export function staffUserView(user: User) {
  return { name: user.name, role: user.role, email: user.email, languages: user.languages };
}

/** A checked revision's student and teacher views, for the preview; null when it does not pass the checks. */
export function previewViews(lesson: Lesson | null, document: LessonDocument | null): RevisionViews | null {
  return lesson && document ? { student: studentLessonView(lesson, document), teacher: teacherLessonView(lesson, document) } : null;
}
