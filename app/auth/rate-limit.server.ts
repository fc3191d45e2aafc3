// Sign-in attempts are counted in the database, so that the limit holds across instances.
import type { Kysely } from "kysely";
import { timestampOf, type Database } from "~/db/schema";

const attemptWindowMinutes = 15;
/** Failed attempts allowed per account, and per address, within the window. */
const failuresPerAccount = 5;
const failuresPerAddress = 20;

export async function isRateLimited(db: Kysely<Database>, email: string, ip: string): Promise<boolean> {
  const since = timestampOf(new Date(Date.now() - attemptWindowMinutes * 60_000));
  const count = async (column: "email" | "ip", value: string) =>
    Number(
      (
        await db
          .selectFrom("login_attempts")
          .select(db.fn.countAll<number>().as("failures"))
          .where(column, "=", value)
          .where("succeeded", "=", 0)
          .where("at", ">=", since)
          .executeTakeFirstOrThrow()
      ).failures,
    );
  return (await count("email", email)) >= failuresPerAccount || (await count("ip", ip)) >= failuresPerAddress;
}

export async function recordAttempt(db: Kysely<Database>, email: string, ip: string, succeeded: boolean): Promise<void> {
  await db.insertInto("login_attempts").values({ at: timestampOf(new Date()), email: email.slice(0, 200), ip, succeeded: succeeded ? 1 : 0 }).execute();
}
