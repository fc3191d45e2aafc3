// Who may do what, from the one policy the pages and the checks share.
import { describe, expect, it } from "vitest";
import { can } from "~/auth/policy";
import type { User } from "~/auth/users.server";
import type { Language } from "~/i18n/languages";

function user(role: User["role"], languages: Language[], id = 1): User {
  return { id, email: `${role}@example.ge`, name: role, role, languages } as User;
}

const georgianRevision = { language: "ka" as const, authorId: 7 };

describe("the access policy", () => {
  it("lets every staff role into the staff area, and administrators and reviewers read the audit log", () => {
    for (const role of ["admin", "editor", "reviewer"] as const) expect(can(user(role, ["ka"]), "staff.enter")).toBe(true);
    expect(can(user("admin", []), "audit.read")).toBe(true);
    expect(can(user("reviewer", ["ka"]), "audit.read")).toBe(true);
    expect(can(user("editor", ["ka"]), "audit.read")).toBe(false);
  });

  it("lets a reviewer decide only in their languages, never their own text; an administrator never decides", () => {
    expect(can(user("reviewer", ["ka"]), "revision.decide", georgianRevision)).toBe(true);
    expect(can(user("reviewer", ["hy"]), "revision.decide", georgianRevision)).toBe(false);
    expect(can(user("reviewer", ["ka"], 7), "revision.decide", georgianRevision)).toBe(false);
    expect(can(user("admin", ["ka"]), "revision.decide", georgianRevision)).toBe(false);
    expect(can(user("editor", ["ka"]), "revision.decide", georgianRevision)).toBe(false);
  });

  it("lets an administrator, a reviewer of the language and the author read a revision, nobody else", () => {
    expect(can(user("admin", []), "revision.read", georgianRevision)).toBe(true);
    expect(can(user("reviewer", ["ka"]), "revision.read", georgianRevision)).toBe(true);
    expect(can(user("editor", ["ka"], 7), "revision.read", georgianRevision)).toBe(true);
    expect(can(user("editor", ["ka"], 8), "revision.read", georgianRevision)).toBe(false);
    expect(can(user("reviewer", ["az"]), "revision.read", georgianRevision)).toBe(false);
  });

  it("lets editors edit in their languages only", () => {
    expect(can(user("editor", ["hy"]), "lesson.edit", { language: "hy" })).toBe(true);
    expect(can(user("editor", ["hy"]), "lesson.edit", { language: "az" })).toBe(false);
    expect(can(user("reviewer", ["hy"]), "lesson.edit", { language: "hy" })).toBe(false);
  });
});
