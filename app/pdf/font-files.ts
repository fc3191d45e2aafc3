// The font files the PDF engine typesets with, from npm packages: WOFF (never WOFF2, which breaks
// pdf-lib), never system fonts. Pure data, shared by the engine and the benchmark's PDFKit comparison.

/**
 * Font files by id → their npm path: fontsource's Latin and Latin Extended WOFF files of Noto Sans,
 * Google Fonts' whole TrueType files of Noto Sans Georgian and Noto Sans Armenian (each with a space,
 * digits and punctuation beside its script), then DejaVu Sans as the last fallback. Decision 014:
 * fontsource's Georgian and Armenian subsets hold no space, so a Georgian line switched fonts at every
 * space and comma. (Google's whole Noto Sans TTF prints invisible Latin once pdf-lib subsets it:
 * ARCHITECTURE.md.)
 */
export const fontFiles = {
  "latin-400": "@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff",
  "latin-700": "@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff",
  "latin-400i": "@fontsource/noto-sans/files/noto-sans-latin-400-italic.woff",
  "latin-700i": "@fontsource/noto-sans/files/noto-sans-latin-700-italic.woff",
  "latinext-400": "@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff",
  "latinext-700": "@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff",
  "latinext-400i": "@fontsource/noto-sans/files/noto-sans-latin-ext-400-italic.woff",
  "latinext-700i": "@fontsource/noto-sans/files/noto-sans-latin-ext-700-italic.woff",
  "georgian-400": "@expo-google-fonts/noto-sans-georgian/400Regular/NotoSansGeorgian_400Regular.ttf",
  "georgian-700": "@expo-google-fonts/noto-sans-georgian/700Bold/NotoSansGeorgian_700Bold.ttf",
  "armenian-400": "@expo-google-fonts/noto-sans-armenian/400Regular/NotoSansArmenian_400Regular.ttf",
  "armenian-700": "@expo-google-fonts/noto-sans-armenian/700Bold/NotoSansArmenian_700Bold.ttf",
  "dejavu-400": "@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff",
  "dejavu-700": "@fontsource/dejavu-sans/files/dejavu-sans-latin-700-normal.woff",
  "dejavu-400i": "@fontsource/dejavu-sans/files/dejavu-sans-latin-400-italic.woff",
  "dejavu-700i": "@fontsource/dejavu-sans/files/dejavu-sans-latin-700-italic.woff",
} as const;
export type FontFileId = keyof typeof fontFiles;
