// @vitest-environment happy-dom
/**
 * A theme's KSBs on /progress/ and in a shared report: KSBs with evidence are rows at once; those
 * with none are folded away, and their rows are drawn only when the learner opens the fold (a new
 * learner's 70 untouched rows cost every visit otherwise).
 */
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ThemeTable } from '../../../src/islands/progress/ThemeTable';
import type { KsbState, KsbStateName } from '../../../src/lib/learner/model';

afterEach(cleanup);

const state = (code: string, name: KsbStateName): KsbState =>
  ({ code, state: name, reasons: [], summary: `${code} evidence.`, quiz: { bank: 7, tried: 0, right: 0, wrong: [], certainWrong: [], answers: 0, due: 0 }, mockNotYet: [], canAlready: false, examples: 0 }) as unknown as KsbState;
const ksbs = ['K1', 'K2', 'K3'].map((code) => ({ code, statement: `${code} statement` }));
const rows = () => [...document.querySelectorAll('tr[data-ksb]')].map((r) => `${r.getAttribute('data-ksb')}:${r.getAttribute('data-state')}`);

describe('ThemeTable', () => {
  it('draws rows for KSBs with evidence, and folds the rest until opened', async () => {
    const model = new Map([
      ['K1', state('K1', 'needs-work')],
      ['K2', state('K2', 'no-evidence')],
      ['K3', state('K3', 'no-evidence')],
    ]);
    render(<ThemeTable label="Theme" ksbs={ksbs} model={model} />);
    expect(rows()).toEqual(['K1:needs-work']);
    const fold = document.querySelector('details')!;
    expect(fold.querySelector('summary')!.textContent).toBe('2 KSBs with no evidence yet: K2, K3');
    fold.open = true;
    fireEvent(fold, new Event('toggle'));
    await waitFor(() => expect(rows()).toEqual(['K1:needs-work', 'K2:no-evidence', 'K3:no-evidence']));
  });

  it('says "All" when no KSB of the theme has evidence', () => {
    const model = new Map(ksbs.map((k) => [k.code, state(k.code, 'no-evidence')] as const));
    render(<ThemeTable label="Theme" ksbs={ksbs} model={model} />);
    expect(rows()).toEqual([]);
    expect(document.querySelector('summary')!.textContent).toBe('All KSBs with no evidence yet: K1, K2, K3');
  });
});
