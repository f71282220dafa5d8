/**
 * Saved-progress schemas are built on first use (src/lib/storage/shape.ts, lazySchema): a page
 * that loads a feature pays nothing for its schema as its code starts, and a page with nothing
 * saved never builds one (issue #20). Every zod call is counted.
 */
import { describe, expect, it, vi } from 'vitest';

const built = vi.hoisted(() => ({ count: 0 }));

vi.mock('zod/mini', async (importOriginal) => {
  const original = await importOriginal<typeof import('zod/mini')>();
  const counted = new Proxy(original.z, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        built.count++;
        return (value as (...a: unknown[]) => unknown)(...args);
      };
    },
  });
  return { ...original, z: counted };
});

describe('saved-progress schemas', () => {
  it('are not built when the features load, nor when nothing is saved, and are built when something is read', async () => {
    const { LEARNER_FEATURES } = await import('../../src/lib/learner/watch');
    const { reportFeature } = await import('../../src/lib/report');
    const { plannerFeature } = await import('../../src/lib/planner');
    await import('../../src/lib/quiz/bank');
    expect(built.count, 'zod calls as the modules load').toBe(0);

    const { createStore } = await import('../../src/lib/storage/store');
    const { MemoryStorage } = await import('../../src/lib/storage/backend');
    const empty = { storage: new MemoryStorage(), persistent: true };
    for (const feature of [...LEARNER_FEATURES, reportFeature, plannerFeature]) {
      expect(createStore(feature as never, { backend: empty }).load().status, feature.feature).toBe('empty');
    }
    expect(built.count, 'zod calls reading nothing saved').toBe(0);

    const { keyFor } = await import('../../src/lib/storage/keys');
    const saved = new MemoryStorage();
    saved.setItem(keyFor('ratings'), JSON.stringify({ version: 1, data: { ksbs: { K1: { rating: 'confident', updated: '2026-11-30' } } } }));
    const { ratingsFeature } = await import('../../src/lib/ratings');
    const read = createStore(ratingsFeature, { backend: { storage: saved, persistent: true } }).load();
    expect(read.data.ksbs.K1?.rating).toBe('confident');
    expect(built.count, 'zod calls reading saved ratings').toBeGreaterThan(0);
  });
});
