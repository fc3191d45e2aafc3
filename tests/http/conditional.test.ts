// If-None-Match with the weak comparison of RFC 9110: the one check behind every 304 (pages, PDFs, the
// classroom kit, the service worker and its JSON).
import { describe, expect, it } from "vitest";
import { ifNoneMatchNames } from "~/http/conditional";

describe("If-None-Match", () => {
  const strong = '"3f2a"';
  const weak = 'W/"3f2a"';
  it("names a tag whether either side writes it weak or strong", () => {
    for (const [header, etag] of [[strong, strong], [weak, strong], [strong, weak], [weak, weak]] as const) {
      expect(ifNoneMatchNames(header, etag), `${header} against ${etag}`).toBe(true);
    }
  });

  it("finds it in a list with any spacing, and * matches whatever the answer is", () => {
    expect(ifNoneMatchNames('"a",W/"3f2a" ,  "b"', strong)).toBe(true);
    expect(ifNoneMatchNames("*", weak)).toBe(true);
  });

  it("does not match another tag, a tag that only contains it, or no header", () => {
    expect(ifNoneMatchNames('"3f2b"', strong)).toBe(false);
    expect(ifNoneMatchNames('"3f2a-gzip"', strong)).toBe(false);
    expect(ifNoneMatchNames("3f2a", strong)).toBe(false);
    expect(ifNoneMatchNames(undefined, strong)).toBe(false);
    expect(ifNoneMatchNames("", strong)).toBe(false);
  });
});
