/** The quiz engine: shuffling, marking, FSRS scheduling, migration from Leitner boxes and question selection. */
import { describe, expect, it } from 'vitest';
import { FSRS6_DEFAULT_DECAY, generatorParameters, Rating } from 'ts-fsrs';
import {
  breakdown,
  correctIndices,
  dueQuestions,
  emptyHistory,
  isCorrect,
  optionOrder,
  quizFeature,
  recordAttempt,
  selectQuestions,
  type QuestionRef,
  type QuizHistory,
} from '../../src/lib/quiz/engine';
import { cardFromLeitner, FSRS_DECAY, FSRS_SETTINGS, LEITNER_INTERVAL_DAYS, recallNow, type SavedCard } from '../../src/lib/quiz/cards';
import { gradeFor, recordAnswer, review, schedulerRecall } from '../../src/lib/quiz/schedule';
import fc from 'fast-check';
import { MemoryStorage } from '../../src/lib/storage/backend';
import { createStore } from '../../src/lib/storage/store';
import { keyFor } from '../../src/lib/storage/keys';
import { hashSeed, seededRandom, shuffle } from '../../src/lib/quiz/random';

const opts = (n: number, correct: number[]) => Array.from({ length: n }, (_, i) => ({ text: `o${i}`, why: 'because', ...(correct.includes(i) ? { correct: true as const } : {}) }));

describe('seeded randomness', () => {
  it('repeats for the same seed and differs for another', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(seededRandom(43)()).not.toBe(first[0]);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });
  it('shuffles into a permutation, reproducibly', () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const once = shuffle(items, seededRandom(7));
    expect(once).toEqual(shuffle(items, seededRandom(7)));
    expect([...once].sort()).toEqual(items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(hashSeed('k7-a')).not.toBe(hashSeed('k7-b'));
  });
  it('spreads the correct option over every position across seeds', () => {
    const q = { id: 'x', type: 'single' as const, options: opts(4, [1]) };
    const positions = new Set(Array.from({ length: 40 }, (_, seed) => optionOrder(q, seed).indexOf(1)));
    expect(positions).toEqual(new Set([0, 1, 2, 3]));
  });
  it('keeps True before False', () => {
    expect(optionOrder({ id: 't', type: 'true-false', options: opts(2, [1]) }, 99)).toEqual([0, 1]);
  });
});

describe('marking', () => {
  it('needs exactly the correct options', () => {
    const multi = { options: opts(5, [0, 2, 3]) };
    expect(correctIndices(multi)).toEqual([0, 2, 3]);
    expect(isCorrect(multi, [3, 0, 2])).toBe(true);
    expect(isCorrect(multi, [0, 2])).toBe(false);
    expect(isCorrect(multi, [0, 2, 3, 4])).toBe(false);
    expect(isCorrect(multi, [])).toBe(false);
    expect(isCorrect({ options: opts(4, [2]) }, [2])).toBe(true);
    expect(isCorrect({ options: opts(4, [2]) }, [2, 2])).toBe(true);
  });
});

const at = (iso: string) => new Date(`${iso}T09:00:00.000Z`);

