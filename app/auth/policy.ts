// Who may do what: one pure function for the pages (to show a button or not) and for the checks that
// throw (requirePermission in access.server.ts). Every rule about staff rights is written here, once.
import type { Language } from "~/i18n/languages";
import type { User } from "./users.server";

export type StaffAction =
  /** The staff area: the queue, the translation status. */
  | "staff.enter"
  /** The audit log: administrators and reviewers read it; nobody changes it. */
  | "audit.read"
  /** A revision's page and its PDF previews. */
  | "revision.read"
  /** Approve or request changes. */
  | "revision.decide"
  /** Write a new revision of a lesson in a language. */
  | "lesson.edit";

/** What an action is about: a revision (its language and author) or a lesson language to edit. */
export interface StaffResource {
  language: Language;
  authorId?: number | null;
}

export function can(user: User, action: StaffAction, resource?: StaffResource): boolean {
  switch (action) {
    case "staff.enter":
      return user.role === "admin" || user.role === "editor" || user.role === "reviewer";
    case "audit.read":
      return user.role === "admin" || user.role === "reviewer";
    case "revision.read":
      if (!resource) return false;
      return user.role === "admin" || (user.role === "reviewer" && user.languages.includes(resource.language)) || (user.role === "editor" && resource.authorId === user.id);
    case "revision.decide":
      // A reviewer decides only in their languages, never their own text; an admin may look but never decides.
      if (!resource) return false;
      return user.role === "reviewer" && user.languages.includes(resource.language) && resource.authorId !== user.id;
    case "lesson.edit":
      return user.role === "editor" && resource !== undefined && user.languages.includes(resource.language);
    default:
      return false;
  }
}
