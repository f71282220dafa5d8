/**
 * The quiz engine: which questions a quiz asks, in what order, how answers are marked, and how the
 * learner's history becomes mastery and a review schedule. Pure functions over plain data.
 *
 * Spaced repetition is a Leitner scheme: each question sits in a box from 1 to 5. A correct answer
 * moves it up a box, a wrong one back to box 1; the box sets how many days until it is due again.
 */
import { z } from 'zod/mini';
import { addDays, compareDates } from '../dates';
import type { FeatureDefinition } from '../storage/store';
import { savedDate, savedKsbCode, savedText, savedTimestamp } from '../storage/saved-fields';
import { array, object, record } from '../storage/shape';
import { hashSeed, seededRandom, shuffle } from './random';
import { plural } from '../format';

/* ─────────────────────────────── Questions ─────────────────────────────── */

export type QuestionType = 'single' | 'multiple' | 'true-false';

export interface QuizOption {
  text: string;
  correct?: true | undefined;
  why: string;
}

/** What a question tests: a phrase of its first KSB's statement and/or a criterion (resolved for display). */
export interface QuestionTests {
  phrase?: string | undefined;
  criterion?: { id: string; grade: 'pass' | 'distinction'; theme: string; text: string } | undefined;
}

export interface QuizQuestion {
  id: string;
  ksbs: string[];
  type: QuestionType;
  difficulty: 1 | 2 | 3;
  /** Phrased the way a professional-discussion assessor probes. */
  probe?: true | undefined;
  question: string;
  options: QuizOption[];
  explanation: string;
  tests: QuestionTests;
}

/** What selection needs to know about a question, without its text (the bank's index). */
export type QuestionRef = Pick<QuizQuestion, 'id' | 'ksbs' | 'type' | 'difficulty'>;

/** Option order for display: the stored order shuffled by a seed; True/False stays in that order. */
export function optionOrder(question: Pick<QuizQuestion, 'id' | 'type' | 'options'>, seed: number): number[] {
  const indices = question.options.map((_, i) => i);
  if (question.type === 'true-false') return indices;
  return shuffle(indices, seededRandom(hashSeed(`${seed}:${question.id}`)));
}

export function correctIndices(question: Pick<QuizQuestion, 'options'>): number[] {
  return question.options.flatMap((o, i) => (o.correct ? [i] : []));
}

/** All or nothing: the chosen options must be exactly the correct ones. */
export function isCorrect(question: Pick<QuizQuestion, 'options'>, chosen: readonly number[]): boolean {
  const right = correctIndices(question);
  const picked = [...new Set(chosen)].sort((a, b) => a - b);
  return picked.length === right.length && picked.every((v, i) => v === right[i]);
}

/* ─────────────────────────────── History ─────────────────────────────── */

export const LEITNER_INTERVAL_DAYS = [0, 1, 3, 7, 14, 30] as const; // index = box (1–5)
export const MAX_ATTEMPTS_KEPT = 200;

const questionId = z.string().check(z.minLength(1), z.maxLength(200));
const questionRecord = z
  .object({
    box: z.number().check(z.int(), z.minimum(1), z.maximum(5)),
    due: savedDate,
    lastAnswered: savedDate,
    lastCorrect: z.boolean(),
    seen: z.number().check(z.int(), z.minimum(1)),
    correct: z.number().check(z.int(), z.minimum(0)),
  })
  .check(z.refine((r) => r.correct <= r.seen, 'cannot have more right answers than answers'));
export type QuestionRecord = z.infer<typeof questionRecord>;

const attempt = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  finishedAt: savedTimestamp,
  scope: savedText(200),
  results: z.array(z.object({ question: questionId, correct: z.boolean(), ksbs: z.array(savedKsbCode) })).check(z.maxLength(100)),
});
export type Attempt = z.infer<typeof attempt>;

export const quizHistoryShape = object({
  questions: record(questionId, questionRecord, 'quiz record'),
  attempts: array(attempt, 'finished quiz', MAX_ATTEMPTS_KEPT),
});
export const quizHistorySchema = quizHistoryShape.schema;
export type QuizHistory = z.infer<typeof quizHistorySchema>;

export const emptyHistory = (): QuizHistory => ({ questions: {}, attempts: [] });

/** Records one answer: updates the question's box, due date and counts. `today` is YYYY-MM-DD. */
export function recordAnswer(history: QuizHistory, questionId: string, correct: boolean, today: string): QuizHistory {
  const before = history.questions[questionId];
  const box = correct ? Math.min(5, (before?.box ?? 0) + 1) : 1;
  const record: QuestionRecord = {
    box,
    due: addDays(today, LEITNER_INTERVAL_DAYS[box]!),
    lastAnswered: today,
    lastCorrect: correct,
    seen: (before?.seen ?? 0) + 1,
    correct: (before?.correct ?? 0) + (correct ? 1 : 0),
  };
  return { ...history, questions: { ...history.questions, [questionId]: record } };
}

