/**
 * The KSB finder over the real standard and revision-note keywords: a table of queries with the KSBs
 * that must come in the top three, queries that must find nothing, facets and URL state.
 */
import { describe, expect, it } from 'vitest';
import { loadAllContent } from '../../src/lib/content/authored-content';
import { createStandard } from '../../src/lib/standard';
import { browse, finderParams, highlightParts, mergeRanges, parseFinderParams, queryWords, type FinderEntry } from '../../src/lib/search/finder';
import { createFinder, withFinderWords } from '../../src/lib/search/finder-search';
import { finderEntries, finderListEntries, finderWordsFile } from '../../src/lib/search/entries';

const { standard: content, authored } = loadAllContent();
const standard = createStandard(content);
const entries: FinderEntry[] = finderEntries(standard, authored.notes);
const finder = createFinder(entries);
const top = (query: string, n = 3) => finder.search(query).slice(0, n).map((h) => h.entry.code);

describe('queries find the right KSBs in the top three', () => {
  it.each([
    // misspellings
    ['moniter drift', ['S24', 'S10']],
    ['sustainabilty', ['S15', 'S23']],
    ['stakeholdr', ['S27']],
    ['reinforcment learning', ['K5']],
    ['decomission', ['S25']],
    // codes in any case
    ['s24', ['S24']],
    ['S24', ['S24']],
    ['k7', ['K7']],
    ['b2', ['B2']],
    // words and phrases from statements
    ['CRISP', ['K4']],
    ['non-repudiation', ['K3']],
    ['domain of applicability', ['S24']],
    ['technical complexity and uncertainty', ['B5']],
    ['data lineage', ['K13']],
    ['synthetic data', ['S21', 'K19']],
    ['equality diversity', ['S30']],
    ['continual learning', ['S13']],
    ['feature engineering', ['K9']],
    ['cyber security culture', ['K27']],
    ['supply chains', ['S18']],
    ['horizon scan', ['S31', 'B1']],
    ['explainable', ['K20']],
    ['version control', ['K31']],
    // words only in the revision notes' keywords
    ['threat modelling', ['K3']],
    ['carbon', ['K17']],
    ['GDPR', ['K24']],
  ])('%s → %j', (query, expected) => {
    const found = top(query);
    for (const code of expected) expect(found, `top three for "${query}": ${found.join(', ')}`).toContain(code);
  });

  it('puts a KSB code first, whatever else the query has', () => {
    expect(top('S24 drift', 1)).toEqual(['S24']);
  });

  it('finds all four sustainability KSBs for "sustainabilty"', () => {
    expect(finder.search('sustainabilty').map((h) => h.entry.code).sort()).toEqual(['B2', 'K17', 'S15', 'S23']);
  });

  it.each(['xylophone', 'qwertyuiop', 'zzzz', 'k99', 'banana smoothie'])('finds nothing for "%s"', (query) => {
    expect(finder.search(query)).toEqual([]);
  });

  it('shows everything, in standard order, for an empty query', () => {
    expect(finder.search('').map((h) => h.entry.code)).toEqual(standard.ksbs.map((k) => k.code));
    expect(finder.search('  the and  ')).toHaveLength(70);
  });
});

describe('facets', () => {
  it('narrows by kind, method, theme and duty, alone or with a query', () => {
    expect(finder.search('', { kind: 'behaviour' }).map((h) => h.entry.code)).toEqual(['B1', 'B2', 'B3', 'B4', 'B5']);
    expect(finder.search('', { method: 'am1' })).toHaveLength(31);
    expect(finder.search('', { theme: 'am1-sustainability' }).map((h) => h.entry.code)).toEqual(['K17', 'S15', 'S23', 'B2']);
    expect(finder.search('', { duty: 9 }).map((h) => h.entry.code)).toEqual(['K28', 'K29', 'S31', 'B1', 'B2', 'B5']);
    const skillsAboutBias = finder.search('bias', { kind: 'skill' });
    expect(skillsAboutBias.length).toBeGreaterThan(0);
    expect(skillsAboutBias.every((h) => h.entry.kind === 'skill')).toBe(true);
    expect(skillsAboutBias.map((h) => h.entry.code)).toContain('S20');
  });
});

