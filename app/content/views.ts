// What each page needs of a lesson, and no more: the page data travels to a phone on a slow line.
import type { Language } from "~/i18n/languages";
import type { Activity, BodyNode, Lesson, LessonDocument, LessonMetadata } from "./document";

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

export interface StudentLessonView extends LessonSummary {
  language: Language;
  activities: Activity[];
  reading: BodyNode[];
  discussion: BodyNode[];
  quiz: QuizQuestionView[];
}

export interface TeacherLessonView extends StudentLessonView {
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
    activities: document.activities.map(({ title, minutes, body, line }) => ({ title, minutes, body, line })),
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
    objectives: document.objectives,
    materials: document.materials,
    teacherNotes: document.teacherNotes,
    safeguarding: document.safeguarding,
  };
}
