/**
 * The search dialog's and search page's shared handling of Pagefind results: excerpts stay safe,
 * results carry what the list shows, and the status line reads well. (Showing them as they arrive:
 * search-results-list.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { bestExcerpt, find, hitOf, resultsStatus, safeExcerpt, type Pagefind, type PagefindResultData } from '../../src/client/search/pagefind';

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

describe('find and hitOf', () => {
  const result = (n: number): PagefindResultData => ({
    url: `/ksbs/s${n}/`,
    excerpt: `about <mark>drift</mark> ${n}`,
    meta: { title: `S${n}`, code: `S${n}` },
    filters: { type: ['KSB'] },
  });
  const fakePagefind = (count: number, seen: unknown[] = [], fetched: number[] = []): Pagefind =>
    ({
      options: async () => {},
      search: async (term: string | null, options: unknown) => {
        seen.push([term, options]);
        return {
          results: Array.from({ length: count }, (_, i) => ({ id: String(i), score: 1, data: async () => (fetched.push(i), result(i + 1)) })),
          filters: {},
          totalFilters: {},
        };
      },
    }) as unknown as Pagefind;

  it('finds every result and the total, and fetches none of their data', async () => {
    const fetched: number[] = [];
    const { results, total } = await find(fakePagefind(12, [], fetched), 'drift');
    expect(total).toBe(12);
    expect(results).toHaveLength(12);
    expect(fetched).toEqual([]);
  });

  it('passes only the filters that have values, and a blank term as null (filters alone)', async () => {
    const seen: unknown[] = [];
    await find(fakePagefind(1, seen), '  ', { kind: ['Skill'], method: [] });
    expect(seen).toEqual([[null, { filters: { kind: { any: ['Skill'] } } }]]);
  });

  it('makes a result what the list shows', () => {
    expect(hitOf(result(1))).toEqual({ url: '/ksbs/s1/', title: 'S1', code: 'S1', excerptHtml: 'about <mark>drift</mark> 1', type: 'KSB' });
  });
});

describe('a page’s best excerpt', () => {
  const at = (location: number, balanced_score: number) => ({ weight: 1, balanced_score, location });
  const ksbPage: PagefindResultData = {
    url: '/ksbs/s27/',
    excerpt: 'maintain collaborative <mark>stakeholder</mark> relationships (the duty, repeated on many pages)',
    meta: { title: 'S27' },
    filters: {},
    sub_results: [
      { title: 'S27', url: '/ksbs/s27/', excerpt: 'top of the page', weighted_locations: [at(3, 10)] },
      { title: 'In plain English', url: '/ksbs/s27/#in-plain-english', excerpt: 'agree what each <mark>stakeholder</mark> needs', weighted_locations: [at(40, 30), at(52, 25)] },
      { title: 'Pitfalls', url: '/ksbs/s27/#pitfalls', excerpt: 'a pitfall', weighted_locations: [] },
    ],
  };
  it('takes the excerpt of the section that matches best', () => {
    expect(bestExcerpt(ksbPage)).toBe('agree what each <mark>stakeholder</mark> needs');
  });
  it('falls back to the page excerpt when no section scores', () => {
    expect(bestExcerpt({ ...ksbPage, sub_results: [] })).toBe(ksbPage.excerpt);
    expect(bestExcerpt({ ...ksbPage, sub_results: [{ title: 'x', url: '/x/', excerpt: 'nothing', weighted_locations: [] }] })).toBe(ksbPage.excerpt);
  });
});
