// The namespaces of locales/<lng>/<namespace>.json.
export const namespaces = ["common", "lessons", "topics", "help", "documents", "review", "search", "verify", "problems", "offline"] as const;
export type Namespace = (typeof namespaces)[number];
export const defaultNamespace: Namespace = "common";
