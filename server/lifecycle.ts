// A graceful stop: on SIGTERM or SIGINT the server stops accepting connections, lets the requests in
// flight finish (at most drainMilliseconds, then their connections are cut), closes the database and
// exits 0; a second signal exits at once. While stopping, every answer closes its connection, and so
// does a keep-alive connection whose response had begun before: server.close() waits for them.
import type { Server } from "node:http";
import type { NextFunction, Request, Response } from "express";
import { describeError } from "./database-outage";

/**
 * How long requests in flight may take to finish after SIGTERM: the first download of a book is
 * typeset in well under that; an orchestrator's own grace period (Kubernetes: 30 s) is longer.
 */
const drainMilliseconds = 10_000;

export class Lifecycle {
  stopping = false;
  private server: Server | null = null;
  private readonly inFlight = new Set<Response>();

  /** Middleware: keeps track of responses in flight, and closes connections once stopping. */
  readonly closingConnections = (_request: Request, response: Response, next: NextFunction) => {
    this.inFlight.add(response);
    // Node sends "Connection: close" for a response that is not to be kept alive.
    if (this.stopping) response.shouldKeepAlive = false;
    response.once("close", () => {
      this.inFlight.delete(response);
      if (this.stopping) setImmediate(() => this.server?.closeIdleConnections());
    });
    next();
  };

  attach(server: Server): void {
    this.server = server;
  }

  async stop(signal: string, shutDown: () => Promise<void>): Promise<never> {
    if (this.stopping) {
      console.log(JSON.stringify({ event: "shutdown-now", signal }));
      process.exit(1);
    }
    this.stopping = true;
    console.log(JSON.stringify({ event: "shutdown", signal }));
    const server = this.server!;
    for (const response of this.inFlight) if (!response.headersSent) response.shouldKeepAlive = false;
    const drained = new Promise((resolve) => server.close(resolve));
    // Keep-alive connections between requests would hold server.close() open until they time out.
    server.closeIdleConnections();
    const cut = setTimeout(() => {
      console.log(JSON.stringify({ event: "shutdown-forced", afterMilliseconds: drainMilliseconds }));
      server.closeAllConnections();
    }, drainMilliseconds);
    await drained;
    clearTimeout(cut);
    try {
      await shutDown();
    } catch (error) {
      console.error(JSON.stringify({ event: "database-close-failed", error: describeError(error) }));
    }
    console.log(JSON.stringify({ event: "stopped" }));
    process.exit(0);
  }
}