describe('FSRS scheduling', () => {
  it('maps an answer and how sure the learner was to an FSRS grade', () => {
    expect([gradeFor(false), gradeFor(false, 'certain'), gradeFor(true, 'guessed'), gradeFor(true), gradeFor(true, 'fairly-sure'), gradeFor(true, 'certain')]).toEqual([
      Rating.Again,
      Rating.Again,
      Rating.Hard,
      Rating.Good,
      Rating.Good,
      Rating.Easy,
    ]);
  });
  it('keeps every answer with its time and confidence, and schedules the question further out each time it is right', () => {
    let h: QuizHistory = emptyHistory();
    h = recordAnswer(h, 'q1', true, 'certain', at('2026-01-01'));
    expect(h.answers).toEqual([{ question: 'q1', at: '2026-01-01T09:00:00.000Z', correct: true, confidence: 'certain' }]);
    const first = new Date(h.cards.q1!.due).getTime();
    h = recordAnswer(h, 'q1', true, undefined, new Date(first));
    const second = new Date(h.cards.q1!.due).getTime();
    expect(second - first).toBeGreaterThan(first - at('2026-01-01').getTime());
    h = recordAnswer(h, 'q1', false, 'certain', new Date(second));
    expect(h.cards.q1!.lapses).toBe(1);
    // A wrong answer brings the question back sooner than the last right answer had scheduled it.
    expect(new Date(h.cards.q1!.due).getTime() - second).toBeLessThan(second - first);
    expect(h.answers.map((a) => a.correct)).toEqual([false, true, true]);
  });
  it('estimates recall near 1 just after a right answer, and lower as time passes', () => {
    const h = recordAnswer(emptyHistory(), 'q1', true, undefined, at('2026-01-01'));
    const soon = recallNow(h.cards.q1!, at('2026-01-01'));
    const later = recallNow(h.cards.q1!, at('2026-03-01'));
    expect(soon).toBeGreaterThan(0.95);
    expect(later).toBeLessThan(soon);
  });
  it('estimates recall without the scheduler exactly as the scheduler does, for any card and time', () => {
    expect(FSRS_DECAY).toBe(FSRS6_DEFAULT_DECAY);
    expect(generatorParameters(FSRS_SETTINGS).w[20]).toBe(FSRS_DECAY);
    const day = 86_400_000;
    const start = Date.parse('2025-01-01T00:00:00.000Z');
    const card = fc.record({
      due: fc.integer({ min: 0, max: 800 }).map((d) => new Date(start + d * day).toISOString()),
      stability: fc.double({ min: 0.01, max: 36_500, noNaN: true }),
      difficulty: fc.double({ min: 1, max: 10, noNaN: true }),
      scheduledDays: fc.integer({ min: 0, max: 365 }),
      learningSteps: fc.integer({ min: 0, max: 3 }),
      reps: fc.integer({ min: 0, max: 500 }),
      lapses: fc.integer({ min: 0, max: 500 }),
      state: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
      lastReview: fc.integer({ min: 0, max: 400 * day }).map((ms) => new Date(start + ms).toISOString()),
    });
    fc.assert(
      fc.property(card, fc.integer({ min: -10 * day, max: 800 * day }), (saved: SavedCard, later) => {
        const now = new Date(start + later);
        expect(recallNow(saved, now)).toBe(saved.state === 0 ? 0 : schedulerRecall(saved, now));
      }),
      { numRuns: 500 },
    );
    // Cards from real answers, over days that pass.
    let h = emptyHistory();
    for (const [i, right] of [true, true, false, true, true, true].entries()) h = recordAnswer(h, 'q1', right, i % 2 ? 'certain' : undefined, new Date(start + i * 3 * day));
    for (let d = 0; d < 400; d += 7) expect(recallNow(h.cards.q1!, new Date(start + d * day))).toBe(schedulerRecall(h.cards.q1!, new Date(start + d * day)));
    // A reviewed card with no last review is refused by both.
    const { lastReview: _dropped, ...noLastReview } = h.cards.q1!;
    expect(() => schedulerRecall(noLastReview, new Date(start))).toThrow();
    expect(() => recallNow(noLastReview, new Date(start))).toThrow();
  });
  it('finds the questions due by the end of the day', () => {
    const bank: QuestionRef[] = [
      { id: 'a', ksbs: ['K1'], type: 'single', difficulty: 1 },
      { id: 'b', ksbs: ['K1'], type: 'single', difficulty: 1 },
      { id: 'c', ksbs: ['K2'], type: 'single', difficulty: 1 },
    ];
    let h = recordAnswer(emptyHistory(), 'a', false, undefined, at('2026-01-01'));
    h = recordAnswer(h, 'b', true, 'certain', at('2026-01-01'));
    expect(dueQuestions(bank, h, at('2026-01-02')).map((q) => q.id)).toEqual(['a']);
    expect(dueQuestions(bank, h, at('2027-01-01')).map((q) => q.id)).toEqual(['a', 'b']);
    expect(dueQuestions(bank, emptyHistory(), at('2026-01-02'))).toEqual([]);
  });
  it('keeps the most recent attempts only', () => {
    let h = emptyHistory();
    for (let i = 0; i < 205; i++) h = recordAttempt(h, { id: `a${i}`, finishedAt: '2026-01-01T10:00:00.000Z', scope: 'K1', results: [] });
    expect(h.attempts).toHaveLength(200);
    expect(h.attempts[0]!.id).toBe('a204');
  });
});

