// The browser's files as the production build wrote them (build/client): the hashed stylesheet and the
// font files it names. An offline copy needs their bytes (the classroom kit) or their addresses (the list a
// service worker saves). Without a build (tests and `npm run dev` run from source) there are none.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { codePointsOf, facesFor, fontFaces, type FontFace } from "./font-faces";

/** build/client, beside the server build (build/server/index.js) that imports this module. */
const clientDirectory = fileURLToPath(new URL("../client/", import.meta.url));

/** An address under /assets/ as the build names its files: nothing else is ever read. */
const assetAddress = /^\/assets\/[A-Za-z0-9._-]+$/;

const files = new Map<string, Buffer | null>();

/** The bytes of a built file by its address ("/assets/app-…css"), or null without a build. */
export function builtFile(address: string): Buffer | null {
  if (!assetAddress.test(address)) return null;
  if (!files.has(address)) {
    try {
      files.set(address, readFileSync(path.join(clientDirectory, address)));
    } catch {
      files.set(address, null);
    }
  }
  return files.get(address)!;
}

/**
 * The stylesheet's font faces that these texts need, each set in its font stack (font-faces.ts), in the
 * stylesheet's order; null without a build.
 */
export function fontFacesFor(stylesheet: string, texts: { texts: Iterable<string>; stack: readonly string[] }[]): { css: string; faces: FontFace[] } | null {
  const css = builtFile(stylesheet)?.toString("utf8");
  if (css === undefined) return null;
  const all = fontFaces(css);
  const needed = new Set(texts.flatMap(({ texts: parts, stack }) => facesFor(all, codePointsOf(parts), stack)));
  return { css, faces: all.filter((face) => needed.has(face)) };
}
