import { afterEach, describe, expect, it, vi } from 'vitest';

const INDEX = { formatVersion: 1, questions: [{ id: 'k1-a', ksbs: ['K1'], type: 'single', difficulty: 1 }], criteria: { 'am1-p1': ['K1'] }, discussion: ['K2'] };

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('loadBankIndex', () => {
  it('checks the index in a task after the one that read it, and hands it over in another', async () => {
    const order: string[] = [];
    vi.stubGlobal('fetch', async () => ({
      ok: true,
      json: async () => {
        order.push('read');
        // Queued as the JSON is read: runs before the check only if the check waits for a new task.
        setTimeout(() => order.push('a task queued when reading ended'));
        return INDEX;
      },
    }));
    const { loadBankIndex } = await import('../../src/lib/quiz/load-bank');
    const index = await loadBankIndex();
    order.push('handed over');
    expect(order).toEqual(['read', 'a task queued when reading ended', 'handed over']);
    expect(index.questions.map((q) => q.id)).toEqual(['k1-a']);
    expect(index.criteriaKsbs.get('am1-p1')).toEqual(['K1']);
    expect(index.discussionKsbs.has('K2')).toBe(true);
  });

  it('rejects an index that fails the check, and tries again next time', async () => {
    let calls = 0;
    vi.stubGlobal('fetch', async () => ({ ok: true, json: async () => (++calls === 1 ? { formatVersion: 1, questions: [{ id: 'x' }] } : INDEX) }));
    const { loadBankIndex } = await import('../../src/lib/quiz/load-bank');
    await expect(loadBankIndex()).rejects.toThrow();
    await expect(loadBankIndex()).resolves.toMatchObject({ questions: [{ id: 'k1-a' }] });
  });
});
