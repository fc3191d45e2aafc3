// An RFC 6266 Content-Disposition with an ASCII fallback and the real name in UTF-8 (RFC 5987), the
// way every browser and download manager reads it: the PDFs' answer and the classroom kit's.

/** RFC 5987 attr-char: what may stand unescaped in filename*=UTF-8''… */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function contentDisposition(kind: "inline" | "attachment", asciiName: string, unicodeName: string): string {
  const fallback = asciiName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  // Control characters, slashes and quotes become spaces: a file name, never a path or a header break.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  const name = unicodeName.replace(/[\u0000-\u001f\u007f/\\"]/g, " ").replace(/\s+/g, " ").trim();
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}
