// @vitest-environment happy-dom
/**
 * A quiz's results say "none of its KSBs needs work" only when every one of them has a known state:
 * a KSB the model does not hold (its state could not be worked out) is not one that is fine.
 */
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { QuizResults } from '../../../src/islands/quiz/QuizResults';
import { learnerModel } from '../../../src/lib/learner/model';
import { emptyHistory } from '../../../src/lib/quiz/engine';

const results = [
  { question: 'q-K1-0', correct: false, ksbs: ['K1'] },
  { question: 'q-K1-1', correct: false, ksbs: ['K1'] },
  { question: 'q-K2-0', correct: true, ksbs: ['K2'] },
];
const data = { ratings: { ksbs: {} }, quiz: emptyHistory(), practice: { sessions: [] } };
const bank = [
  { id: 'q-K1-0', ksbs: ['K1'], type: 'single' as const, difficulty: 1 as const },
  { id: 'q-K2-0', ksbs: ['K2'], type: 'single' as const, difficulty: 1 as const },
];
const context = { bank, criteriaKsbs: new Map(), now: new Date('2026-12-03T12:00:00Z') };
const scoreRef = { current: null };

afterEach(cleanup);

describe('quiz results', () => {
  it('say nothing needs work only when every KSB of the quiz has a state', () => {
    render(<QuizResults results={results} questions={[]} model={learnerModel(['K1', 'K2'], data, context)} scoreRef={scoreRef} />);
    expect(document.querySelector('[data-none-need-work]')!.textContent).toMatch(/None of the 2 KSBs in this quiz needs work now/);
  });
  it('say where the learner stands could not be worked out when the model holds none of its KSBs, never "none needs work"', () => {
    render(<QuizResults results={results} questions={[]} model={new Map()} scoreRef={scoreRef} />);
    expect(document.querySelector('[data-none-need-work]')).toBeNull();
    expect(document.querySelector('[data-states-unknown]')!.textContent).toMatch(/could not be worked out just now/);
  });
});