/** Records a finished quiz (the most recent attempts are kept). */
export function recordAttempt(history: QuizHistory, entry: Attempt): QuizHistory {
  return { ...history, attempts: [entry, ...history.attempts].slice(0, MAX_ATTEMPTS_KEPT) };
}

/* ─────────────────────────────── Mastery ─────────────────────────────── */

export interface Mastery {
  /** Questions in the bank that test the KSB. */
  questions: number;
  /** Of those, how many have been answered at least once. */
  answered: number;
  /** Share (0–1) of the KSB's questions whose latest answer was right; undefined until one is answered. */
  score: number | undefined;
}

/**
 * Mastery of a KSB: the share of all its questions (answered or not) whose most recent answer was
 * correct. Unanswered questions count as not yet mastered, so mastery is earned across the whole
 * set, not from one lucky answer.
 */
export function masteryOf(ksb: string, bank: readonly QuestionRef[], history: QuizHistory): Mastery {
  const questions = bank.filter((q) => q.ksbs.includes(ksb));
  const answered = questions.filter((q) => history.questions[q.id]);
  const right = answered.filter((q) => history.questions[q.id]!.lastCorrect).length;
  return { questions: questions.length, answered: answered.length, score: answered.length ? right / questions.length : undefined };
}

/** The threshold below which a KSB counts as weak (the progress dashboard uses the same). */
export const WEAK_BELOW = 0.6;

/** KSBs practised at least once whose mastery is below the threshold, weakest first. */
export function weakKsbs(codes: readonly string[], bank: readonly QuestionRef[], history: QuizHistory): string[] {
  return codes
    .map((code) => ({ code, m: masteryOf(code, bank, history) }))
    .filter(({ m }) => m.score !== undefined && m.score < WEAK_BELOW)
    .sort((a, b) => a.m.score! - b.m.score!)
    .map(({ code }) => code);
}

/** Questions answered before whose review date has come. */
export function dueQuestions(bank: readonly QuestionRef[], history: QuizHistory, today: string): QuestionRef[] {
  return bank.filter((q) => {
    const r = history.questions[q.id];
    return r !== undefined && compareDates(r.due, today) <= 0;
  });
}

/* ─────────────────────────────── Selection ─────────────────────────────── */

/**
 * Picks up to `length` questions from `pool` for a quiz: questions never answered or last answered
 * wrongly come first, then those due for review, then the rest; within each group the order is
 * random (seeded), and KSBs take turns so a quiz over a theme covers as many of its KSBs as it can.
 */
export function selectQuestions(pool: readonly QuestionRef[], history: QuizHistory, options: { length: number; seed: number; today: string }): QuestionRef[] {
  const random = seededRandom(options.seed);
  const priority = (q: QuestionRef) => {
    const r = history.questions[q.id];
    if (!r) return 0;
    if (!r.lastCorrect) return 1;
    if (compareDates(r.due, options.today) <= 0) return 2;
    return 3;
  };
  // Random order first, then a stable sort by priority keeps randomness within a priority.
  const ordered = shuffle(pool, random).sort((a, b) => priority(a) - priority(b));
  // Round-robin by first KSB, preserving the priority order within each KSB.
  const byKsb = new Map<string, QuestionRef[]>();
  for (const q of ordered) byKsb.set(q.ksbs[0]!, [...(byKsb.get(q.ksbs[0]!) ?? []), q]);
  const queues = [...byKsb.values()].sort((a, b) => priority(a[0]!) - priority(b[0]!));
  const picked: QuestionRef[] = [];
  while (picked.length < options.length && queues.some((queue) => queue.length > 0)) {
    for (const queue of queues) {
      const next = queue.shift();
      if (next) picked.push(next);
      if (picked.length === options.length) break;
    }
  }
  return picked;
}

/* ─────────────────────────────── Results ─────────────────────────────── */

export interface KsbBreakdown {
  ksb: string;
  correct: number;
  total: number;
}

/** Per-KSB results of one quiz (each question counts for every KSB it tests), weakest first. */
export function breakdown(results: Attempt['results']): KsbBreakdown[] {
  const map = new Map<string, KsbBreakdown>();
  for (const r of results) {
    for (const ksb of r.ksbs) {
      const row = map.get(ksb) ?? { ksb, correct: 0, total: 0 };
      row.total++;
      if (r.correct) row.correct++;
      map.set(ksb, row);
    }
  }
  return [...map.values()].sort((a, b) => a.correct / a.total - b.correct / b.total || b.total - a.total);
}

/* ─────────────────────────────── Storage ─────────────────────────────── */

export const quizFeature: FeatureDefinition<QuizHistory> = {
  feature: 'quiz',
  label: 'Quiz history',
  version: 1,
  shape: quizHistoryShape,
  defaults: emptyHistory,
  describe: (h) => `${plural(h.attempts.length, 'quiz', 'quizzes')}, ${plural(Object.keys(h.questions).length, 'question')} answered`,
};
