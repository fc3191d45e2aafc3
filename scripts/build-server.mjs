// Compiles the production server (server/*.ts, and the few pure app modules it shares, such as the
// Origin rule and the configuration) into build/server.js, and the PDF worker into build/pdf-worker.js: one ES module whose packages stay imports
// from node_modules, the Remix build loaded at run time from build/server/index.js. The app's `~/`
// imports are resolved through tsconfig's paths, so every package is named external explicitly.
import { readFileSync } from "node:fs";
import { build } from "esbuild";

const manifest = JSON.parse(readFileSync("package.json", "utf8"));
const packages = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });

const shared = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external: packages.flatMap((name) => [name, `${name}/*`]),
  sourcemap: true,
  logLevel: "warning",
};

await build({ ...shared, entryPoints: ["server/main.ts"], outfile: "build/server.js" });
// The PDF typesetting worker (app/pdf/pool.server.ts finds it beside the server build).
await build({ ...shared, entryPoints: ["app/pdf/worker.ts"], outfile: "build/pdf-worker.js" });
