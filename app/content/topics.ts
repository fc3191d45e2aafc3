// Topics are language-neutral keys; their labels live in locales/<lng>/topics.json.
export const topics = [
  "definitions",
  "law",
  "exploitation",
  "recruitment",
  "safe-migration",
  "online-safety",
  "stereotypes",
  "victims-rights",
  "getting-help",
  "campaigning",
] as const;

export type Topic = (typeof topics)[number];

