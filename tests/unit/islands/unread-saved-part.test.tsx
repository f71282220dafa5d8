// @vitest-environment happy-dom
/**
 * While a saved part the learner model reads could not be read here (saved by a newer version of
 * the site, or damaged and held), no view claims a KSB's state: worked out from the rest, a KSB
 * answered often read "Try its quiz. None of its questions tried yet".
 */
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import ProgressDashboard from '../../../src/islands/ProgressDashboard';
import type { WatchedLearner } from '../../../src/lib/learner/watch';
import { plannerRulesOf } from '../../../src/lib/planner';
import { ratingsFeature } from '../../../src/lib/ratings';
import { resetBrowserBackend } from '../../../src/lib/storage/backend';
import { createStore, keyFor } from '../../../src/lib/storage/store';
import { progressMethods, questionIndex, standard } from './progress-fixtures';

const index = questionIndex;
const methods = progressMethods;
const ANY_STATE = /All \d+ KSBs|secure|Needs work|No evidence yet|Too little to tell|Nothing stands out|Try its quiz/i;

beforeEach(() => {
  localStorage.clear();
  resetBrowserBackend();
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(index))),
  );
  createStore(ratingsFeature).save({ ksbs: { K1: { rating: 'developing', updated: '2026-12-02' } } });
  // The quiz history, saved by a later version of the site than this page knows.
  localStorage.setItem(keyFor('quiz'), JSON.stringify({ version: 99, savedAt: '2026-12-03T09:00:00.000Z', data: { answers: [] } }));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('a saved part that could not be read', () => {
  it('keeps /progress/ from claiming any state, and names the part', async () => {
    render(<ProgressDashboard methods={methods} plannerRules={plannerRulesOf(standard)} />);
    await waitFor(() => expect(document.querySelector('[data-withheld="unread"]')).not.toBeNull());
    expect(document.querySelector('[data-withheld]')!.textContent).toMatch(/Your quiz history could not be read on this page/);
    expect(document.querySelector('[data-glance]')).toBeNull();
    expect(document.querySelector('.progress')!.textContent).not.toMatch(ANY_STATE);
    // The storage notice says why (a newer version) and what to do.
    expect(
      screen
        .getAllByRole('alert')
        .map((a) => a.textContent)
        .join(' '),
    ).toMatch(/newer version/i);
  });

  it('gives KSB lists and the finder no model', async () => {
    const { watchLearner } = await import('../../../src/lib/learner/watch');
    const told: WatchedLearner[] = [];
    const stop = watchLearner((learner) => told.push(learner));
    await waitFor(() => expect(told.length).toBeGreaterThanOrEqual(2));
    expect(told.at(-1)!.model).toBeUndefined();
    expect(told.at(-1)!.notices.map((n) => `${n.feature}: ${n.kind}`)).toEqual(['quiz: newer']);
    stop();
  });
});
