/**
 * The quiz engine: which questions a quiz asks, in what order, how answers are marked, and the
 * learner's quiz history (every answer with its time and confidence, and each question's FSRS card:
 * see ./cards.ts; an answer is recorded, and its card rescheduled, by ./schedule.ts). What the history says about a KSB is the learner model's business
 * (src/lib/learner). Pure functions over plain data.
 */
import { z } from 'zod/mini';
import type { FeatureDefinition } from '../storage/store';
import { savedDate, savedKsbCode, savedText, savedTimestamp } from '../storage/saved-fields';
import { cardFromLeitner, CONFIDENCES, isDue } from './cards';
import { array, lazySchema, object, record, type ShapeValue } from '../storage/shape';
import { hashSeed, seededRandom, shuffle } from './random';
import { compareTimes } from '../dates';
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

export const MAX_ATTEMPTS_KEPT = 200;
/** Every answer is kept (newest first) up to this many: the learner model reads them. */
export const MAX_ANSWERS_KEPT = 5000;

const questionId = lazySchema(() => z.string().check(z.minLength(1), z.maxLength(200)));
const confidence = lazySchema(() => z.optional(z.enum(CONFIDENCES)));

const savedCard = lazySchema(() =>
  z.object({
    due: savedTimestamp(),
    stability: z.number().check(z.minimum(0), z.maximum(100_000)),
    difficulty: z.number().check(z.minimum(0), z.maximum(10)),
    scheduledDays: z.number().check(z.minimum(0)),
    learningSteps: z.number().check(z.int(), z.minimum(0)),
    reps: z.number().check(z.int(), z.minimum(0)),
    lapses: z.number().check(z.int(), z.minimum(0)),
    state: z.literal([0, 1, 2, 3]),
    lastReview: z.optional(savedTimestamp()),
  }),
);

const answer = lazySchema(() => z.object({ question: questionId(), at: savedTimestamp(), correct: z.boolean(), confidence: confidence() }));
export type Answer = z.infer<ReturnType<typeof answer>>;

const attempt = lazySchema(() =>
  z.object({
    id: z.string().check(z.minLength(1), z.maxLength(100)),
    finishedAt: savedTimestamp(),
    scope: savedText(200),
    results: z
      .array(z.object({ question: questionId(), correct: z.boolean(), ksbs: z.array(savedKsbCode()), confidence: confidence() }))
      .check(z.maxLength(100)),
  }),
);
export type Attempt = z.infer<ReturnType<typeof attempt>>;

export const quizHistoryShape = object({
  /** Each answered question's FSRS card, by question id; a merge keeps the card reviewed later. */
  cards: record(questionId, savedCard, 'quiz record', { newest: (c) => c.lastReview }),
  /** Every answer, newest first, with its time and how sure the learner was. */
  answers: array(answer, 'quiz answer', MAX_ANSWERS_KEPT, { newest: (a) => a.at }),
  /** Finished quizzes, newest first; a merge unites them by id and keeps the newest. */
  attempts: array(attempt, 'finished quiz', MAX_ATTEMPTS_KEPT, { id: (a) => a.id, newest: (a) => a.finishedAt }),
});
export type QuizHistory = ShapeValue<typeof quizHistoryShape>;

export const emptyHistory = (): QuizHistory => ({ cards: {}, answers: [], attempts: [] });

/** Records a finished quiz (the most recent attempts are kept). */
export function recordAttempt(history: QuizHistory, entry: Attempt): QuizHistory {
  return { ...history, attempts: [entry, ...history.attempts].slice(0, MAX_ATTEMPTS_KEPT) };
}

/** Each answered question's latest answer, by question id. */
export function latestAnswers(history: Pick<QuizHistory, 'answers'>): Map<string, Answer> {
  const latest = new Map<string, Answer>();
  for (const a of history.answers) {
    const seen = latest.get(a.question);
    if (!seen || a.at > seen.at) latest.set(a.question, a);
  }
  return latest;
}

/** Questions answered before whose review is due by the end of today. */
export function dueQuestions(bank: readonly QuestionRef[], history: QuizHistory, now: Date): QuestionRef[] {
  return bank.filter((q) => {
    const card = history.cards[q.id];
    return card !== undefined && isDue(card, now);
  });
}