describe('highlighting', () => {
  it('marks the matched words in the statement', () => {
    const hit = finder.search('drift').find((h) => h.entry.code === 'S24')!;
    const marked = highlightParts(hit.entry.statement, hit.highlights).filter((p) => p.mark).map((p) => p.text.toLowerCase());
    expect(marked.some((m) => m.includes('drift'))).toBe(true);
  });
  it('merges overlapping ranges and splits text around them', () => {
    expect(mergeRanges([[5, 8], [0, 2], [3, 4], [10, 12]])).toEqual([[0, 8], [10, 12]]);
    expect(highlightParts('abcdef', [[1, 2]])).toEqual([{ text: 'a', mark: false }, { text: 'bc', mark: true }, { text: 'def', mark: false }]);
  });
  it('drops short common words from queries', () => {
    expect(queryWords('The risks of BIAS, in ML!')).toEqual(['risks', 'bias', 'ml']);
  });
});

describe('state in the URL', () => {
  const vocabulary = { themes: standard.themes, duties: standard.duties.map((d) => d.number) };
  it('reads a provider’s link', () => {
    expect(parseFinderParams(new URLSearchParams('q=bias&kind=skill&method=am1'), vocabulary)).toEqual({
      query: 'bias',
      filters: { kind: 'skill', method: 'am1' },
      ignored: [],
    });
    expect(parseFinderParams(new URLSearchParams('theme=am2-model-management&duty=6'), vocabulary).filters).toEqual({ theme: 'am2-model-management', duty: 6 });
  });
  it('ignores unknown values, and says which', () => {
    const state = parseFinderParams(new URLSearchParams('q=drift&kind=wizardry&method=am3&duty=12&theme=nope&colour=blue'), vocabulary);
    expect(state.filters).toEqual({});
    expect(state.ignored).toEqual(['kind=wizardry', 'method=am3', 'theme=nope', 'duty=12']);
    expect(state.query).toBe('drift');
  });
  it('writes the state back as a short, stable query string', () => {
    expect(finderParams({ query: ' bias ', filters: { kind: 'skill', method: 'am1' } }).toString()).toBe('q=bias&kind=skill&method=am1');
    expect(finderParams({ query: '', filters: {} }).toString()).toBe('');
  });
});

describe('the list loads without the search words; the words load with the search', () => {
  const list = finderListEntries(entries);
  const file = JSON.parse(JSON.stringify(finderWordsFile(entries))) as unknown;

  it('the list and /ksbs/finder.json together give back every entry, as the search needs it', () => {
    expect(withFinderWords(list, file)).toEqual(entries);
    expect(createFinder(withFinderWords(list, file)).search('moniter drift').map((h) => h.entry.code)).toEqual(finder.search('moniter drift').map((h) => h.entry.code));
  });

  it('the list carries no search words (they are what made the page heavy)', () => {
    for (const entry of list) expect(Object.keys(entry).sort()).toEqual(['code', 'duties', 'kind', 'method', 'statement', 'theme']);
  });

  it('browsing (no words) needs no search: every KSB the filters allow, in order', () => {
    expect(browse(list, { kind: 'behaviour' }).map((h) => h.entry.code)).toEqual(['B1', 'B2', 'B3', 'B4', 'B5']);
    expect(browse(list).map((h) => h.entry.code)).toEqual(entries.map((e) => e.code));
  });

  it('refuses a words file of another shape, or one that misses a KSB', () => {
    expect(() => withFinderWords(list, { words: 'nope' })).toThrow();
    expect(() => withFinderWords(list, null)).toThrow();
    const { words } = finderWordsFile(entries);
    const { K7: _, ...withoutK7 } = words;
    expect(() => withFinderWords(list, { words: withoutK7 })).toThrow(/K7/);
  });
});
