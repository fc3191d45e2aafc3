// Settings the sign-in needs, validated once. SESSION_SECRET signs the session cookie: a deployment
// must set it (a clear error at start otherwise); a local run (`npm start`, `npm run dev`) generates
// one into data/ and keeps it there.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const environmentSchema = z.object({
  NODE_ENV: z.string().optional(),
  PORTAL_LOCAL: z.enum(["1"]).optional(),
  SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters").optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(120),
});

export interface AuthConfig {
  sessionSecret: string;
  /** Cookies only over HTTPS: on in a deployment, off for a local run on http://localhost. */
  secureCookies: boolean;
  idleMinutes: number;
}

let config: AuthConfig | null = null;

export function isDeployment(): boolean {
  return process.env.NODE_ENV === "production" && process.env.PORTAL_LOCAL !== "1";
}

function generatedSecret(): string {
  const file = path.resolve(process.env.SESSION_SECRET_FILE ?? path.join("data", "session-secret"));
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export function authConfig(): AuthConfig {
  if (config) return config;
  const environment = environmentSchema.safeParse(process.env);
  if (!environment.success) throw new Error(`Invalid configuration: ${environment.error.issues.map((issue) => issue.message).join("; ")}`);
  const deployment = isDeployment();
  if (deployment && !environment.data.SESSION_SECRET) {
    throw new Error("SESSION_SECRET is required in production: set it to a random string of 32 characters or more (e.g. `openssl rand -base64 48`).");
  }
  config = {
    sessionSecret: environment.data.SESSION_SECRET ?? generatedSecret(),
    secureCookies: deployment,
    idleMinutes: environment.data.SESSION_IDLE_MINUTES,
  };
  return config;
}
