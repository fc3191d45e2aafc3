// Behind one reverse proxy (TRUST_PROXY=1): the client is the address the proxy appended, never what a
// client wrote further left in X-Forwarded-For; and a failed sign-in for an unknown account is recorded
// without what was typed.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "~/db/database.server";
import { startServer, type ServerProcess } from "../support/server-process";

let server: ServerProcess;
beforeAll(async () => {
  server = await startServer({ TRUST_PROXY: "1" });
}, 60_000);
afterAll(() => server?.dispose());

function signIn(email: string, forwardedFor: string) {
  return fetch(`${server.url}/en/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url, "X-Forwarded-For": forwardedFor },
    body: new URLSearchParams({ email, password: "my secret password typed in the email box" }),
  });
}

describe("sign-in behind one proxy", () => {
  it("believes exactly one hop: a forged leftmost address is ignored in the limits and in the audit log", async () => {
    const typed = "my secret password typed in the email box";
    expect((await signIn(typed, "6.6.6.6, 203.0.113.9")).status).toBe(401);
    const database = createDatabase(path.join(server.directory, "portal.db"));
    try {
      const entries = await database.db.selectFrom("audit_log").selectAll().where("action", "=", "session.sign-in-failed").execute();
      expect(entries).toHaveLength(1);
      expect(entries[0]!.ip).toBe("203.0.113.9");
      expect(entries[0]!.actor).toBe("unknown account");
      expect(JSON.stringify(entries)).not.toContain(typed);
      // Four more from the same client, each with another forged address: the fifth failure is the limit.
      for (const forged of ["1.1.1.1", "2.2.2.2", "3.3.3.3", "4.4.4.4"]) expect((await signIn(typed, `${forged}, 203.0.113.9`)).status).toBe(401);
      expect((await signIn(typed, "5.5.5.5, 203.0.113.9")).status).toBe(429);
      // A flood leaves two entries (the first failure, and the one that reached the limit), not ten.
      const after = await database.db.selectFrom("audit_log").select("id").where("action", "=", "session.sign-in-failed").execute();
      expect(after).toHaveLength(2);
    } finally {
      await database.close();
    }
  }, 60_000);
});
