// The font files the PDF engine typesets with, from npm packages: WOFF (never WOFF2, which breaks
// pdf-lib), never system fonts. Pure data, shared by the engine and the benchmark's PDFKit comparison.

/** Font files by id → their npm path. Georgian and Armenian files lack space, digits and punctuation. */
export const fontFiles = {
  "latin-400": "@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff",
  "latin-700": "@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff",
  "latin-400i": "@fontsource/noto-sans/files/noto-sans-latin-400-italic.woff",
  "latin-700i": "@fontsource/noto-sans/files/noto-sans-latin-700-italic.woff",
  "latinext-400": "@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff",
  "latinext-700": "@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff",
  "latinext-400i": "@fontsource/noto-sans/files/noto-sans-latin-ext-400-italic.woff",
  "latinext-700i": "@fontsource/noto-sans/files/noto-sans-latin-ext-700-italic.woff",
  "georgian-400": "@fontsource/noto-sans-georgian/files/noto-sans-georgian-georgian-400-normal.woff",
  "georgian-700": "@fontsource/noto-sans-georgian/files/noto-sans-georgian-georgian-700-normal.woff",
  "armenian-400": "@fontsource/noto-sans-armenian/files/noto-sans-armenian-armenian-400-normal.woff",
  "armenian-700": "@fontsource/noto-sans-armenian/files/noto-sans-armenian-armenian-700-normal.woff",
  "dejavu-400": "@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff",
  "dejavu-700": "@fontsource/dejavu-sans/files/dejavu-sans-latin-700-normal.woff",
  "dejavu-400i": "@fontsource/dejavu-sans/files/dejavu-sans-latin-400-italic.woff",
  "dejavu-700i": "@fontsource/dejavu-sans/files/dejavu-sans-latin-700-italic.woff",
} as const;
export type FontFileId = keyof typeof fontFiles;
