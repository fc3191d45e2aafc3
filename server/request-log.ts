// One JSON line per request, written when the response has been sent (finish) or the client went away
// first (close, then `"aborted": true`). The path never carries the query string: it may hold what a
// student searched for, and the logs keep no trace of that. Bytes are counted on the socket (status
// line, headers and body as they left, after compression): a keep-alive connection carries one
// response at a time.
import type { NextFunction, Request, Response } from "express";

export function requestLog(maximumPathLength: number) {
  return (request: Request, response: Response, next: NextFunction) => {
    const started = performance.now();
    const pathOnly = request.originalUrl.split("?")[0]!.slice(0, maximumPathLength);
    const socket = request.socket;
    const bytesBefore = socket.bytesWritten;
    let logged = false;
    const log = (aborted: boolean) => {
      if (logged) return;
      logged = true;
      const line: Record<string, unknown> = {
        event: "request",
        method: request.method,
        path: pathOnly,
        status: response.statusCode,
        milliseconds: Math.round(performance.now() - started),
        bytes: socket.bytesWritten - socket.writableLength - bytesBefore,
      };
      if (aborted) line.aborted = true;
      console.log(JSON.stringify(line));
    };
    // "finish": the response is handed to the socket, which may still hold part of it. It is complete
    // once the socket has drained; the socket closing or failing first means the client went away.
    // What the kernel has accepted counts as sent: a client that resets the connection after that is
    // not seen here.
    response.once("finish", () => {
      if (socket.writableLength === 0 && !socket.errored) return log(false);
      const complete = () => log(false);
      const gone = () => log(true);
      socket.once("drain", complete);
      socket.once("close", gone);
      socket.once("error", gone);
    });
    response.once("close", () => {
      if (!response.writableFinished) log(true);
    });
    next();
  };
}
