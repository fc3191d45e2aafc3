// Staff accounts: admins manage users, editors write and submit content, reviewers decide (scoped to
// languages). Students and teachers never need one.
import type { Kysely } from "kysely";
import { z } from "zod";
import { recordAudit } from "~/db/audit.server";
import { violatedConstraint } from "~/db/database.server";
import { timestampOf, type Database, type Role } from "~/db/schema";
import { isLanguage, languages, type Language } from "~/i18n/languages";
import { hashPassword, verifyPassword, minimumPasswordLength } from "./passwords.server";

export const roles = ["admin", "editor", "reviewer"] as const satisfies readonly Role[];

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  /** The languages the user works on. */
  languages: Language[];
  disabled: boolean;
}

function parseLanguageList(value: string | null | undefined): Language[] {
  if (!value) return [...languages];
  return value.split(",").map((code) => code.trim()).filter(isLanguage);
}

export function toUser(row: { id: number; email: string; name: string; role: Role; languages: string | null; disabled_at: string | null }): User {
  return { id: row.id, email: row.email, name: row.name, role: row.role, languages: parseLanguageList(row.languages), disabled: row.disabled_at !== null };
}

const newUserSchema = z
  .object({
    email: z.string().trim().toLowerCase().email().max(200),
    name: z.string().trim().min(1).max(200),
    role: z.enum(roles),
    // "all" says so explicitly; a reviewer or an editor added without languages is refused (fail closed).
    languages: z
      .string()
      .trim()
      .optional()
      .transform((value) => (value === "all" ? languages.join(",") : value))
      .refine((value) => !value || value.split(",").every((code) => isLanguage(code.trim())), { message: `languages must be among ${languages.join(", ")}, or all` }),
    password: z.string().min(minimumPasswordLength, `the password must be at least ${minimumPasswordLength} characters`).max(1000),
  })
  .refine((user) => user.role === "admin" || Boolean(user.languages), {
    path: ["languages"],
    message: "a reviewer or an editor needs --languages (for example ka,hy), or --languages all",
  });
export type NewUser = z.input<typeof newUserSchema>;

export class UserError extends Error {}

export async function createUser(db: Kysely<Database>, input: NewUser, actor: { id: number | null; email: string }): Promise<User> {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) throw new UserError(parsed.error.issues.map((issue) => `${issue.path.join(".") || "input"}: ${issue.message}`).join("; "));
  const data = parsed.data;
  const passwordHash = await hashPassword(data.password);
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("users")
        .values({
          email: data.email,
          name: data.name,
          role: data.role,
          languages: data.languages ? data.languages.split(",").map((code) => code.trim()).join(",") : null,
          password_hash: passwordHash,
          disabled_at: null,
          created_at: timestampOf(new Date()),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        actorId: actor.id,
        actor: actor.email,
        action: "user.create",
        subject: `user:${row.id}`,
        details: { email: row.email, role: row.role, languages: row.languages },
      });
      return toUser(row);
    });
  } catch (error) {
    if (violatedConstraint(error) === "unique") throw new UserError(`a user with the email ${data.email} already exists`);
    throw error;
  }
}

export async function listUsers(db: Kysely<Database>): Promise<User[]> {
  const rows = await db.selectFrom("users").selectAll().orderBy("email").execute();
  return rows.map(toUser);
}

export async function findUserByEmail(db: Kysely<Database>, email: string) {
  return db.selectFrom("users").selectAll().where("email", "=", email.trim().toLowerCase()).executeTakeFirst();
}

/**
 * A new password: the old one must be given (a staff page) unless an operator sets it (the CLI); every
 * other session of the user ends, and the audit log says so.
 */
export async function changePassword(
  db: Kysely<Database>,
  input: { userId: number; currentPassword?: string; newPassword: string; keepSessionId?: string },
  actor: { id: number | null; email: string },
): Promise<void> {
  if (input.newPassword.length < minimumPasswordLength) throw new UserError(`the password must be at least ${minimumPasswordLength} characters`);
  if (input.newPassword.length > 1000) throw new UserError("the password is too long");
  const row = await db.selectFrom("users").selectAll().where("id", "=", input.userId).executeTakeFirst();
  if (!row) throw new UserError("no such user");
  if (input.currentPassword !== undefined && !(await verifyPassword(input.currentPassword, row.password_hash))) throw new UserError("the current password is not right");
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("users").set({ password_hash: passwordHash }).where("id", "=", row.id).execute();
    let sessions = trx.deleteFrom("sessions").where("user_id", "=", row.id);
    if (input.keepSessionId) sessions = sessions.where("id", "!=", input.keepSessionId);
    await sessions.execute();
    await recordAudit(trx, { actorId: actor.id, actor: actor.email, action: "user.password-change", subject: `user:${row.id}`, details: { email: row.email } });
  });
}

export async function disableUser(db: Kysely<Database>, email: string, actor: { id: number | null; email: string }): Promise<User> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable("users")
      .set({ disabled_at: timestampOf(new Date()) })
      .where("email", "=", email.trim().toLowerCase())
      .where("disabled_at", "is", null)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new UserError(`no active user with the email ${email}`);
    // A disabled account is signed out everywhere at once.
    await trx.deleteFrom("sessions").where("user_id", "=", row.id).execute();
    await recordAudit(trx, { actorId: actor.id, actor: actor.email, action: "user.disable", subject: `user:${row.id}`, details: { email: row.email } });
    return toUser(row);
  });
}
