// Child processes (the server, Chromium) must not outlive the benchmark, whether it ends normally,
// throws, or is interrupted: every one registers how to stop it here.
const cleanups = new Set<() => Promise<void>>();

/** Registers a stop function; returns a function that runs it now and unregisters it. */
export function registerCleanup(stop: () => Promise<void>): () => Promise<void> {
  cleanups.add(stop);
  return async () => {
    cleanups.delete(stop);
    await stop();
  };
}

/** Runs every registered stop function (each at most once), newest first; errors are reported, not thrown. */
export async function runCleanups(): Promise<void> {
  for (const stop of [...cleanups].reverse()) {
    cleanups.delete(stop);
    try {
      await stop();
    } catch (error) {
      console.error(`cleanup failed: ${(error as Error).message}`);
    }
  }
}

let installed = false;
/** On SIGINT/SIGTERM: stop the children, then exit with the conventional 128 + signal number. */
export function cleanUpOnSignals(): void {
  if (installed) return;
  installed = true;
  for (const [signal, number] of [["SIGINT", 2], ["SIGTERM", 15]] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping the server and the browser`);
      void runCleanups().finally(() => process.exit(128 + number));
    });
  }
}
