// The site's navigation as data: the header renders it, tests read it.
import { helpLine as helpLineNumber, keepTogether } from "~/content/phone-numbers";
export const navigationItems = [
  { path: "/", labelKey: "nav.home" },
  { path: "/lessons", labelKey: "nav.lessons" },
  { path: "/books", labelKey: "nav.books" },
  // The pack builder typesets on the server: the classroom kit's copy of the site has no such page.
  { path: "/packs", labelKey: "nav.packs", needsServer: true },
  { path: "/help", labelKey: "nav.help" },
] as const;

/** Where the quick-exit control leaves for: a neutral page that gives nothing away. */
export const quickExitUrl = "https://www.google.com/search?q=weather";

export const helpLine = {
  /** With no-break spaces: the number never breaks across lines. */
  display: keepTogether(helpLineNumber.display),
  telephone: helpLineNumber.value,
  emergency: "112",
} as const;
