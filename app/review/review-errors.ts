// Why a review step was refused: a conflict (someone decided first: 409) or a rejection (the text or
// the person may not: 422 or 403).
import type { ContentProblem } from "~/content/document";

export class ReviewConflict extends Error {}
export class ReviewRejected extends Error {
  constructor(
    message: string,
    readonly problems: ContentProblem[] = [],
  ) {
    super(message);
  }
}