/* ───────────────────────── Version 1 (Leitner boxes) → version 2 (FSRS) ───────────────────────── */

const leitnerRecord = lazySchema(() =>
  z.object({
    box: z.number().check(z.int(), z.minimum(1), z.maximum(5)),
    due: savedDate(),
    lastAnswered: savedDate(),
    lastCorrect: z.boolean(),
    seen: z.number().check(z.int(), z.minimum(1)),
    correct: z.number().check(z.int(), z.minimum(0)),
  }),
);

/**
 * Version 1 kept a Leitner box per question and each finished quiz's results. Every question keeps
 * its due date, with a stability from its box (cards.ts, cardFromLeitner); answers are rebuilt
 * from the finished quizzes (at the quiz's finishing time), and a question answered outside them
 * keeps its last answer on the day it was given. A record that cannot be read is carried over as it
 * was, so that it is set aside (and kept in a backup), never silently dropped.
 */
export function migrateQuizV1(data: unknown): unknown {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return data;
  const { questions, attempts } = data as { questions?: unknown; attempts?: unknown };
  const cards: Record<string, unknown> = {};
  const answers: Answer[] = [];
  const attemptList = Array.isArray(attempts) ? attempts : [];
  for (const a of attemptList) {
    const at = (a as { finishedAt?: unknown })?.finishedAt;
    const results = (a as { results?: unknown })?.results;
    if (typeof at !== 'string' || !Array.isArray(results)) continue;
    for (const r of results as Array<{ question?: unknown; correct?: unknown }>) {
      if (typeof r?.question !== 'string' || typeof r.correct !== 'boolean') continue;
      answers.push({ question: r.question, at, correct: r.correct });
    }
  }
  const fromAttempts = latestAnswers({ answers });
  if (questions && typeof questions === 'object' && !Array.isArray(questions)) {
    for (const [id, raw] of Object.entries(questions)) {
      const parsed = leitnerRecord().safeParse(raw);
      if (!parsed.success || parsed.data.correct > parsed.data.seen) {
        cards[id] = raw;
        continue;
      }
      cards[id] = cardFromLeitner(parsed.data);
      // The record's last answer wins when no finished quiz holds it (a quiz left unfinished, or
      // one beyond the 200 kept): it is added on its day, after any answer the quizzes hold.
      const latest = fromAttempts.get(id);
      const day = parsed.data.lastAnswered;
      if (!latest || latest.at.slice(0, 10) < day || (latest.at.slice(0, 10) === day && latest.correct !== parsed.data.lastCorrect)) {
        const noon = `${day}T12:00:00.000Z`;
        const at = latest && latest.at >= noon ? new Date(new Date(latest.at).getTime() + 1000).toISOString() : noon;
        answers.push({ question: id, at, correct: parsed.data.lastCorrect });
      }
    }
  }
  answers.sort((x, y) => compareTimes(y.at, x.at));
  return { cards, answers, attempts: attemptList };
}

/* ─────────────────────────────── Selection ─────────────────────────────── */

/**
 * Picks up to `length` questions from `pool` for a quiz: questions never answered or last answered
 * wrongly come first, then those due for review, then the rest; within each group the order is
 * random (seeded), and KSBs take turns so a quiz over a theme covers as many of its KSBs as it can.
 */
export function selectQuestions(pool: readonly QuestionRef[], history: QuizHistory, options: { length: number; seed: number; now: Date }): QuestionRef[] {
  const random = seededRandom(options.seed);
  const latest = latestAnswers(history);
  const priority = (q: QuestionRef) => {
    const card = history.cards[q.id];
    const last = latest.get(q.id);
    if (!card && !last) return 0;
    if (last && !last.correct) return 1;
    if (card && isDue(card, options.now)) return 2;
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
  version: 2,
  shape: quizHistoryShape,
  defaults: emptyHistory,
  migrations: { 1: migrateQuizV1 },
  describe: (h) => `${plural(h.attempts.length, 'quiz', 'quizzes')}, ${plural(Object.keys(h.cards).length, 'question')} answered`,
};
