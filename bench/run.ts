// `npm run bench -- <name> [--no-build] [its own options]`: runs one benchmark against a production build of the portal.
import { cleanUpOnSignals, runCleanups } from "./cleanup";
import { runHttpBench } from "./http";
import { runPdfBench } from "./pdf";

export interface BenchOptions {
  /** Build the production bundle first (default); `--no-build` uses the existing build/. */
  build: boolean;
  /** The benchmark's own options: `--name` gives true, `--name value` or `--name=value` the value. */
  flags: Record<string, string | true>;
}

interface Benchmark {
  about: string;
  /** Its own options, by name without the dashes: whether it takes a value, and what it does. */
  flags?: Record<string, { value: boolean; about: string }>;
  run: (options: BenchOptions) => Promise<void>;
}

const benchmarks: Record<string, Benchmark> = {
  pdf: { about: "PDF engine through the server: first and cached; the student book vs Chromium and PDFKit", run: runPdfBench },
  http: {
    about: "pages, search and PDFs under load (autocannon) vs a bare node:http ceiling; a mixed load with the server's memory",
    flags: {
      short: { value: false, about: "mixed load of 10 s at 20 connections (for CI)" },
      duration: { value: true, about: "seconds of the mixed load (default 60)" },
    },
    run: runHttpBench,
  },
};

function usage(): string {
  return [
    "usage: npm run bench -- <benchmark> [--no-build] [options]",
    "",
    ...Object.entries(benchmarks).flatMap(([name, { about, flags }]) => [
      `  ${name.padEnd(8)} ${about}`,
      ...Object.entries(flags ?? {}).map(([flag, { value, about: what }]) => `    --${flag}${value ? " N" : ""}`.padEnd(20) + what),
    ]),
    "",
    "  --no-build  use the existing build/ instead of running `remix vite:build` first",
  ].join("\n");
}

interface Parsed {
  name: string | undefined;
  build: boolean;
  flags: Record<string, string | true>;
  problems: string[];
}

function parse(argv: string[]): Parsed {
  const name = argv.find((argument) => !argument.startsWith("-"));
  const known = (name !== undefined && Object.hasOwn(benchmarks, name) ? benchmarks[name]!.flags : undefined) ?? {};
  const parsed: Parsed = { name, build: true, flags: {}, problems: [] };
  let nameSeen = false;
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]!;
    if (!argument.startsWith("-")) {
      if (argument === name && !nameSeen) nameSeen = true;
      else parsed.problems.push(`name one benchmark (also given: ${argument})`);
      continue;
    }
    if (argument === "--no-build") {
      parsed.build = false;
      continue;
    }
    const [flag, inline] = argument.replace(/^--?/, "").split(/=(.*)/s, 2) as [string, string | undefined];
    const spec = Object.hasOwn(known, flag) ? known[flag] : undefined;
    if (!spec || !argument.startsWith("--")) {
      parsed.problems.push(`unknown option: ${argument}`);
    } else if (!spec.value) {
      if (inline !== undefined) parsed.problems.push(`--${flag} takes no value`);
      else parsed.flags[flag] = true;
    } else if (inline !== undefined) {
      parsed.flags[flag] = inline;
    } else if (index + 1 < argv.length && !argv[index + 1]!.startsWith("-")) {
      parsed.flags[flag] = argv[index + 1]!;
      index += 1;
    } else {
      parsed.problems.push(`--${flag} needs a value`);
    }
  }
  return parsed;
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(usage());
    return 0;
  }
  const parsed = parse(argv);
  const benchmark = parsed.name !== undefined && Object.hasOwn(benchmarks, parsed.name) ? benchmarks[parsed.name] : undefined;
  if (!benchmark || parsed.problems.length > 0) {
    if (parsed.name === undefined) console.error("name one benchmark");
    else if (!benchmark) console.error(`unknown benchmark: ${parsed.name}`);
    for (const problem of parsed.problems) console.error(problem);
    console.error(usage());
    return 2;
  }
  cleanUpOnSignals();
  try {
    await benchmark.run({ build: parsed.build, flags: parsed.flags });
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
