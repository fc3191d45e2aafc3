// The ceiling of the HTTP benchmark: a bare node:http server that answers every request with one
// recorded response of the portal (status, headers, body bytes as sent, gzip included) and does
// nothing else. Run as a child process: `node --import tsx bench/bare-server.ts <recording directory>`.
// It listens on a free loopback port, prints {"event":"listening","port":…} and exits when its
// standard input closes (the benchmark ended, however it ended) or on SIGTERM/SIGINT.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";

/** What bench/http.ts records: the response line and headers; the body is the file `body` beside it. */
export interface RecordedResponse {
  status: number;
  /** In the order sent, without the ones node's http server writes itself (Date, Connection, Keep-Alive, Transfer-Encoding). */
  headers: [string, string][];
  /** Whether the body came in chunked transfer encoding (it does when the portal streams it). */
  chunked: boolean;
}

const directory = process.argv[2];
if (!directory) {
  console.error("usage: node --import tsx bench/bare-server.ts <recording directory>");
  process.exit(2);
}
const recorded = JSON.parse(readFileSync(path.join(directory, "response.json"), "utf8")) as RecordedResponse;
const body = readFileSync(path.join(directory, "body"));
// writeHead takes the headers as one flat [name, value, name, value, …] list, kept in their order.
const flatHeaders = recorded.headers.flat();

const server = createServer((request, response) => {
  // Requests carry no body here; resume() still drains one, so the connection stays usable.
  request.resume();
  response.writeHead(recorded.status, flatHeaders);
  // Written before end(), the body's length is not known when the headers go: node sends it chunked,
  // with its own headers in the same order as for the portal.
  if (recorded.chunked) response.write(body);
  response.end(recorded.chunked ? undefined : body);
});

server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(JSON.stringify({ event: "listening", port: typeof address === "object" && address ? address.port : 0 }));
});

function stop(): void {
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 2_000).unref();
}
process.stdin.on("end", stop);
process.stdin.on("error", stop);
process.stdin.resume();
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
