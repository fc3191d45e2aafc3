import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";
import { remixConfig } from "./remix.config";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

// Vitest loads this file too; the Remix plugin must not run inside the test runner.
const underTest = process.env.VITEST !== undefined;

export default defineConfig({
  plugins: [underTest ? null : remix(remixConfig), tsconfigPaths()],
  build: { assetsInlineLimit: 0 },
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/e2e/**", "node_modules/**"],
    globalSetup: ["tests/setup/build-and-serve.ts"],
    setupFiles: ["tests/setup/environment.ts"],
    testTimeout: 20_000,
    hookTimeout: 120_000,
  },
});
