/**
 * A question's card as saved, and what it says now: how likely the learner is to recall the
 * question, and whether it is due. Reading cards needs no scheduler and no ts-fsrs: pages that only
 * show the learner's state (progress, saved data, KSB labels) load this, and ts-fsrs (./schedule)
 * loads only where an answer is given, the quiz's runner (issue #20: 4.5 KB gzip less on those pages;
 * a module cannot be split between files, so importing even one function of ts-fsrs here loaded it all).
 */
import { DAY_MS } from '../dates';

export const CONFIDENCES = ['guessed', 'fairly-sure', 'certain'] as const;
export type Confidence = (typeof CONFIDENCES)[number];
export const CONFIDENCE_LABEL: Record<Confidence, string> = { guessed: 'Guessed', 'fairly-sure': 'Fairly sure', certain: 'Certain' };

/** The recall FSRS aims for when it sets a due date (its default). */
export const REQUEST_RETENTION = 0.9;
export const MAXIMUM_INTERVAL_DAYS = 365;

/**
 * The scheduler's settings, here once: in days (no minute-long learning steps), without random
 * fuzz, so the same answers always give the same schedule. ./schedule builds its scheduler from them.
 */
export const FSRS_SETTINGS = { request_retention: REQUEST_RETENTION, maximum_interval: MAXIMUM_INTERVAL_DAYS, enable_fuzz: false, enable_short_term: false } as const;

/**
 * The decay of FSRS-6's forgetting curve with ts-fsrs's default parameters (its FSRS6_DEFAULT_DECAY,
 * the last of the parameters its scheduler uses with FSRS_SETTINGS); a unit test holds it equal.
 */
export const FSRS_DECAY = 0.1542;
/** As ts-fsrs rounds: to 8 decimal places. */
const round8 = (n: number) => Math.round(n * 1e8) / 1e8;
/** The curve's factor: recall is 90% when the days since the last review equal the stability. */
const FACTOR = round8(Math.exp(Math.log(0.9) / -FSRS_DECAY) - 1);

/** A card as saved: plain JSON, times as ISO strings. */
export interface SavedCard {
  due: string;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  /** 0 new, 1 learning, 2 review, 3 relearning (FSRS states). */
  state: 0 | 1 | 2 | 3;
  lastReview?: string | undefined;
}

/** A card that has never been answered. */
export function newCard(now: Date): SavedCard {
  return { due: now.toISOString(), stability: 0, difficulty: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, state: 0 };
}

/**
 * FSRS's estimate (0–1) that the learner would answer this question right now, as ts-fsrs's
 * scheduler gives it (get_retrievability: whole days since the last review on FSRS-6's forgetting
 * curve, rounded to 8 places); a property test holds the two equal for any card and time.
 */
export function recallNow(card: SavedCard, now: Date): number {
  if (card.state === 0) return 0;
  // A reviewed card without a last review is refused, as the scheduler refuses it.
  if (card.lastReview === undefined) throw new Error('A reviewed card has no last review');
  const days = Math.max(Math.floor((now.getTime() - new Date(card.lastReview).getTime()) / DAY_MS), 0);
  return round8(Math.pow(1 + (FACTOR * days) / +card.stability.toFixed(8), -FSRS_DECAY));
}

/** The end of the learner's day, so that "due today" means any time today. */
export function endOfDay(now: Date): Date {
  const end = new Date(now);
  end.setHours(23, 59, 59, 999);
  return end;
}

export function isDue(card: SavedCard, now: Date): boolean {
  return card.state !== 0 && new Date(card.due).getTime() <= endOfDay(now).getTime();
}

/** Days FSRS schedules between answers at each Leitner box the site used before (for the migration). */
export const LEITNER_INTERVAL_DAYS = [0, 1, 3, 7, 14, 30] as const;

/**
 * A card from a question's Leitner record (the scheme this site used before FSRS): the same due
 * date, and a stability equal to the box's interval, since FSRS sets the interval to about the
 * stability at 90% target recall. A question last answered wrongly is relearning, with its lapses.
 */
export function cardFromLeitner(record: { box: number; due: string; lastAnswered: string; lastCorrect: boolean; seen: number; correct: number }): SavedCard {
  const interval = LEITNER_INTERVAL_DAYS[Math.min(5, Math.max(1, record.box))]!;
  const lapses = Math.max(0, record.seen - record.correct);
  return {
    due: `${record.due}T00:00:00.000Z`,
    stability: interval,
    // FSRS difficulty runs from 1 to 10; a question missed more often is harder.
    difficulty: Math.min(10, Math.max(1, 5 + 4 * (lapses / Math.max(1, record.seen)) - (record.lastCorrect ? 1 : 0))),
    scheduledDays: interval,
    learningSteps: 0,
    reps: record.seen,
    lapses,
    state: record.lastCorrect ? 2 : 3,
    lastReview: `${record.lastAnswered}T00:00:00.000Z`,
  };
}
