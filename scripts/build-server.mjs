// Compiles the production server (server/*.ts) into build/server.js: one ES module, its packages left
// as imports from node_modules, the Remix build loaded at run time from build/server/index.js.
import { build } from "esbuild";

await build({
  entryPoints: ["server/main.ts"],
  outfile: "build/server.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
});
