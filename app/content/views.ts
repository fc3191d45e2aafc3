// What each page needs of a lesson, and no more: the page data travels to a phone on a slow line.
import type { Language } from "~/i18n/languages";
import type { Activity, BodyNode, Lesson, LessonDocument, LessonMetadata, Printable } from "./document";

export interface LessonSummary {
  slug: string;
  number: number;
  title: string;
  summary: string;
  grades: number[];
  minutes: number;
  topics: LessonMetadata["topics"];
}

export interface QuizQuestionView {
  question: string;
  options: string[];
  rightOption: number;
  explanation: BodyNode[];
}

/** An activity as students see it: its title, its length and their task; never the teacher's instructions. */
interface StudentActivityView {
  title: string;
  minutes: number;
  studentTask: BodyNode[];
}

export interface StudentLessonView extends LessonSummary {
  language: Language;
  activities: StudentActivityView[];
  reading: BodyNode[];
  discussion: BodyNode[];
  quiz: QuizQuestionView[];
}

export interface TeacherLessonView extends Omit<StudentLessonView, "activities"> {
  activities: Activity[];
  printables: Printable[];
  objectives: BodyNode[];
  materials: BodyNode[];
  teacherNotes: BodyNode[];
  safeguarding: BodyNode[];
}

export function lessonSummary(lesson: Lesson, document: LessonDocument): LessonSummary {
  return {
    slug: lesson.slug,
    number: lesson.metadata.order,
    title: document.title,
    summary: document.summary,
    grades: lesson.metadata.grades,
    minutes: lesson.metadata.minutes,
    topics: lesson.metadata.topics,
  };
}

export function studentLessonView(lesson: Lesson, document: LessonDocument): StudentLessonView {
  return {
    ...lessonSummary(lesson, document),
    language: document.language,
    activities: document.activities.map(({ title, minutes, studentTask }) => ({ title, minutes, studentTask })),
    reading: document.reading,
    discussion: document.discussion,
    quiz: document.quiz.map((question) => ({
      question: question.question,
      options: question.options.map((option) => option.text),
      rightOption: question.options.findIndex((option) => option.correct),
      explanation: question.explanation,
    })),
  };
}

export function teacherLessonView(lesson: Lesson, document: LessonDocument): TeacherLessonView {
  return {
    ...studentLessonView(lesson, document),
    activities: document.activities,
    printables: document.printables,
    objectives: document.objectives,
    materials: document.materials,
    teacherNotes: document.teacherNotes,
    safeguarding: document.safeguarding,
  };
}
