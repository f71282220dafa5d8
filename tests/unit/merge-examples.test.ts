/**
 * Examples of the merge that moves progress between devices (`conflict: 'symmetric'`), each a
 * counterexample the property tests (./merge-properties*.test.ts) once found, kept as a plain test.
 */
import { describe, expect, it } from 'vitest';
import { evidenceFeature, type EvidenceEntry, type EvidenceLog } from '../../src/lib/evidence/log';
import { quizFeature, type QuizHistory } from '../../src/lib/quiz/engine';

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
