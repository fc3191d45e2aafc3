/** A link to another lesson in a lesson file: [text](lesson:<slug>). */
export const lessonLinkPrefix = "lesson:";
