// @vitest-environment happy-dom
/**
 * /progress/ claims no state until it has read everything it rests on: what is saved in this
 * browser and the question list. Until then (the page as built, and the first render, which must
 * match it) it says what it is waiting for; then it draws the dashboard once.
 */
import { act, cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ProgressDashboard from '../../../src/islands/ProgressDashboard';
import { modelOverBank } from '../../../src/lib/learner/model';
import { nextSteps } from '../../../src/lib/learner/next-steps';
import { plannerRulesOf } from '../../../src/lib/planner';
import { ratingsFeature } from '../../../src/lib/ratings';
import { createStore } from '../../../src/lib/storage/store';
import { progressMethods, questionIndex, standard } from './progress-fixtures';

// The real next steps, counted: how many times the dashboard computes its summary.
vi.mock('../../../src/lib/learner/next-steps', async (actual) => {
  const real = await actual<typeof import('../../../src/lib/learner/next-steps')>();
  return { ...real, nextSteps: vi.fn(real.nextSteps) };
});
// The real learner model, counted likewise (and, in one test, with a save from another tab in between).
vi.mock('../../../src/lib/learner/model', async (actual) => {
  const real = await actual<typeof import('../../../src/lib/learner/model')>();
  return { ...real, modelOverBank: vi.fn(real.modelOverBank) };
});
const realModelOverBank = (await vi.importActual<typeof import('../../../src/lib/learner/model')>('../../../src/lib/learner/model')).modelOverBank;
/** The times every KSB's state was worked out over the question list (not before it came). */
const modelsOverTheList = () => vi.mocked(modelOverBank).mock.calls.filter(([, bank]) => bank !== undefined);

const index = questionIndex;
const methods = progressMethods;

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.mocked(nextSteps).mockClear();
  vi.mocked(modelOverBank).mockReset().mockImplementation(realModelOverBank);
  localStorage.clear();
});

describe('ProgressDashboard', () => {
  it('says it is reading, with no state, until the question list has come; then shows every KSB', async () => {
    let deliver: () => void = () => {};
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise<Response>((resolve) => (deliver = () => resolve(new Response(JSON.stringify(index)))))),
    );
    render(<ProgressDashboard methods={methods} plannerRules={plannerRulesOf(standard)} />);
    await waitFor(() => expect(vi.mocked(fetch)).toHaveBeenCalled());
    expect(screen.getByRole('status').textContent).toMatch(/once this page has read/);
    expect(document.querySelector('.progress[data-ready]')).toBeNull();
    expect(document.body.textContent).not.toMatch(/No evidence yet|Not started|secure/i);
    deliver();
    await waitFor(() => expect(document.querySelector('.progress[data-ready]')).not.toBeNull());
    expect(document.querySelector('[data-glance="overall"]')!.textContent).toMatch(/All 70 KSBs/);
    expect(screen.queryByText(/once this page has read/)).toBeNull();
  });

  it('marks itself ready without computing its summary again, and still follows a change saved in another tab', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(index))));
    render(<ProgressDashboard methods={methods} plannerRules={plannerRulesOf(standard)} />);
    await waitFor(() => expect(document.querySelector('.progress[data-ready]')).not.toBeNull());
    // The picture and tables are drawn once wanted (useWanted): here, the keyboard used.
    expect(document.querySelector('.progress-method')).toBeNull();
    act(() => void document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true })));
    await waitFor(() => expect(document.querySelectorAll('.progress[data-ready] .progress-method')).toHaveLength(methods.length));
    // Once for the dashboard; drawing the tables in stages and marking the page ready add nothing.
    expect(vi.mocked(nextSteps)).toHaveBeenCalledTimes(1);
    const overall = () => document.querySelector('[data-glance="overall"]')!.textContent;
    const before = overall();
    expect(before).toMatch(/70 with no evidence yet/);

    // Another tab rates K1 and the browser tells this one.
    createStore(ratingsFeature).save({ ksbs: { K1: { rating: 'developing', updated: '2026-12-02' } } });
    act(() => void window.dispatchEvent(new StorageEvent('storage', { key: 'st1398:v1:ratings' })));
    await waitFor(() => expect(overall()).not.toBe(before));
    expect(overall()).toMatch(/69 with no evidence yet/);
    expect(vi.mocked(nextSteps)).toHaveBeenCalledTimes(2);
  });
  it('works out every KSB\'s state in a task before the one that draws it, once', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(index))));
    // Whether a task has passed since the state was worked out, as the dashboard first appears.
    let taskPassed: boolean | undefined;
    let drawnAfterATask: boolean | undefined;
    const watch = new MutationObserver(() => {
      if (drawnAfterATask === undefined && document.querySelector('[data-glance="overall"]')) drawnAfterATask = taskPassed;
    });
    watch.observe(document.body, { childList: true, subtree: true });
    vi.mocked(modelOverBank).mockImplementation((data, bank, now) => {
      if (bank && modelsOverTheList().length === 1) {
        taskPassed = false;
        setTimeout(() => (taskPassed = true));
      }
      return realModelOverBank(data, bank, now);
    });
    render(<ProgressDashboard methods={methods} plannerRules={plannerRulesOf(standard)} />);
    await waitFor(() => expect(document.querySelector('.progress[data-ready]')).not.toBeNull());
    watch.disconnect();
    expect(drawnAfterATask).toBe(true);
    expect(document.querySelector('[data-glance="overall"]')!.textContent).toMatch(/70 with no evidence yet/);
    expect(modelsOverTheList()).toHaveLength(1);
  });

  it('draws what is saved now, not the state worked out before a save from another tab came in between', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(index))));
    vi.mocked(modelOverBank).mockImplementation((data, bank, now) => {
      const model = realModelOverBank(data, bank, now);
      if (bank && modelsOverTheList().length === 1) {
        // Just after the state was worked out, and before it is drawn, another tab rates K1.
        createStore(ratingsFeature).save({ ksbs: { K1: { rating: 'developing', updated: '2026-12-02' } } });
        window.dispatchEvent(new StorageEvent('storage', { key: 'st1398:v1:ratings' }));
      }
      return model;
    });
    render(<ProgressDashboard methods={methods} plannerRules={plannerRulesOf(standard)} />);
    await waitFor(() => expect(document.querySelector('.progress[data-ready]')).not.toBeNull());
    expect(document.querySelector('[data-glance="overall"]')!.textContent).toMatch(/69 with no evidence yet/);
    expect(modelsOverTheList()).toHaveLength(2);
  });
});
