// The Remix server build as the server uses it: the route modules, and the hooks that
// app/entry.server.tsx exports for the server's lifecycle. The hooks are checked when the build is
// loaded, so a missing one stops the server at start, not at the first request that needs it.
import type { ServerBuild } from "@remix-run/node";

export interface StoredPage {
  status: number;
  headers: [string, string][];
  body: Buffer | string;
}

/** What app/entry.server.tsx exports besides handleRequest. */
interface PortalHooks {
  startUp(): Promise<void>;
  warmUp(): Promise<void>;
  shutDown(): Promise<void>;
  keepCatalogueFresh(): Promise<void>;
  cachedPublicPage(url: string, ifNoneMatch: string | undefined, acceptsGzip: boolean): StoredPage | null;
  forgivingAddress(pathAndQuery: string, headers: { cookie?: string; acceptLanguage?: string }): Promise<{ status: 301 | 302; location: string } | null>;
}

export interface PortalBuild {
  build: ServerBuild;
  hooks: PortalHooks;
}

const hookNames = ["startUp", "warmUp", "shutDown", "keepCatalogueFresh", "cachedPublicPage", "forgivingAddress"] as const satisfies readonly (keyof PortalHooks)[];

export async function loadPortalBuild(file: string): Promise<PortalBuild> {
  const build = (await import(file)) as ServerBuild;
  const entry = build.entry.module as unknown as Partial<PortalHooks>;
  const missing = hookNames.filter((name) => typeof entry[name] !== "function");
  if (missing.length > 0) throw new Error(`The server build (app/entry.server.tsx) does not export ${missing.join(", ")}`);
  return { build, hooks: entry as PortalHooks };
}
