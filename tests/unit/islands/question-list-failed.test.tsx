// @vitest-environment happy-dom
/**
 * Every KSB's state rests on the question list (which questions test a KSB, which KSBs a mock mark
 * covers, which the professional discussion assesses). When it does not download, the learner's
 * progress page and a shared report claim no state at all: worked out without it, the model held no
 * KSB, and the page read "All 0 KSBs" and "Nothing stands out: every KSB is secure".
 * (A file of its own: the list, once loaded, is kept for the page, so it must start unloaded here.)
 */
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ProgressDashboard from '../../../src/islands/ProgressDashboard';
import { ReportView } from '../../../src/islands/progress/ReportView';
import { plannerRulesOf } from '../../../src/lib/planner';
import { ratingsFeature } from '../../../src/lib/ratings';
import { appliedRulesOf } from '../../../src/lib/rules';
import { createStore } from '../../../src/lib/storage/store';
import { progressMethods, questionIndex, standard } from './progress-fixtures';

const index = questionIndex;
const methods = progressMethods;
/** What a state, a readiness or a count of KSBs reads like anywhere on these pages. */
const ANY_STATE = /All \d+ KSBs|secure|Needs work|Not started|No evidence yet|Too little to tell|Nothing stands out|Ready/i;

/** The question list's fetch: failing until `online` is set. */
let online = false;
const fetchList = vi.fn(async () => (online ? new Response(JSON.stringify(index)) : Promise.reject(new TypeError('Failed to fetch'))));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
  online = false;
});

describe('when the question list does not download', () => {
  it('a shared report says so in place of every state, and keeps the parts that do not need it', async () => {
    vi.stubGlobal('fetch', fetchList);
    const report = {
      madeAt: '2026-12-01T10:00:00.000Z',
      parts: new Set(['ratings']),
      writing: false,
      ratings: { ksbs: { K1: { rating: 'developing' as const, updated: '2026-12-01' } } },
    };
    render(
      <ReportView
        report={report}
        context={{ methods, evidenceKsbs: [], plannerRules: plannerRulesOf(standard), gatewayRules: appliedRulesOf(standard.content.rules) }}
      />,
    );
    const readiness = () => document.querySelector('[aria-labelledby="report-readiness"]')!;
    // While the list is on its way: no count of KSBs, no readiness.
    expect(readiness().textContent).toMatch(/Loading the question list/);
    expect(readiness().textContent).not.toMatch(ANY_STATE);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/no KSB’s state can be worked out here/);
    expect(readiness().textContent).not.toMatch(ANY_STATE);
    expect(document.querySelector('[data-report-overall], .progress-method, .state-map')).toBeNull();
    // The self-ratings section does not rest on the list: still shown.
    expect(document.querySelector('[data-rating-group="developing"]')!.textContent).toMatch(/K1/);
  });

  it('the progress page claims no state, not even from the ratings alone; Try again fetches it and draws every KSB', async () => {
    vi.stubGlobal('fetch', fetchList);
    createStore(ratingsFeature).save({ ksbs: { K1: { rating: 'developing', updated: '2026-12-02' } } });
    render(<ProgressDashboard methods={methods} plannerRules={plannerRulesOf(standard)} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/cannot be worked out just now/);
    expect(alert.textContent).toMatch(/Nothing you saved has changed/);
    expect(document.querySelector('.progress')!.textContent).not.toMatch(ANY_STATE);
    expect(document.querySelector('[data-glance]')).toBeNull();

    online = true;
    screen.getByRole('button', { name: 'Try again' }).click();
    await waitFor(() => expect(document.querySelector('[data-glance="overall"]')).not.toBeNull());
    expect(document.querySelector('[data-glance="overall"]')!.textContent).toMatch(/All 70 KSBs.*1 KSB needs work.*69 with no evidence yet/);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
