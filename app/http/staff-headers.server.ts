// Staff pages are personal: never cached by a browser or a CDN, never indexed.
export const staffHeaders = { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" };
