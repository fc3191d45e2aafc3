// A PostgreSQL connection that drops while the portal holds it (a query running, a transaction open)
// must fail that query, which a request answers with 503, and nothing else. pg reports the loss as an
// "error" event on the client; the pool listens only to the clients lying idle in it, so an unlistened
// event on a client in use ended the whole server (seen in CI: the database went away right after a
// request, and the next page found the server gone).
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDatabase, type DatabaseHandle } from "~/db/database.server";
import { isDatabaseUnreachable } from "../../server/database-outage";
import { openTestDatabase } from "./databases";
import { relay, type Relay } from "../support/relay";
import { freePort } from "../support/server-process";

const postgresUrl = process.env.TEST_DATABASE_URL?.trim() || undefined;

describe.skipIf(postgresUrl === undefined)("a PostgreSQL connection lost while in use (TEST_DATABASE_URL)", () => {
  const cleanups: (() => Promise<void>)[] = [];
  let handle: DatabaseHandle;
  let postgres: Relay;
  // Errors nobody caught: what would have ended the server process.
  const uncaught: unknown[] = [];
  const recordUncaught = (error: unknown) => uncaught.push(error);

  beforeEach(async () => {
    uncaught.length = 0;
    process.on("uncaughtException", recordUncaught);
    const database = await openTestDatabase("postgres");
    cleanups.push(() => database.dispose());
    const real = new URL(postgresUrl!);
    const port = await freePort();
    postgres = relay(port, { host: real.hostname, port: Number(real.port || 5432) });
    await postgres.start();
    cleanups.push(() => postgres.stop());
    const throughRelay = new URL(database.url);
    throughRelay.hostname = "127.0.0.1";
    throughRelay.port = String(port);
    handle = createDatabase(throughRelay.toString());
    cleanups.push(() => handle.close());
  });

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    process.off("uncaughtException", recordUncaught);
  });

  /** Long enough for pg to see the socket close and report it. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

  it("during a query: the query fails as 'database out of reach', nothing is left uncaught, and the next query works once it is back", async () => {
    const outcome = sql`select pg_sleep(5)`.execute(handle.db).then(
      () => null,
      (error: unknown) => error,
    );
    await settle();
    await postgres.stop();
    const error = await outcome;
    expect(error).not.toBeNull();
    expect(isDatabaseUnreachable(error)).toBe(true);
    await settle();
    expect(uncaught).toEqual([]);

    await postgres.start();
    expect((await sql<{ one: number }>`select 1 as one`.execute(handle.db)).rows).toEqual([{ one: 1 }]);
  });

  it("inside a transaction, between two statements: the next statement fails as 'database out of reach', nothing is left uncaught, and nothing of the transaction is kept", async () => {
    await sql`create table connection_loss (id integer primary key)`.execute(handle.db);
    const transaction = handle.db.transaction().execute(async (transaction) => {
      await sql`insert into connection_loss values (1)`.execute(transaction);
      await postgres.stop();
      // The connection is gone, but no statement is running: pg reports it as an event on the client alone.
      await settle();
      await sql`insert into connection_loss values (2)`.execute(transaction);
    });
    const error = await transaction.then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(error).not.toBeNull();
    expect(isDatabaseUnreachable(error)).toBe(true);
    expect(uncaught).toEqual([]);

    await postgres.start();
    expect((await sql<{ count: string }>`select count(*) as count from connection_loss`.execute(handle.db)).rows).toEqual([{ count: "0" }]);
  });
});
