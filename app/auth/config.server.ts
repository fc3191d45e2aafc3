// Settings the sign-in needs. SESSION_SECRET signs the session cookie: a deployment must set it (the
// configuration refuses to start otherwise); a local run (`npm start`, `npm run dev`) generates one into
// data/ and keeps it there.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { config } from "~/config.server";

interface AuthConfig {
  sessionSecret: string;
  /** Cookies only over HTTPS: on in a deployment, off for a local run on http://localhost. */
  secureCookies: boolean;
  idleMinutes: number;
  maxHours: number;
}

let authSettings: AuthConfig | null = null;

function generatedSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export function authConfig(): AuthConfig {
  if (authSettings) return authSettings;
  const { sessionSecret, sessionSecretFile, deployment, sessionIdleMinutes, sessionMaxHours } = config();
  authSettings = {
    sessionSecret: sessionSecret ?? generatedSecret(sessionSecretFile),
    secureCookies: deployment,
    idleMinutes: sessionIdleMinutes,
    maxHours: sessionMaxHours,
  };
  return authSettings;
}
