import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sharedMeasurer } from "~/pdf/render.server";

const root = path.resolve(import.meta.dirname, "../..");
const measurer = sharedMeasurer();
const styles = [
  { bold: false, italic: false },
  { bold: true, italic: false },
  { bold: false, italic: true },
  { bold: true, italic: true },
];

function filesUnder(directory: string, extension: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(directory, entry.name), extension) : entry.name.endsWith(extension) ? [path.join(directory, entry.name)] : [],
  );
}

describe("fonts", () => {
  it("cover every character of every lesson and every UI string, in every style", () => {
    const files = [...filesUnder(path.join(root, "lessons"), ".md"), ...filesUnder(path.join(root, "locales"), ".json")];
    const missing = new Set<string>();
    for (const file of files) {
      for (const character of new Set(readFileSync(file, "utf8"))) {
        const codePoint = character.codePointAt(0)!;
        if (codePoint < 0x20) continue;
        for (const style of styles) {
          if (!measurer.covers(codePoint, style)) missing.add(`U+${codePoint.toString(16).toUpperCase().padStart(4, "0")} ${character} in ${path.relative(root, file)}`);
        }
      }
    }
    expect([...missing]).toEqual([]);
  });

  it("choose Noto for each script and DejaVu only as the last fallback", () => {
    const style = styles[0]!;
    expect(measurer.faceFor("ა".codePointAt(0)!, style)).toBe("georgian-400");
    expect(measurer.faceFor("Ա".codePointAt(0)!, style)).toBe("armenian-400");
    expect(measurer.faceFor("ə".codePointAt(0)!, style)).toBe("latinext-400");
    expect(measurer.faceFor(" ".codePointAt(0)!, style)).toBe("latin-400");
    expect(measurer.faceFor("→".codePointAt(0)!, style)).toBe("dejavu-400");
  });
});
