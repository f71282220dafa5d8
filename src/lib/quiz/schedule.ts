/**
 * Spaced repetition with FSRS (ts-fsrs, the open-spaced-repetition implementation): each question
 * the learner has answered is a card with a stability and a difficulty, and FSRS sets when it is due
 * again. What a card says now (recall, due) is in ./cards, which needs no scheduler; this module is
 * loaded only where an answer is given (the quiz's runner).
 *
 * An answer and how sure the learner was become an FSRS grade:
 *   wrong → Again; right but guessed → Hard; right → Good (also when they did not say); right and
 *   certain → Easy.
 */
import { fsrs, Rating, State, type Card, type Grade } from 'ts-fsrs';
import { FSRS_SETTINGS, newCard, type Confidence, type SavedCard } from './cards';
import { MAX_ANSWERS_KEPT, type Answer, type QuizHistory } from './engine';

const scheduler = fsrs(FSRS_SETTINGS);

export function gradeFor(correct: boolean, confidence?: Confidence): Grade {
  if (!correct) return Rating.Again;
  if (confidence === 'guessed') return Rating.Hard;
  if (confidence === 'certain') return Rating.Easy;
  return Rating.Good;
}

/** A saved card as ts-fsrs's Card. */
export function toFsrsCard(saved: SavedCard): Card {
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

/** The card after one answer at `now`. */
export function review(card: SavedCard | undefined, correct: boolean, confidence: Confidence | undefined, now: Date): SavedCard {
  return fromCard(scheduler.next(toFsrsCard(card ?? newCard(now)), now, gradeFor(correct, confidence)).card);
}

/** ts-fsrs's own estimate of recall now, from its scheduler (./cards' recallNow gives the same without it; tested). */
export function schedulerRecall(card: SavedCard, now: Date): number {
  return scheduler.get_retrievability(toFsrsCard(card), now, false);
}

/** Records one answer at `now`: the question's card is rescheduled and the answer kept. */
export function recordAnswer(history: QuizHistory, questionId: string, correct: boolean, confidence: Confidence | undefined, now: Date): QuizHistory {
  const entry: Answer = { question: questionId, at: now.toISOString(), correct, ...(confidence ? { confidence } : {}) };
  return {
    ...history,
    cards: { ...history.cards, [questionId]: review(history.cards[questionId], correct, confidence, now) },
    answers: [entry, ...history.answers].slice(0, MAX_ANSWERS_KEPT),
  };
}
