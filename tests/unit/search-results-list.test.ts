// @vitest-environment happy-dom
/**
 * Search results shown as they arrive (src/client/search/results.ts): each result's data is
 * fetched only when it is asked for, the first shows while the others are still on their way, the
 * order is the ranking's whatever order the data arrives in, and a newer search stops an older one.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { PagefindResult, PagefindResultData } from '../../src/client/search/pagefind';
import { ResultsView, showResults } from '../../src/client/search/results';

/** Results whose data arrives only when the test says so. */
function controlled(count: number) {
  const asked: number[] = [];
  const pending = new Map<number, { resolve: (d: PagefindResultData) => void; reject: (e: Error) => void }>();
  const results: PagefindResult[] = Array.from({ length: count }, (_, i) => ({
    id: String(i),
    score: count - i,
    data: () =>
      new Promise<PagefindResultData>((resolve, reject) => {
        asked.push(i);
        pending.set(i, { resolve, reject });
      }),
  }));
  const data = (i: number): PagefindResultData => ({ url: `/r${i}/`, excerpt: `excerpt ${i}`, meta: { title: `Result ${i}` }, filters: { type: ['KSB'] } });
  const settle = async () => {
    for (let n = 0; n < 5; n++) await Promise.resolve();
  };
  return {
    results,
    asked,
    arrive: async (i: number) => {
      pending.get(i)!.resolve(data(i));
      await settle();
    },
    fail: async (i: number) => {
      pending.get(i)!.reject(new Error('offline'));
      await settle();
    },
  };
}

const hrefs = (list: HTMLElement) => [...list.querySelectorAll('a')].map((a) => a.getAttribute('href'));

let list: HTMLUListElement;
beforeEach(() => {
  document.body.innerHTML = '<input id="q"><p role="status"></p><ul><li><a href="/old/">Old result</a></li></ul><button hidden>Show more results</button>';
  list = document.querySelector('ul')!;
});

describe('showResults', () => {
  it('asks for only the results wanted, and shows the first before the others arrive', async () => {
    const c = controlled(12);
    const shown = showResults(list, c.results, 'drift', () => true);
    const done = shown.more(5);
    expect(c.asked).toEqual([0, 1, 2, 3, 4]);
    expect(hrefs(list), 'the earlier results stay until a new one arrives').toEqual(['/old/']);
    await c.arrive(0);
    expect(hrefs(list)).toEqual(['/r0/']);
    expect(list.dataset['resultsFor']).toBe('drift');
    for (const i of [1, 2, 3, 4]) await c.arrive(i);
    expect((await done).length).toBe(5);
    expect(shown.requested).toBe(5);
  });

  it('keeps the ranking’s order whatever order the data arrives in', async () => {
    const c = controlled(3);
    const done = showResults(list, c.results, 'bias', () => true).more(3);
    await c.arrive(2);
    await c.arrive(0);
    expect(hrefs(list)).toEqual(['/r0/', '/r2/']);
    await c.arrive(1);
    await done;
    expect(hrefs(list)).toEqual(['/r0/', '/r1/', '/r2/']);
    expect(list.querySelectorAll('li[hidden]')).toHaveLength(0);
  });

  it('leaves out a result whose data cannot be fetched', async () => {
    const c = controlled(3);
    const done = showResults(list, c.results, 'bias', () => true).more(3);
    await c.fail(0);
    await c.arrive(1);
    await c.arrive(2);
    expect((await done).map((a) => a.getAttribute('href'))).toEqual(['/r1/', '/r2/']);
    expect(list.querySelectorAll('li')).toHaveLength(2);
  });

  it('shows nothing of a search a newer one has replaced', async () => {
    const c = controlled(5);
    let current = true;
    const done = showResults(list, c.results, 'dri', () => current).more(5);
    current = false;
    await c.arrive(0);
    for (const i of [1, 2, 3, 4]) await c.arrive(i);
    expect(await done).toEqual([]);
    expect(hrefs(list)).toEqual(['/old/']);
  });
});

describe('ResultsView', () => {
  it('announces the count once the first results show, and "Show more results" fetches and focuses the next', async () => {
    const c = controlled(7);
    const status = document.querySelector<HTMLElement>('[role="status"]')!;
    const button = document.querySelector('button')!;
    const view = new ResultsView(list, status, button, 5, document.querySelector('input')!);
    const shown = view.show(c.results, 'drift', () => true);
    for (const i of [0, 1, 2, 3]) await c.arrive(i);
    expect(status.textContent, 'not until the first five are shown').toBe('');
    await c.arrive(4);
    await shown;
    expect(status.textContent).toBe('7 results, showing the first 5');
    expect(button.hidden).toBe(false);
    expect(c.asked).toEqual([0, 1, 2, 3, 4]);

    button.click();
    expect(c.asked).toEqual([0, 1, 2, 3, 4, 5, 6]);
    await c.arrive(5);
    await c.arrive(6);
    await Promise.resolve();
    expect(hrefs(list)).toEqual(['/r0/', '/r1/', '/r2/', '/r3/', '/r4/', '/r5/', '/r6/']);
    expect(status.textContent).toBe('7 results');
    expect(button.hidden).toBe(true);
    expect(document.activeElement?.getAttribute('href')).toBe('/r5/');
  });

  it('says "No results" and empties the list when nothing matches', async () => {
    const status = document.querySelector<HTMLElement>('[role="status"]')!;
    const view = new ResultsView(list, status, document.querySelector('button')!, 5, document.querySelector('input')!);
    await view.show([], 'zzz', () => true);
    expect(status.textContent).toBe('No results');
    expect(list.children).toHaveLength(0);
  });
});
