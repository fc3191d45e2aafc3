import { notFound } from "~/http/responses.server";

// Any other path: a 404 page in the reader's language (the root's ErrorBoundary renders it).
export function loader() {
  throw notFound();
}

export function action() {
  throw notFound();
}

export default function NotFound() {
  return null;
}
