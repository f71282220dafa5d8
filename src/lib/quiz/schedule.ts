/**
 * Spaced repetition with FSRS (ts-fsrs, the open-spaced-repetition implementation): each question
 * the learner has answered is a card with a stability and a difficulty, and FSRS estimates how
 * likely they are to recall it now and when it is due again.
 *
 * An answer and how sure the learner was become an FSRS grade:
 *   wrong → Again; right but guessed → Hard; right → Good (also when they did not say); right and
 *   certain → Easy.
 * Scheduling is in days (no minute-long learning steps) and without random fuzz, so the same
 * answers always give the same schedule.
 */
import { fsrs, Rating, State, type Card, type Grade } from 'ts-fsrs';

export const CONFIDENCES = ['guessed', 'fairly-sure', 'certain'] as const;
export type Confidence = (typeof CONFIDENCES)[number];
export const CONFIDENCE_LABEL: Record<Confidence, string> = { guessed: 'Guessed', 'fairly-sure': 'Fairly sure', certain: 'Certain' };

/** The recall FSRS aims for when it sets a due date (its default). */
export const REQUEST_RETENTION = 0.9;
export const MAXIMUM_INTERVAL_DAYS = 365;

const scheduler = fsrs({ request_retention: REQUEST_RETENTION, maximum_interval: MAXIMUM_INTERVAL_DAYS, enable_fuzz: false, enable_short_term: false });

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

export function gradeFor(correct: boolean, confidence?: Confidence): Grade {
  if (!correct) return Rating.Again;
  if (confidence === 'guessed') return Rating.Hard;
  if (confidence === 'certain') return Rating.Easy;
  return Rating.Good;
}

function toCard(saved: SavedCard): Card {
  return {
    due: new Date(saved.due),
    stability: saved.stability,
    difficulty: saved.difficulty,
    elapsed_days: 0,
    scheduled_days: saved.scheduledDays,
    learning_steps: saved.learningSteps,
    reps: saved.reps,
    lapses: saved.lapses,
    state: saved.state as State,
    ...(saved.lastReview ? { last_review: new Date(saved.lastReview) } : {}),
  };
}

function fromCard(card: Card): SavedCard {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as SavedCard['state'],
    ...(card.last_review ? { lastReview: card.last_review.toISOString() } : {}),
  };
}

/** A card that has never been answered. */
export function newCard(now: Date): SavedCard {
  return { due: now.toISOString(), stability: 0, difficulty: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, state: 0 };
}

/** The card after one answer at `now`. */
export function review(card: SavedCard | undefined, correct: boolean, confidence: Confidence | undefined, now: Date): SavedCard {
  return fromCard(scheduler.next(toCard(card ?? newCard(now)), now, gradeFor(correct, confidence)).card);
}

/** FSRS's estimate (0–1) that the learner would answer this question right now. */
export function recallNow(card: SavedCard, now: Date): number {
  if (card.state === 0) return 0;
  return scheduler.get_retrievability(toCard(card), now, false);
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
