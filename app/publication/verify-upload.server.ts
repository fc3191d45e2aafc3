// A PDF uploaded to /<lng>/verify (a browser without JavaScript, or without WebCrypto on a plain-http
// school server): hashed as it streams in and never stored — not on disk, not in memory beyond a chunk.
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { createHash } from "node:crypto";

/** The largest PDF the portal issues is a few megabytes; the server's guard allows this much here. */
export const verifyUploadMaximumBytes = 32 * 1024 * 1024;

export type UploadedFingerprint = { kind: "sha256"; sha256: string } | { kind: "not-a-pdf" } | { kind: "no-file" };

/** Reads the multipart form: the field `pdf` is hashed (SHA-256, hex) chunk by chunk; `sha256` is passed through. */
export async function fingerprintOfUpload(request: Request): Promise<{ file: UploadedFingerprint; typed: string }> {
  let file: UploadedFingerprint = { kind: "no-file" };
  const hashing: UploadHandler = async ({ name, data }) => {
    if (name !== "pdf") {
      let text = "";
      for await (const chunk of data) text += Buffer.from(chunk).toString("utf8");
      return text.slice(0, 200);
    }
    const hash = createHash("sha256");
    let start = Buffer.alloc(0);
    let bytes = 0;
    for await (const chunk of data) {
      if (start.length < 5) start = Buffer.concat([start, Buffer.from(chunk.subarray(0, 5))]);
      hash.update(chunk);
      bytes += chunk.byteLength;
    }
    if (bytes === 0) return null;
    // A PDF starts with "%PDF-" (the portal's always do): anything else cannot be one of ours.
    file = start.subarray(0, 5).toString("latin1") === "%PDF-" ? { kind: "sha256", sha256: hash.digest("hex") } : { kind: "not-a-pdf" };
    return null;
  };
  const form = await unstable_parseMultipartFormData(request, hashing);
  const typed = form.get("sha256");
  return { file, typed: typeof typed === "string" ? typed.trim().toLowerCase() : "" };
}
