import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigurationError, environmentSchema, parseConfig } from "~/config.server";
import { environmentOutsideVitest, root } from "../support/server-process";

describe("the configuration", () => {
  it("gives the documented defaults for an empty environment", () => {
    const config = parseConfig({}, "/srv/portal");
    expect(config).toMatchObject({
      deployment: false,
      port: 3000,
      host: "0.0.0.0",
      publicOrigin: null,
      lessonsDirectory: "/srv/portal/lessons",
      pdfCacheDirectory: "/srv/portal/data/pdf-cache",
      pdfMemoryCacheBytes: 64 * 1024 * 1024,
      pageCacheBytes: 32 * 1024 * 1024,
      warmUp: true,
      hsts: true,
    });
  });

  it("stops on a wrong value with a message that names the variable", () => {
    expect(() => parseConfig({ PDF_MEMORY_CACHE_BYTES: "abc" })).toThrow(/PDF_MEMORY_CACHE_BYTES: must be a whole number of bytes/);
    expect(() => parseConfig({ PORT: "http" })).toThrow(/PORT: must be a port number/);
    expect(() => parseConfig({ PUBLIC_ORIGIN: "lessons.example.ge" })).toThrow(/PUBLIC_ORIGIN: /);
    expect(() => parseConfig({ WARM_UP: "no" })).toThrow(/WARM_UP: must be "on" or "off"/);
    expect(() => parseConfig({ PORT: "x", HSTS: "maybe" })).toThrow(/PORT: [\s\S]*HSTS: /);
  });

  it("requires SESSION_SECRET and PUBLIC_ORIGIN in a deployment, not in a local production run", () => {
    expect(() => parseConfig({ NODE_ENV: "production" })).toThrow(ConfigurationError);
    expect(() => parseConfig({ NODE_ENV: "production" })).toThrow(/SESSION_SECRET: required in a deployment[\s\S]*PUBLIC_ORIGIN: required in a deployment/);
    expect(() => parseConfig({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(32) })).toThrow(/PUBLIC_ORIGIN: required in a deployment/);
    expect(parseConfig({ NODE_ENV: "production", PORTAL_LOCAL: "1" }).deployment).toBe(false);
    expect(parseConfig({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(32), PUBLIC_ORIGIN: "https://lessons.example.ge" }).deployment).toBe(true);
  });

  it("treats an empty value as unset and trims an origin's trailing slash", () => {
    expect(parseConfig({ PUBLIC_ORIGIN: "", DATABASE_URL: "" })).toMatchObject({ publicOrigin: null, databaseUrl: undefined });
    expect(parseConfig({ PUBLIC_ORIGIN: "https://lessons.example.ge/" }).publicOrigin).toBe("https://lessons.example.ge");
  });

  it("is documented in the README's table: the same variables, no more, no fewer", () => {
    const readme = readFileSync(path.resolve(import.meta.dirname, "../../README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Configuration"), readme.indexOf("## Layout"));
    const documented = [...section.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((match) => match[1]).sort();
    expect(documented).toEqual(Object.keys(environmentSchema.shape).sort());
  });

  it("stops the production server at start, before it listens, with the variable's name", () => {
    const result = spawnSync(process.execPath, ["build/server.js"], {
      cwd: root,
      env: { ...environmentOutsideVitest(), NODE_ENV: "production", SESSION_SECRET: "x".repeat(40), PUBLIC_ORIGIN: "https://lessons.example.ge", PORT: "0", PDF_MEMORY_CACHE_BYTES: "abc" },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("PDF_MEMORY_CACHE_BYTES: must be a whole number of bytes");
    expect(result.stdout).not.toContain('"event":"listening"');
  });
});
