// `npm run cli -- export --language <lng> --out <dir>`: the classroom kit of a language as a folder, the
// same files /<lng>/offline/kit.zip holds, for a USB stick or any static web server. The kit is made by the
// production build (its stylesheet and fonts are the build's, hashed), so this command loads the build and
// asks it, as the server does: the folder and the zip come from the very same code. The folder is written
// under a temporary name beside the destination and renamed when whole: never a half-written kit.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { isLanguage, languages } from "~/i18n/languages";

const usage = "Usage: npm run cli -- export --language <ka|hy|az|en> --out <folder>";
const projectRoot = path.resolve(import.meta.dirname, "../..");
const serverBuild = path.join(projectRoot, "build/server/index.js");

interface KitFile {
  path: string;
  bytes: Uint8Array;
}

interface PortalEntry {
  classroomKitFiles(language: string): Promise<{ edition: { version: string; approvedAt: string | null }; files: KitFile[] }>;
  shutDown(): Promise<void>;
}

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
}

function isEmptyFolder(folder: string): boolean {
  return statSync(folder).isDirectory() && readdirSync(folder).length === 0;
}

/** Returns the exit code: 0 exported, 1 refused or failed, 2 used wrongly. */
export async function exportCommand(args: string[]): Promise<number> {
  const language = option(args, "--language");
  const out = option(args, "--out");
  if (language === undefined || out === undefined || out.startsWith("-")) {
    console.error(usage);
    return 2;
  }
  if (!isLanguage(language)) {
    console.error(`Unknown language "${language}": the portal's languages are ${languages.join(", ")}.`);
    return 2;
  }
  const destination = path.resolve(out);
  const parent = path.dirname(destination);
  if (existsSync(destination) && !isEmptyFolder(destination)) {
    // An earlier kit is worth keeping: never overwrite one by a slip of the command line.
    console.error(`${destination} exists already and is not an empty folder: name a new folder, or remove that one first.`);
    return 1;
  }
  if (!existsSync(parent) || !statSync(parent).isDirectory()) {
    console.error(`Cannot write the kit into ${destination}: the folder ${parent} does not exist.`);
    return 1;
  }
  if (!existsSync(serverBuild)) {
    console.error("The classroom kit is made by the production build (its stylesheet and fonts), which is missing: run `npm run build` first (`npm start` does).");
    return 1;
  }
  let partial: string;
  try {
    partial = mkdtempSync(path.join(parent, `.${path.basename(destination)}.partial-`));
  } catch (error) {
    console.error(`Cannot write the kit into ${destination}: ${(error as NodeJS.ErrnoException).code ?? String(error)} (check that the folder ${parent} is writable).`);
    return 1;
  }

  // The build reads its configuration as the server does: a local production run unless a deployment's
  // environment is set, so that the kit's PDFs are the very bytes that server serves.
  if (process.env.NODE_ENV !== "production") {
    process.env.NODE_ENV = "production";
    process.env.PORTAL_LOCAL = "1";
  }
  if (!process.env.PUBLIC_ORIGIN?.trim()) {
    console.error("Note: PUBLIC_ORIGIN is unset: the kit's PDFs carry no address of the portal, like those of a local server; set it as the portal's server has it to get that server's very PDFs.");
  }
  const started = performance.now();
  const build = (await import(pathToFileURL(serverBuild).href)) as { entry: { module: Partial<PortalEntry> } };
  const entry = build.entry.module;
  if (typeof entry.classroomKitFiles !== "function" || typeof entry.shutDown !== "function") {
    rmSync(partial, { recursive: true, force: true });
    console.error("The production build in build/ is older than this command: run `npm run build` again.");
    return 1;
  }
  try {
    const { edition, files } = await entry.classroomKitFiles(language);
    let bytes = 0;
    for (const file of files) {
      const target = path.join(partial, ...file.path.split("/"));
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.bytes);
      bytes += file.bytes.length;
    }
    // An empty folder at the destination is replaced whole; anything else was refused above.
    if (existsSync(destination)) rmdirSync(destination);
    renameSync(partial, destination);
    const megabytes = (bytes / (1024 * 1024)).toFixed(1);
    console.log(`exported the classroom kit in ${language} (version ${edition.version}, approved ${edition.approvedAt ?? "never"}): ${files.length} files, ${megabytes} MB, into ${destination} in ${Math.round(performance.now() - started)} ms`);
    return 0;
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  } finally {
    await entry.shutDown();
  }
}
