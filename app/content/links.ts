/** A link to another lesson in a lesson file: [text](lesson:<slug>). */
export const lessonLinkPrefix = "lesson:";

/** A link to one of the lesson's printables: [text](material:<id>). */
export const materialLinkPrefix = "material:";
