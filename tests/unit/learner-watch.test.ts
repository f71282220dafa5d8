// @vitest-environment happy-dom
/**
 * watchLearner (the KSB finder and the state labels on listed KSBs): what could not be read is told
 * at once, not after the question list has downloaded, and no state is given until the model can
 * count the quiz answers too.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetBrowserBackend } from '../../src/lib/storage/backend';
import { keyFor } from '../../src/lib/storage/keys';
import type { WatchedLearner } from '../../src/lib/learner/watch';

const INDEX = {
  formatVersion: 1,
  questions: [{ id: 'k1-a', ksbs: ['K1'], type: 'single', difficulty: 1 }],
  criteria: { 'am1-p1': ['K1'] },
  discussion: ['K2'],
};

beforeEach(() => {
  localStorage.clear();
  resetBrowserBackend();
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

/** A fetch held until `release` is called. */
function heldFetch() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  vi.stubGlobal('fetch', async () => {
    await gate;
    return { ok: true, json: async () => INDEX };
  });
  return () => release();
}

describe('watchLearner', () => {
  it('tells that a saved feature could not be read before the question list has downloaded, with no model yet', async () => {
    localStorage.setItem(keyFor('eligibility'), JSON.stringify({ version: 1, data: null }));
    localStorage.setItem(keyFor('ratings'), JSON.stringify({ version: 1, data: { K1: 'confident' } }));
    const release = heldFetch();
    const { watchLearner } = await import('../../src/lib/learner/watch');
    const told: WatchedLearner[] = [];
    const stop = watchLearner((learner) => told.push(learner));

    expect(told).toHaveLength(1);
    expect(told[0]!.model).toBeUndefined();
    expect(told[0]!.notices.map((n) => `${n.feature}: ${n.kind}`)).toEqual(['eligibility: unreadable']);

    release();
    await vi.waitFor(() => expect(told).toHaveLength(2));
    expect(told[1]!.model?.get('K1')).toBeDefined();
    expect(told[1]!.notices.map((n) => n.feature)).toEqual(['eligibility']);
    stop();
  });

  it('gives no model when the question list has failed (every state rests on it), and says so', async () => {
    localStorage.setItem(keyFor('ratings'), JSON.stringify({ version: 1, data: { K1: 'confident' } }));
    vi.stubGlobal('fetch', async () => ({ ok: false, status: 500, json: async () => ({}) }));
    const { watchLearner } = await import('../../src/lib/learner/watch');
    const told: WatchedLearner[] = [];
    const stop = watchLearner((learner) => told.push(learner));
    expect(told[0]).toMatchObject({ model: undefined, notices: [], bankFailed: false });
    await vi.waitFor(() => expect(told).toHaveLength(2));
    expect(told[1]!.bankFailed).toBe(true);
    expect(told[1]!.model).toBeUndefined();
    stop();
  });
});
