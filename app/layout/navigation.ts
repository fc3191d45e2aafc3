// The site's navigation as data: the header renders it, tests read it.
export const navigationItems = [
  { path: "/", labelKey: "nav.home" },
  { path: "/lessons", labelKey: "nav.lessons" },
  { path: "/books", labelKey: "nav.books" },
  { path: "/packs", labelKey: "nav.packs" },
  { path: "/help", labelKey: "nav.help" },
] as const;

/** Where the quick-exit control leaves for: a neutral page that gives nothing away. */
export const quickExitUrl = "https://www.google.com/search?q=weather";

export const helpLine = {
  display: "+995 32 2 91 34 61",
  telephone: "+995322913461",
  emergency: "112",
} as const;
