/**
 * The search dialog's and search page's shared handling of Pagefind results: excerpts stay safe,
 * results carry what the list shows, and the status line reads well.
 */
import { describe, expect, it } from 'vitest';
import { bestExcerpt, ENTRY_ANCHORS_META, entryHit, resultsStatus, runSearch, safeExcerpt, type Pagefind, type PagefindResultData } from '../../src/client/search/pagefind';

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

describe('one result per page, with its best excerpt and, on the glossary, the term it found', () => {
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
  it('gives an ordinary page no entry: it links to its top', () => {
    expect(entryHit(ksbPage)).toBeUndefined();
  });

  // Words 0-3 are the page top; entries start at word 4 (carbon-intensity), 9 (concept-drift) and 14 (data-drift).
  const content = 'Glossary 130 terms C Carbon intensity grams per kWh Concept drift the relationship changes Data drift inputs change unlike concept drift';
  const glossary: PagefindResultData = {
    url: '/glossary/',
    excerpt: 'page excerpt',
    content,
    meta: { title: 'Glossary', [ENTRY_ANCHORS_META]: 'div' },
    filters: {},
    anchors: [
      { element: 'h2', id: 'letter-c', location: 3 },
      { element: 'div', id: 'carbon-intensity', location: 4 },
      { element: 'div', id: 'concept-drift', location: 9 },
      { element: 'div', id: 'data-drift', location: 14 },
    ],
    // "concept" and "drift" in the concept-drift entry, "drift" twice and "concept" once in data-drift's
    weighted_locations: [at(9, 50), at(10, 50), at(15, 20), at(19, 20), at(20, 20)],
  };
  it('links a glossary result to the entry holding most of the match, with that entry as the excerpt', () => {
    expect(entryHit(glossary)).toEqual({ url: '/glossary/#concept-drift', excerpt: '<mark>Concept</mark> <mark>drift</mark> the relationship changes' });
  });
  it('prefers the entry whose name matches over one that mentions the words more often', () => {
    expect(entryHit({ ...glossary, weighted_locations: [at(9, 10), at(10, 10), at(15, 20), at(19, 20), at(20, 20)] })?.url).toBe('/glossary/#concept-drift');
  });
  it('between entries whose names match equally, takes the one with more of the match', () => {
    expect(entryHit({ ...glossary, weighted_locations: [at(10, 10), at(15, 20), at(19, 20), at(20, 20)] })?.url).toBe('/glossary/#data-drift');
  });
  it('keeps the page when the match comes before any entry', () => {
    expect(entryHit({ ...glossary, weighted_locations: [at(1, 9)] })).toBeUndefined();
  });
});
