// on-headers (the hook compression and morgan use): calls `listener` just before the response's
// headers are written, whoever writes them.
declare module "on-headers" {
  import type { ServerResponse } from "node:http";
  export default function onHeaders(response: ServerResponse, listener: (this: ServerResponse) => void): void;
}
