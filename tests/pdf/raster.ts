// Pages as a reader sees them: rendered by poppler's pdftoppm (what .ci/run installs) into PPM images,
// read here without any image library. For marks that must be seen and QR codes that must be read
// (sampled module by module, or decoded by zbarimg as a phone would).
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface Raster {
  width: number;
  height: number;
  /** RGB, one byte each, row after row. */
  pixels: Uint8Array;
  /** Pixels per PDF point. */
  scale: number;
}

/** Every page (or pages first…last, counted from 1) at `dpi`, in order. */
export function renderPages(bytes: Uint8Array, dpi: number, range?: { first: number; last: number }): Raster[] {
  const directory = mkdtempSync(path.join(tmpdir(), "pdf-raster-"));
  try {
    const file = path.join(directory, "document.pdf");
    writeFileSync(file, bytes);
    const pages = range ? ["-f", String(range.first), "-l", String(range.last)] : [];
    execFileSync("pdftoppm", ["-r", String(dpi), ...pages, file, path.join(directory, "page")], { stdio: ["ignore", "ignore", "pipe"] });
    return readdirSync(directory)
      .filter((name) => name.endsWith(".ppm"))
      .sort((a, b) => pageNumberOf(a) - pageNumberOf(b))
      .map((name) => ({ ...readPpm(readFileSync(path.join(directory, name))), scale: dpi / 72 }));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

function pageNumberOf(name: string): number {
  return Number(/-(\d+)\.ppm$/.exec(name)?.[1] ?? 0);
}

/** Binary PPM (P6): a header of four tokens (comments allowed), then the pixels. */
function readPpm(file: Buffer): { width: number; height: number; pixels: Uint8Array } {
  const tokens: string[] = [];
  let index = 0;
  while (tokens.length < 4) {
    while (/\s/.test(String.fromCharCode(file[index]!))) index += 1;
    if (file[index] === 0x23) {
      while (file[index] !== 0x0a) index += 1;
      continue;
    }
    const start = index;
    while (!/\s/.test(String.fromCharCode(file[index]!))) index += 1;
    tokens.push(file.subarray(start, index).toString("latin1"));
  }
  index += 1; // the single whitespace after the maximum value
  const [magic, width, height] = [tokens[0], Number(tokens[1]), Number(tokens[2])];
  if (magic !== "P6") throw new Error(`not a binary PPM: ${magic}`);
  return { width, height, pixels: new Uint8Array(file.subarray(index, index + width * height * 3)) };
}

/** The colour at a point given in PDF points from the page's top-left corner. */
export function colourAt(raster: Raster, x: number, y: number): [number, number, number] {
  const column = Math.min(raster.width - 1, Math.floor(x * raster.scale));
  const row = Math.min(raster.height - 1, Math.floor(y * raster.scale));
  const offset = (row * raster.width + column) * 3;
  return [raster.pixels[offset]!, raster.pixels[offset + 1]!, raster.pixels[offset + 2]!];
}

/**
 * Pixels of the draft mark's red (translucent, so pink over white, over a quote's tint or under text):
 * clearly redder than green and blue. Nothing else the engine draws is (black, greys, the brand blue).
 */
export function reddishPixels(raster: Raster): number {
  let count = 0;
  for (let offset = 0; offset < raster.pixels.length; offset += 3) {
    const [red, green, blue] = [raster.pixels[offset]!, raster.pixels[offset + 1]!, raster.pixels[offset + 2]!];
    if (red - green > 20 && red - blue > 20) count += 1;
  }
  return count;
}

/**
 * The QR codes a phone would read on a page (counted from 1): the page rendered by poppler at `dpi`
 * into a PNG (kept as `keepAs` when given, to look at), decoded by ZBar's `zbarimg` (Debian package
 * zbar-tools, which .ci/run installs). Each decoded text once, in ZBar's order.
 */
export function decodeQrCodes(bytes: Uint8Array, page: number, dpi: number, keepAs?: string): string[] {
  const directory = mkdtempSync(path.join(tmpdir(), "pdf-qr-"));
  try {
    const file = path.join(directory, "document.pdf");
    writeFileSync(file, bytes);
    execFileSync("pdftoppm", ["-r", String(dpi), "-f", String(page), "-l", String(page), "-png", "-singlefile", file, path.join(directory, "page")], { stdio: ["ignore", "ignore", "pipe"] });
    const image = path.join(directory, "page.png");
    if (keepAs) {
      mkdirSync(path.dirname(keepAs), { recursive: true });
      copyFileSync(image, keepAs);
    }
    const result = spawnSync("zbarimg", ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", image], { encoding: "utf8" });
    if (result.error) throw result.error;
    // 0: symbols found; 4: none found (not an error here: the caller asserts what it expects).
    if (result.status !== 0 && result.status !== 4) throw new Error(`zbarimg failed (${result.status}): ${result.stderr}`);
    return [...new Set(result.stdout.split("\n").filter((line) => line.length > 0))];
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
