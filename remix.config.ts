// Remix with Vite never reads this file by itself: vite.config.ts imports these options and passes
// them to the Remix plugin, so that the layout promised in ARCHITECTURE.md holds.
import type { VitePluginConfig } from "@remix-run/dev";

export const remixConfig: VitePluginConfig = {
  appDirectory: "app",
  buildDirectory: "build",
  serverModuleFormat: "esm",
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};

export default remixConfig;
