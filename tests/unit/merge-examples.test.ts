/**
 * Examples of the symmetric merge (`conflict: 'symmetric'`; imports use 'prefer-first', see ./merge-laws.ts), each a
 * counterexample the property tests (./merge-properties*.test.ts) once found, kept as a plain test.
 */
import { describe, expect, it } from 'vitest';
import { evidenceFeature, type EvidenceEntry, type EvidenceLog } from '../../src/lib/evidence/log';
import { MAX_SESSIONS_KEPT, practiceFeature, type PracticeData, type PracticeSession } from '../../src/lib/practice';
import { quizFeature, type QuizHistory } from '../../src/lib/quiz/engine';
import { ratingsFeature, type Ratings } from '../../src/lib/ratings';
import { reportFeature, type ReportData } from '../../src/lib/report';

const entry = (over: Partial<EvidenceEntry>): EvidenceEntry => ({ id: 'e1', title: 'Drift dashboard', date: '2026-02-10', ksbs: ['S24'], created: '2026-02-10T09:00:00.000Z', updated: '2026-02-10T09:00:00.000Z', ...over });
const log = (entries: EvidenceEntry[]): EvidenceLog => ({ entries, activities: [], plan: {} });

describe('times are compared as instants, whatever their notation', () => {
  // 10:30 at +01:00 is 09:30 UTC: before 09:45 UTC, though after it as text.
  const ahead = '2026-03-01T10:30:00.000+01:00';
  const later = '2026-03-01T09:45:00.000Z';

  it('the version of an entry updated later wins, when one side wrote its time with an offset', () => {
    const a = log([entry({ title: 'Edited first', updated: ahead })]);
    const b = log([entry({ title: 'Edited last', updated: later })]);
    for (const [x, y] of [[a, b], [b, a]] as const) expect(evidenceFeature.shape.merge(x, y, 'symmetric').entries.map((e) => e.title)).toEqual(['Edited last']);
  });

  it('lists stay newest first', () => {
    const history = (id: string, finishedAt: string): QuizHistory => ({ cards: {}, answers: [], attempts: [{ id, finishedAt, scope: '', results: [] }] });
    const merged = quizFeature.shape.merge(history('one', '2026-01-05T09:30:00.001Z'), history('two', '2026-01-05T10:30:00.000+01:00'), 'symmetric');
    expect(merged.attempts.map((a) => a.id)).toEqual(['one', 'two']);
  });
});

describe('an entry that carries a time: the newer version wins, whichever side it is on', () => {
  it('a self-rating changed later wins over one changed earlier', () => {
    const earlier: Ratings = { ksbs: { K1: { rating: 'evidence', note: 'The drift dashboard', updated: '2026-01-05' } } };
    const later: Ratings = { ksbs: { K1: { rating: 'developing', note: 'A drift alert I missed', updated: '2026-02-01' } } };
    for (const [x, y] of [[earlier, later], [later, earlier]] as const) expect(ratingsFeature.shape.merge(x, y, 'symmetric').ksbs['K1']).toEqual(later.ksbs['K1']);
    // A rating with a day beats one saved without.
    const undated: Ratings = { ksbs: { K1: { note: 'n' } } };
    expect(ratingsFeature.shape.merge(earlier, undated, 'symmetric').ksbs['K1']).toEqual(earlier.ksbs['K1']);
  });

  it("a question's card reviewed later wins over one reviewed earlier (here a lapse: due again sooner)", () => {
    const card = (lastReview: string, due: string, lapses: number): QuizHistory['cards'][string] => ({ due, stability: 1, difficulty: 5, scheduledDays: 1, learningSteps: 0, reps: 4, lapses, state: 2, lastReview });
    const history = (c: QuizHistory['cards'][string]): QuizHistory => ({ cards: { q1: c }, answers: [], attempts: [] });
    const [earlier, later] = [history(card('2026-01-05T09:00:00.000Z', '2026-01-20T09:00:00.000Z', 0)), history(card('2026-01-06T09:00:00.000Z', '2026-01-06T09:10:00.000Z', 1))];
    for (const [x, y] of [[earlier, later], [later, earlier]] as const) expect(quizFeature.shape.merge(x, y, 'symmetric').cards['q1']).toEqual(later.cards['q1']);
  });
});

describe('A into B and B into A give the same list', () => {
  it('ticked report contents (a list without times) come out in one order', () => {
    const report = (checked: string[]): ReportData => ({ checked, mapping: {} });
    const [a, b] = [report(['Reflection', 'Data']), report(['Introduction', 'Data'])];
    const ab = reportFeature.shape.merge(a, b, 'symmetric');
    expect(ab.checked).toEqual(reportFeature.shape.merge(b, a, 'symmetric').checked);
    expect([...ab.checked].sort()).toEqual(['Data', 'Introduction', 'Reflection']);
  });

  it('entries with the same time are ordered by code units, not by collation (which ignores a soft hyphen)', () => {
    const at = '2026-01-05T09:30:00.000Z';
    const history = (question: string): QuizHistory => ({ cards: {}, answers: [{ question, at, correct: true }], attempts: [] });
    const [a, b] = [history('data\u00adset'), history('dataset')];
    expect(quizFeature.shape.merge(a, b, 'symmetric').answers).toEqual(quizFeature.shape.merge(b, a, 'symmetric').answers);
  });
});

describe('no entry is lost', () => {
  it('a record entry keyed "__proto__" (a valid question id) is kept, whichever side holds it', () => {
    const card: QuizHistory['cards'][string] = { due: '2026-01-05T09:30:00.000Z', stability: 0, difficulty: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, state: 0 };
    // As JSON.parse makes it: an own property named "__proto__".
    const a: QuizHistory = { cards: JSON.parse(`{"__proto__": ${JSON.stringify(card)}}`) as QuizHistory['cards'], answers: [], attempts: [] };
    const b: QuizHistory = { cards: {}, answers: [], attempts: [] };
    expect(Object.keys(a.cards)).toEqual(['__proto__']);
    for (const [x, y] of [[a, b], [b, a]] as const) expect(Object.entries(quizFeature.shape.merge(x, y, 'symmetric').cards)).toEqual([['__proto__', card]]);
  });
});

describe('merging twice changes nothing', () => {
  it('when a list is cut among entries with the same time, the version of an entry that lost is not kept on a second merge', () => {
    const at = '2026-01-05T09:30:00.000Z';
    const session = (id: string, current: number): PracticeSession => ({ id, method: 'am2', createdAt: at, extended: false, timer: { durationMs: 1, usedMs: 0 }, current, items: [] });
    // Session "x" in two versions at one time: the list is one over its limit, so the last in order is cut.
    const a: PracticeData = { sessions: [...Array.from({ length: MAX_SESSIONS_KEPT - 1 }, (_, i) => session(`a${i + 1}`, 5)), session('x', 9)] };
    const b: PracticeData = { sessions: [session('x', 0), session('b1', 5)] };
    const once = practiceFeature.shape.merge(a, b, 'symmetric');
    expect(once.sessions).toHaveLength(MAX_SESSIONS_KEPT);
    expect(practiceFeature.shape.merge(once, b, 'symmetric')).toEqual(once);
    expect(practiceFeature.shape.merge(b, a, 'symmetric')).toEqual(once);
  });
});
