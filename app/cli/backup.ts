// `npm run cli -- db backup <file>`: a consistent copy of the SQLite database, taken while the server
// runs. SQLite's online backup copies page by page through a connection of its own, so the copy holds
// every committed transaction (those still in the WAL file too) and writers are not stopped meanwhile.
// PostgreSQL has its own tool for this, pg_dump; the command says so rather than half-doing it.
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import { defaultDatabaseFile, parseDatabaseUrl } from "~/db/database.server";

const postgresBackupAdvice = `db backup copies SQLite databases only, and DATABASE_URL names a PostgreSQL database.
Back it up with PostgreSQL's own tool, which takes a consistent snapshot while the portal runs:
  pg_dump --format=custom --file=portal.dump "$DATABASE_URL"
and restore it with pg_restore. pg_dump does not understand ?schema=name: leave it out of the URL and
add --schema=name instead.`;

/** Returns the exit code: 0 copied, 1 refused or failed, 2 used wrongly. */
export async function backupCommand(args: string[]): Promise<number> {
  const [target, ...extra] = args;
  if (target === undefined || target.startsWith("-") || extra.length > 0) {
    console.error("Usage: npm run cli -- db backup <file>");
    return 2;
  }
  // As the server reads it (database.server.ts): unset or empty means the default file.
  const location = parseDatabaseUrl(process.env.DATABASE_URL?.trim() || defaultDatabaseFile);
  if (location.dialect === "postgres") {
    console.error(postgresBackupAdvice);
    return 1;
  }
  if (location.file === ":memory:") {
    console.error("DATABASE_URL is :memory:, a database that lives only inside one process: there is nothing to back up.");
    return 1;
  }
  const source = location.file;
  const destination = path.resolve(target);
  if (!existsSync(source)) {
    console.error(`There is no database at ${source} (DATABASE_URL, or ${defaultDatabaseFile} when it is unset).`);
    return 1;
  }
  if (existsSync(destination)) {
    // An older backup is worth keeping: never overwrite one by a slip of the command line.
    console.error(`${destination} exists already: name a new file, or remove that one first.`);
    return 1;
  }

  const started = performance.now();
  // Written beside the destination and renamed at the end: an interrupted backup leaves no file that
  // looks complete.
  const partial = `${destination}.partial-${process.pid}`;
  try {
    const database = new SqliteDatabase(source, { fileMustExist: true });
    try {
      // The server may be writing: wait for its transaction rather than failing with SQLITE_BUSY.
      database.pragma("busy_timeout = 5000");
      await database.backup(partial);
    } finally {
      database.close();
    }
    const copy = new SqliteDatabase(partial, { fileMustExist: true });
    try {
      // One self-contained file (no -wal beside it), so that it can be copied anywhere as it is.
      copy.pragma("journal_mode = DELETE");
      const check = copy.pragma("quick_check", { simple: true });
      if (check !== "ok") throw new Error(`the copy fails SQLite's quick_check: ${String(check)}`);
    } finally {
      copy.close();
    }
    const descriptor = openSync(partial, "r+");
    try {
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    renameSync(partial, destination);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  const kilobytes = Math.round(statSync(destination).size / 1024);
  console.log(`backed up ${source} to ${destination} (${kilobytes} kB) in ${Math.round(performance.now() - started)} ms`);
  return 0;
}
