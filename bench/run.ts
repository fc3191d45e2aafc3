// `npm run bench -- <name> [--no-build]`: runs one benchmark against a production build of the portal.
import { cleanUpOnSignals, runCleanups } from "./cleanup";
import { runPdfBench } from "./pdf";

export interface BenchOptions {
  /** Build the production bundle first (default); `--no-build` uses the existing build/. */
  build: boolean;
}

const benchmarks: Record<string, { about: string; run: (options: BenchOptions) => Promise<void> }> = {
  pdf: { about: "PDF engine through the server: first and cached; the student book vs Chromium and PDFKit", run: runPdfBench },
};

function usage(): string {
  return [
    "usage: npm run bench -- <benchmark> [--no-build]",
    "",
    ...Object.entries(benchmarks).map(([name, { about }]) => `  ${name.padEnd(8)} ${about}`),
    "",
    "  --no-build  use the existing build/ instead of running `remix vite:build` first",
  ].join("\n");
}

async function main(argv: string[]): Promise<number> {
  const flags = argv.filter((argument) => argument.startsWith("-"));
  const names = argv.filter((argument) => !argument.startsWith("-"));
  const unknownFlags = flags.filter((flag) => flag !== "--no-build");
  if (flags.includes("--help") || flags.includes("-h")) {
    console.log(usage());
    return 0;
  }
  const benchmark = names.length === 1 ? benchmarks[names[0]!] : undefined;
  if (!benchmark || unknownFlags.length > 0) {
    if (unknownFlags.length > 0) console.error(`unknown option: ${unknownFlags.join(" ")}`);
    else if (names.length !== 1) console.error("name one benchmark");
    else console.error(`unknown benchmark: ${names[0]}`);
    console.error(usage());
    return 2;
  }
  cleanUpOnSignals();
  try {
    await benchmark.run({ build: !flags.includes("--no-build") });
    return 0;
  } catch (error) {
    // undici's "fetch failed" says why only in its cause: print the whole chain.
    for (let cause: unknown = error, depth = 0; cause !== undefined && depth < 5; cause = (cause as { cause?: unknown }).cause, depth += 1) {
      const text = cause instanceof Error ? (cause.stack ?? cause.message) : String(cause);
      console.error(depth === 0 ? text : `caused by: ${text}`);
    }
    return 1;
  } finally {
    await runCleanups();
  }
}

process.exitCode = await main(process.argv.slice(2));
