/** The quiz engine: shuffling, marking, Leitner scheduling, mastery and question selection. */
import { describe, expect, it } from 'vitest';
import {
  breakdown,
  correctIndices,
  dueQuestions,
  emptyHistory,
  isCorrect,
  masteryOf,
  optionOrder,
  recordAnswer,
  recordAttempt,
  selectQuestions,
  weakKsbs,
  type QuestionRef,
  type QuizHistory,
} from '../../src/lib/quiz/engine';
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

describe('Leitner scheduling', () => {
  it('moves a question up a box when right, back to box 1 when wrong, and sets its due date', () => {
    let h: QuizHistory = emptyHistory();
    h = recordAnswer(h, 'q1', true, '2026-01-01');
    expect(h.questions.q1).toEqual({ box: 1, due: '2026-01-02', lastAnswered: '2026-01-01', lastCorrect: true, seen: 1, correct: 1 });
    h = recordAnswer(h, 'q1', true, '2026-01-02');
    expect(h.questions.q1).toMatchObject({ box: 2, due: '2026-01-05' });
    h = recordAnswer(h, 'q1', true, '2026-01-05');
    h = recordAnswer(h, 'q1', true, '2026-01-12');
    h = recordAnswer(h, 'q1', true, '2026-01-26');
    h = recordAnswer(h, 'q1', true, '2026-02-25');
    expect(h.questions.q1).toMatchObject({ box: 5, due: '2026-03-27', seen: 6, correct: 6 });
    h = recordAnswer(h, 'q1', false, '2026-03-27');
    expect(h.questions.q1).toMatchObject({ box: 1, due: '2026-03-28', lastCorrect: false, seen: 7, correct: 6 });
  });
  it('finds the questions due on a day', () => {
    const bank: QuestionRef[] = [
      { id: 'a', ksbs: ['K1'], type: 'single', difficulty: 1 },
      { id: 'b', ksbs: ['K1'], type: 'single', difficulty: 1 },
      { id: 'c', ksbs: ['K2'], type: 'single', difficulty: 1 },
    ];
    let h = recordAnswer(emptyHistory(), 'a', true, '2026-01-01'); // due 2 Jan
    h = recordAnswer(h, 'b', false, '2026-01-03'); // due 4 Jan
    expect(dueQuestions(bank, h, '2026-01-02').map((q) => q.id)).toEqual(['a']);
    expect(dueQuestions(bank, h, '2026-01-04').map((q) => q.id)).toEqual(['a', 'b']);
    expect(dueQuestions(bank, h, '2025-12-31')).toEqual([]);
  });
  it('keeps the most recent attempts only', () => {
    let h = emptyHistory();
    for (let i = 0; i < 205; i++) h = recordAttempt(h, { id: `a${i}`, finishedAt: 't', scope: 'K1', results: [] });
    expect(h.attempts).toHaveLength(200);
    expect(h.attempts[0]!.id).toBe('a204');
  });
});

describe('mastery', () => {
  const bank: QuestionRef[] = ['1', '2', '3', '4', '5'].map((n) => ({ id: `k7-${n}`, ksbs: ['K7'], type: 'single', difficulty: 2 }));
  bank.push({ id: 's2-x', ksbs: ['S2', 'K7'], type: 'single', difficulty: 2 });
  it('is undefined until a question is answered, then counts unanswered questions as not mastered', () => {
    expect(masteryOf('K7', bank, emptyHistory())).toEqual({ questions: 6, answered: 0, score: undefined });
    let h = recordAnswer(emptyHistory(), 'k7-1', true, '2026-01-01');
    h = recordAnswer(h, 's2-x', true, '2026-01-01');
    h = recordAnswer(h, 'k7-2', false, '2026-01-01');
    expect(masteryOf('K7', bank, h)).toEqual({ questions: 6, answered: 3, score: 2 / 6 });
    expect(masteryOf('S2', bank, h)).toEqual({ questions: 1, answered: 1, score: 1 });
  });
  it('lists practised KSBs below 60%, weakest first', () => {
    let h = recordAnswer(emptyHistory(), 'k7-1', true, '2026-01-01');
    h = recordAnswer(h, 's2-x', true, '2026-01-01');
    expect(weakKsbs(['K7', 'S2', 'K1'], bank, h)).toEqual(['K7']);
  });
});

describe('selecting questions', () => {
  const bank: QuestionRef[] = [];
  for (const ksb of ['K1', 'K2', 'K3']) for (let i = 1; i <= 4; i++) bank.push({ id: `${ksb.toLowerCase()}-${i}`, ksbs: [ksb], type: 'single', difficulty: 2 });
  const today = '2026-02-01';
  it('takes turns between KSBs so a short quiz covers them all', () => {
    const picked = selectQuestions(bank, emptyHistory(), { length: 6, seed: 1, today });
    expect(picked).toHaveLength(6);
    const counts = ['K1', 'K2', 'K3'].map((k) => picked.filter((q) => q.ksbs[0] === k).length);
    expect(counts).toEqual([2, 2, 2]);
    expect(new Set(picked.map((q) => q.id)).size).toBe(6);
  });
  it('asks unanswered and wrongly answered questions before ones answered right and not yet due', () => {
    let h = emptyHistory();
    for (const q of bank) if (q.id !== 'k2-3') h = recordAnswer(h, q.id, true, today); // all right, due tomorrow…
    h = recordAnswer(h, 'k1-4', false, today); // …except this one, now wrong
    const picked = selectQuestions(bank, h, { length: 2, seed: 5, today });
    expect(picked.map((q) => q.id).sort()).toEqual(['k1-4', 'k2-3']);
  });
  it('is reproducible for a seed and never longer than the pool', () => {
    expect(selectQuestions(bank, emptyHistory(), { length: 5, seed: 9, today })).toEqual(selectQuestions(bank, emptyHistory(), { length: 5, seed: 9, today }));
    expect(selectQuestions(bank.slice(0, 3), emptyHistory(), { length: 10, seed: 9, today })).toHaveLength(3);
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
