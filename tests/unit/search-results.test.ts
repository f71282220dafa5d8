/**
 * The search dialog's and search page's shared handling of Pagefind results: excerpts stay safe,
 * results carry what the list shows, and the status line reads well.
 */
import { describe, expect, it } from 'vitest';
import { resultsStatus, runSearch, safeExcerpt, type Pagefind, type PagefindResultData } from '../../src/client/search/pagefind';

describe('safeExcerpt', () => {
  it('keeps Pagefind’s <mark> highlights and escapes any other markup', () => {
    expect(safeExcerpt('monitor <mark>drift</mark> <img src=x onerror=alert(1)>')).toBe('monitor <mark>drift</mark> &lt;img src=x onerror=alert(1)&gt;');
  });
  it('does not double-escape entities Pagefind already escaped', () => {
    expect(safeExcerpt('fairness &amp; bias &lt;b&gt;')).toBe('fairness &amp; bias &lt;b&gt;');
  });
});

describe('resultsStatus', () => {
  it.each([
    [0, 0, 'No results'],
    [1, 1, '1 result'],
    [5, 5, '5 results'],
    [57, 10, '57 results, showing the first 10'],
  ])('%i found, %i shown: %s', (total, shown, text) => {
    expect(resultsStatus(total, shown)).toBe(text);
  });
});

describe('runSearch', () => {
  const result = (n: number): PagefindResultData => ({
    url: `/ksbs/s${n}/`,
    excerpt: `about <mark>drift</mark> ${n}`,
    meta: { title: `S${n}`, code: `S${n}` },
    filters: { type: ['KSB'] },
  });
  const fakePagefind = (count: number, seen: unknown[] = []): Pagefind =>
    ({
      options: async () => {},
      search: async (term: string | null, options: unknown) => {
        seen.push([term, options]);
        return { results: Array.from({ length: count }, (_, i) => ({ id: String(i), data: async () => result(i + 1) })), filters: {}, totalFilters: {} };
      },
    }) as unknown as Pagefind;

  it('returns the first results up to the limit, with the total', async () => {
    const { hits, total } = await runSearch(fakePagefind(12), 'drift', {}, 10);
    expect(total).toBe(12);
    expect(hits).toHaveLength(10);
    expect(hits[0]).toEqual({ url: '/ksbs/s1/', title: 'S1', code: 'S1', excerptHtml: 'about <mark>drift</mark> 1', type: 'KSB' });
  });

  it('passes only the filters that have values, and a blank term as null (filters alone)', async () => {
    const seen: unknown[] = [];
    await runSearch(fakePagefind(1, seen), '  ', { kind: ['Skill'], method: [] });
    expect(seen).toEqual([[null, { filters: { kind: { any: ['Skill'] } } }]]);
  });
});
