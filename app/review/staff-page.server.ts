// What every staff page needs first: the language of the page, and a signed-in staff member.
import type { Params } from "@remix-run/react";
import { requireRole } from "~/auth/access.server";
import type { User } from "~/auth/users.server";
import type { Role } from "~/db/schema";
import { requireLanguage } from "~/http/responses.server";
import type { Language } from "~/i18n/languages";

export async function requireStaff(request: Request, params: Params, roles: readonly Role[] = ["admin", "editor", "reviewer"]): Promise<{ language: Language; user: User }> {
  const language = requireLanguage(params);
  const user = await requireRole(request, language, roles);
  return { language, user };
}

export function staffUserView(user: User) {
  return { name: user.name, role: user.role, email: user.email, languages: user.languages };
}
