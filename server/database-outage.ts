// The database out of reach: every loader and action answers 503 (with Retry-After) instead of a 500,
// and each request tries again, so the portal recovers by itself. Remix 2 has no middleware: wrapping
// the build's loaders and actions once, when the build is loaded, is the one place they all pass
// through. Pages whose data is in memory (the published catalogue) never get here and keep working.
import type { ServerBuild } from "@remix-run/node";
import { unavailableResponse } from "../app/http/unavailable";
import type { ServerTexts } from "./texts";


/**
 * Connection failures, as pg, PostgreSQL and SQLite report them, possibly wrapped (`cause`) or several
 * at once (AggregateError: every address of a host refused). Anything else is a bug, and stays a 500.
 */
export function isDatabaseUnreachable(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 8) return false;
  const { code, message, errors, cause } = error as { code?: unknown; message?: unknown; errors?: unknown; cause?: unknown };
  const text = typeof code === "string" ? code : "";
  if (["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "EPIPE"].includes(text)) return true;
  // PostgreSQL: connection exceptions (class 08), shutting down or starting up (57P01–57P03), too many connections.
  if (/^08[0-9A-Z]{3}$/.test(text) || ["57P01", "57P02", "57P03", "53300"].includes(text)) return true;
  // SQLite: locked by another process beyond busy_timeout, or the file cannot be opened or read.
  if (/^SQLITE_(BUSY|CANTOPEN|IOERR)/.test(text)) return true;
  // pg's own errors for a connection that dropped or never came carry no code; the last is what a
  // transaction's next statement (or its rollback) gets once its connection dropped between statements.
  if (/^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/.test(String(message))) return true;
  if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnreachable(inner, depth + 1))) return true;
  return isDatabaseUnreachable(cause, depth + 1);
}

export function describeError(error: unknown): string {
  const messages: string[] = [];
  let current = error as { code?: string; message?: string; errors?: { message?: string }[]; cause?: unknown } | undefined;
  for (let depth = 0; current && depth < 8; depth += 1) {
    const inner = Array.isArray(current.errors) ? current.errors.map((each) => each?.message).filter(Boolean) : [];
    messages.push([current.code, current.message || inner.join("; ")].filter(Boolean).join(": "));
    current = current.cause as typeof current;
  }
  return [...new Set(messages)].join(" <- ");
}

// Every request retries while the database is away; one log line per 10 s says so.
let lastUnreachableLog = 0;
export function logDatabaseUnreachable(error: unknown, during: "request" | "start-up"): void {
  if (Date.now() - lastUnreachableLog < 10_000) return;
  lastUnreachableLog = Date.now();
  console.error(JSON.stringify({ event: "database-unreachable", during, error: describeError(error) }));
}

type Handler = (args: { request: Request; params: Record<string, string | undefined> }) => unknown;

/** The build with every loader and action answering a database outage with a 503 in the page's language. */
export function answeringDatabaseOutagesWith503(build: ServerBuild, texts: ServerTexts): ServerBuild {
  const answering =
    (handler: Handler): Handler =>
    async (args) => {
      try {
        return await handler(args);
      } catch (error) {
        // A client that hung up mid-upload fails with ECONNRESET too: that says nothing of the database.
        if (args.request.signal.aborted || !isDatabaseUnreachable(error)) throw error;
        logDatabaseUnreachable(error, "request");
        throw unavailableResponse(texts.unavailable(args.params.lng));
      }
    };
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => {
      const module = { ...route.module } as Record<string, unknown>;
      for (const name of ["loader", "action"]) if (typeof module[name] === "function") module[name] = answering(module[name] as Handler);
      return [id, { ...route, module }];
    }),
  ) as unknown as ServerBuild["routes"];
  return { ...build, routes };
}