describe('history saved with Leitner boxes (version 1) becomes FSRS cards', () => {
  const record = (box: number, lastCorrect = true) => ({ box, due: '2026-12-10', lastAnswered: '2026-12-01', lastCorrect, seen: box + (lastCorrect ? 0 : 1), correct: box });
  it.each([1, 2, 3, 4, 5])('box %i keeps its due date and gets the box’s interval as its stability', (box) => {
    const card = cardFromLeitner(record(box));
    expect(card.due).toBe('2026-12-10T00:00:00.000Z');
    expect(card.stability).toBe(LEITNER_INTERVAL_DAYS[box]);
    expect(card.state).toBe(2);
    expect(card.lastReview).toBe('2026-12-01T00:00:00.000Z');
    // The schedule carries on from the card: reviewing it on its due date pushes it further out.
    const next = review(card, true, undefined, new Date('2026-12-10T09:00:00.000Z'));
    expect(new Date(next.due).getTime()).toBeGreaterThan(new Date('2026-12-10T09:00:00.000Z').getTime());
  });
  it('marks a question last answered wrongly as relearning, with its lapses', () => {
    expect(cardFromLeitner(record(1, false))).toMatchObject({ state: 3, lapses: 1 });
  });
  it('loses no question, answer or finished quiz when a saved version 1 history loads', () => {
    const v1 = {
      questions: { q1: record(3), q2: record(1, false), q3: { ...record(2), lastAnswered: '2026-11-20' } },
      attempts: [{ id: 'a1', finishedAt: '2026-12-01T10:00:00.000Z', scope: 'K1', results: [{ question: 'q1', correct: true, ksbs: ['K1'] }, { question: 'q2', correct: false, ksbs: ['K1'] }] }],
    };
    const storage = new MemoryStorage();
    storage.setItem(keyFor('quiz'), JSON.stringify({ version: 1, savedAt: '2026-12-01T10:00:00.000Z', data: v1 }));
    const result = createStore(quizFeature, { backend: { storage, persistent: true }, events: undefined }).load();
    expect(result).toMatchObject({ status: 'ok', migratedFrom: 1 });
    expect(Object.keys(result.data.cards).sort()).toEqual(['q1', 'q2', 'q3']);
    expect(result.data.cards.q2).toMatchObject({ state: 3, due: '2026-12-10T00:00:00.000Z' });
    expect(result.data.answers).toEqual([
      { question: 'q1', at: '2026-12-01T10:00:00.000Z', correct: true },
      { question: 'q2', at: '2026-12-01T10:00:00.000Z', correct: false },
      { question: 'q3', at: '2026-11-20T12:00:00.000Z', correct: true },
    ]);
    expect(result.data.attempts).toHaveLength(1);
  });
  it('keeps a last answer that no finished quiz holds (a quiz left unfinished), so the latest answer stays the latest', () => {
    const v1 = {
      // q1 was answered right in a finished quiz, then wrongly later the same day in a quiz left unfinished.
      questions: { q1: { ...record(1, false), lastAnswered: '2026-12-01' } },
      attempts: [{ id: 'a1', finishedAt: '2026-12-01T15:00:00.000Z', scope: 'K1', results: [{ question: 'q1', correct: true, ksbs: ['K1'] }] }],
    };
    const storage = new MemoryStorage();
    storage.setItem(keyFor('quiz'), JSON.stringify({ version: 1, savedAt: '2026-12-01T16:00:00.000Z', data: v1 }));
    const { data } = createStore(quizFeature, { backend: { storage, persistent: true }, events: undefined }).load();
    expect(data.answers).toEqual([
      { question: 'q1', at: '2026-12-01T15:00:01.000Z', correct: false },
      { question: 'q1', at: '2026-12-01T15:00:00.000Z', correct: true },
    ]);
  });
  it('sets aside (and keeps) a version 1 record that cannot be read, keeping the rest', () => {
    const storage = new MemoryStorage();
    const v1 = { questions: { q1: record(3), bad: { box: 9, due: 'soon' } }, attempts: [] };
    storage.setItem(keyFor('quiz'), JSON.stringify({ version: 1, savedAt: '2026-12-01T10:00:00.000Z', data: v1 }));
    const result = createStore(quizFeature, { backend: { storage, persistent: true }, events: undefined }).load();
    expect(result).toMatchObject({ status: 'salvaged', summary: '1 quiz record could not be read and was set aside (bad’s quiz record); 1 kept.' });
  });
});

describe('selecting questions', () => {
  const bank: QuestionRef[] = [];
  for (const ksb of ['K1', 'K2', 'K3']) for (let i = 1; i <= 4; i++) bank.push({ id: `${ksb.toLowerCase()}-${i}`, ksbs: [ksb], type: 'single', difficulty: 2 });
  const now = at('2026-02-01');
  it('takes turns between KSBs so a short quiz covers them all', () => {
    const picked = selectQuestions(bank, emptyHistory(), { length: 6, seed: 1, now });
    expect(picked).toHaveLength(6);
    const counts = ['K1', 'K2', 'K3'].map((k) => picked.filter((q) => q.ksbs[0] === k).length);
    expect(counts).toEqual([2, 2, 2]);
    expect(new Set(picked.map((q) => q.id)).size).toBe(6);
  });
  it('asks unanswered and wrongly answered questions before ones answered right and not yet due', () => {
    let h = emptyHistory();
    for (const q of bank) if (q.id !== 'k2-3') h = recordAnswer(h, q.id, true, 'certain', now);
    h = recordAnswer(h, 'k1-4', false, undefined, now);
    const picked = selectQuestions(bank, h, { length: 2, seed: 5, now });
    expect(picked.map((q) => q.id).sort()).toEqual(['k1-4', 'k2-3']);
  });
  it('is reproducible for a seed and never longer than the pool', () => {
    expect(selectQuestions(bank, emptyHistory(), { length: 5, seed: 9, now })).toEqual(selectQuestions(bank, emptyHistory(), { length: 5, seed: 9, now }));
    expect(selectQuestions(bank.slice(0, 3), emptyHistory(), { length: 10, seed: 9, now })).toHaveLength(3);
  });
});

describe('results', () => {
  it('breaks a quiz down by KSB, weakest first', () => {
    const rows = breakdown([
      { question: 'a', correct: true, ksbs: ['K1'] },
      { question: 'b', correct: false, ksbs: ['K2', 'K1'] },
      { question: 'c', correct: false, ksbs: ['K2'] },
    ]);
    expect(rows).toEqual([
      { ksb: 'K2', correct: 0, total: 2 },
      { ksb: 'K1', correct: 1, total: 2 },
    ]);
  });
});
