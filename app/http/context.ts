// What the server (server/app.ts) hands every loader and action besides the request.
declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's IP address as Express sees it (null under the development server). */
    clientAddress?: string | null;
  }
}

export function clientAddress(context: { clientAddress?: string | null } | undefined): string {
  return context?.clientAddress ?? "unknown";
}
