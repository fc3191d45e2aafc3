// A TCP relay in front of the real PostgreSQL: starting and stopping it is the database coming and
// going, for the server and for a database handle alike, without touching the machine's PostgreSQL.
import { createServer, connect, type Server, type Socket } from "node:net";

export interface Relay {
  start(): Promise<void>;
  /** Cuts every connection that passes through, as a database host that went away would. */
  stop(): Promise<void>;
}

export function relay(port: number, target: { host: string; port: number }): Relay {
  let server: Server | null = null;
  const sockets = new Set<Socket>();
  return {
    async start() {
      server = createServer((incoming) => {
        const outgoing = connect(target.port, target.host);
        for (const socket of [incoming, outgoing]) {
          sockets.add(socket);
          socket.on("close", () => sockets.delete(socket));
          socket.on("error", () => {
            incoming.destroy();
            outgoing.destroy();
          });
        }
        incoming.pipe(outgoing).pipe(incoming);
      });
      await new Promise<void>((resolve) => server!.listen(port, "127.0.0.1", resolve));
    },
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      server = null;
    },
  };
}
