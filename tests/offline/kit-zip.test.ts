import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { afterEach, describe, expect, it } from "vitest";
import { zipKit, type KitFile } from "~/offline/kit.server";

const files: KitFile[] = [
  { path: "index.html", bytes: new TextEncoder().encode("<!DOCTYPE html><title>ქართული</title>".repeat(50)) },
  { path: "lessons/safe-online/plan.pdf", bytes: new Uint8Array(4000).map((_, index) => (index * 37) % 251) },
  { path: "SHA256SUMS", bytes: new TextEncoder().encode("0000  index.html\n") },
];
const timeZone = process.env.TZ;
afterEach(() => {
  process.env.TZ = timeZone;
});

describe("the classroom kit's zip", () => {
  it("is the same bytes for the same files, in any time zone", () => {
    process.env.TZ = "UTC";
    const first = zipKit(files, "2026-11-12");
    process.env.TZ = "America/Los_Angeles";
    const second = zipKit(files, "2026-11-12");
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(zipKit(files, "2026-11-13")).equals(Buffer.from(first))).toBe(false);
  });

  it("holds every file whole, dated at noon on the edition's day, PDFs stored as they are", () => {
    const zip = zipKit(files, "2026-11-12");
    const unpacked = unzipSync(zip);
    expect(Object.keys(unpacked)).toEqual(files.map((file) => file.path));
    for (const file of files) expect(Buffer.from(unpacked[file.path]!).equals(Buffer.from(file.bytes))).toBe(true);
    const directory = mkdtempSync(path.join(tmpdir(), "kit-zip-"));
    try {
      writeFileSync(path.join(directory, "kit.zip"), zip);
      const listing = execFileSync("unzip", ["-v", path.join(directory, "kit.zip")], { encoding: "utf8" });
      expect(listing).toMatch(/4000\s+Stored\s+4000\s+0%\s+2026-11-12 12:00 .* lessons\/safe-online\/plan\.pdf/);
      expect(listing).toMatch(/Defl:N .* index\.html/);
      execFileSync("unzip", ["-q", path.join(directory, "kit.zip"), "-d", path.join(directory, "out")]);
      expect(readFileSync(path.join(directory, "out/index.html"), "utf8")).toContain("ქართული");
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
