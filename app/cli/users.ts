// `npm run cli -- user add|list|disable`: accounts for admins, editors and reviewers.
import { createInterface } from "node:readline";
import type { Kysely } from "kysely";
import { unlockAccount } from "~/auth/rate-limit.server";
import { changePassword, createUser, disableUser, findUserByEmail, listUsers, UserError } from "~/auth/users.server";
import { recordAudit } from "~/db/audit.server";
import type { Database } from "~/db/schema";

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
}

/** The password from PORTAL_PASSWORD, or asked for on the terminal without echoing it. */
async function readPassword(): Promise<string> {
  if (process.env.PORTAL_PASSWORD !== undefined) return process.env.PORTAL_PASSWORD;
  if (!process.stdin.isTTY) throw new UserError("no password: set PORTAL_PASSWORD or run in a terminal to be asked");
  const prompt = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const muted = prompt as unknown as { _writeToOutput: (text: string) => void };
  const ask = (question: string) =>
    new Promise<string>((resolve) => {
      process.stdout.write(question);
      muted._writeToOutput = () => {};
      prompt.question("", (answer) => {
        process.stdout.write("\n");
        resolve(answer);
      });
    });
  const first = await ask("Password (12 characters or more): ");
  const second = await ask("Once more: ");
  prompt.close();
  if (first !== second) throw new UserError("the two passwords differ");
  return first;
}

const cliActor = { id: null, email: `cli:${process.env.USER ?? "operator"}` };

export async function userCommand(db: Kysely<Database>, args: string[]): Promise<number> {
  const [command, ...rest] = args;
  try {
    if (command === "add") {
      const user = await createUser(
        db,
        {
          email: option(rest, "--email") ?? "",
          name: option(rest, "--name") ?? "",
          role: (option(rest, "--role") ?? "") as "admin",
          languages: option(rest, "--languages"),
          password: await readPassword(),
        },
        cliActor,
      );
      console.log(`Added ${user.role} ${user.email} (${user.languages.join(",")})`);
      return 0;
    }
    if (command === "list") {
      for (const user of await listUsers(db)) {
        console.log([user.email, user.role, user.languages.join(","), user.name, user.disabled ? "disabled" : "active"].join("\t"));
      }
      return 0;
    }
    if (command === "unlock") {
      const email = (option(rest, "--email") ?? "").trim().toLowerCase();
      if (!email) throw new UserError("--email is required");
      const forgotten = await unlockAccount(db, email);
      await recordAudit(db, { actorId: cliActor.id, actor: cliActor.email, action: "user.unlock", details: { email, failedAttemptsForgotten: forgotten } });
      console.log(`Unlocked ${email}: ${forgotten} failed sign-in attempt${forgotten === 1 ? "" : "s"} forgotten.`);
      return 0;
    }
    if (command === "password") {
      const row = await findUserByEmail(db, option(rest, "--email") ?? "");
      if (!row) throw new UserError(`no user with the email ${option(rest, "--email") ?? ""}`);
      await changePassword(db, { userId: row.id, newPassword: await readPassword() }, cliActor);
      console.log(`New password set for ${row.email}; their sessions are ended.`);
      return 0;
    }
    if (command === "disable") {
      const user = await disableUser(db, option(rest, "--email") ?? "", cliActor);
      console.log(`Disabled ${user.email}; their sessions are ended.`);
      return 0;
    }
  } catch (error) {
    if (error instanceof UserError) {
      console.error(`error: ${error.message}`);
      return 1;
    }
    throw error;
  }
  console.error(
    [
      "Usage: npm run cli -- user add --email E --name N --role admin|editor|reviewer --languages ka,hy|all",
      "       npm run cli -- user list",
      "       npm run cli -- user password --email E      (a new password; ends the user's sessions)",
      "       npm run cli -- user unlock --email E        (forget the account's failed sign-ins)",
      "       npm run cli -- user disable --email E",
    ].join("\n"),
  );
  return 2;
}
