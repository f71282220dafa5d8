/**
 * The KSB finder's word search (see ./finder.ts for how a query is read): Fuse.js over each KSB's
 * statement, revision-note keywords, summary and theme name. Loaded by the finder island when the
 * learner starts typing, with the words from /ksbs/finder.json (parseFinderWords).
 */
import Fuse, { type FuseResultMatch, type IFuseOptions } from 'fuse.js';
import { z } from 'zod/mini';
import { normaliseKsbCode } from '../ksb-code';
import { browse, matchesFilters, mergeRanges, queryWords, type FinderEntry, type FinderFilters, type FinderHit, type FinderListEntry } from './finder';

/** Hits weaker than this are noise (a stray fuzzy match in a long text) and are left out. */
export const MAX_SCORE = 0.6;

export const FUSE_OPTIONS: IFuseOptions<FinderEntry> = {
  keys: [
    { name: 'statement', weight: 2 },
    { name: 'keywords', weight: 2 },
    { name: 'summary', weight: 1 },
    { name: 'themeName', weight: 0.5 },
  ],
  includeScore: true,
  includeMatches: true,
  ignoreLocation: true,
  threshold: 0.3,
  minMatchCharLength: 3,
};

interface WordMatch {
  score: number;
  matches: readonly FuseResultMatch[];
}

export function createFinder(entries: readonly FinderEntry[]) {
  // Built at the first word typed, not when the search loads: a code ("s24") needs no index.
  let fuse: Fuse<FinderEntry> | undefined;
  const order = new Map(entries.map((e, i) => [e.code, i]));

  function matchWord(word: string): Map<string, WordMatch> {
    const code = normaliseKsbCode(word);
    if (code) {
      return new Map(entries.some((e) => e.code === code) ? [[code, { score: 0, matches: [] }]] : []);
    }
    fuse ??= new Fuse([...entries], FUSE_OPTIONS);
    return new Map(fuse.search(word).map((r) => [r.item.code, { score: r.score ?? 1, matches: r.matches ?? [] }]));
  }

  function search(query: string, filters: FinderFilters = {}): FinderHit[] {
    const words = queryWords(query);
    if (words.length === 0) return browse(entries, filters);
    const pool = entries.filter((e) => matchesFilters(e, filters));

    const perWord = words.map(matchWord);
    const phrase = words.join(' ');
    const hits: FinderHit[] = [];
    for (const entry of pool) {
      const found = perWord.map((m) => m.get(entry.code));
      if (found.some((f) => f === undefined)) continue;
      let score = found.reduce((sum, f) => sum + f!.score, 0) / found.length;
      const haystack = [entry.statement, ...entry.keywords].join(' ').toLowerCase();
      if (words.length > 1 && haystack.includes(phrase)) score /= 2;
      if (score > MAX_SCORE) continue;
      const highlights: Array<[number, number]> = [];
      const matchedKeywords = new Set<string>();
      for (const f of found) {
        for (const match of f!.matches) {
          if (match.key === 'statement') {
            for (const [start, end] of match.indices) if (end - start >= 2) highlights.push([start, end]);
          } else if (match.key === 'keywords' && match.value) matchedKeywords.add(match.value);
        }
      }
      hits.push({ entry, score, highlights: mergeRanges(highlights), matchedKeywords: [...matchedKeywords] });
    }
    return hits.sort((a, b) => a.score - b.score || order.get(a.entry.code)! - order.get(b.entry.code)!);
  }

  return { search };
}

/** /ksbs/finder.json: each KSB's search words, by code. */
const finderWordsFile = z.object({
  words: z.record(z.string(), z.object({ themeName: z.string(), keywords: z.array(z.string()), summary: z.optional(z.string()) })),
});
export type FinderWordsFile = z.infer<typeof finderWordsFile>;

/**
 * The list's entries with their search words from /ksbs/finder.json, checked. Throws on a file of
 * another shape (an old copy kept offline, a damaged download): the finder then says search could
 * not load, and filters still work.
 */
export function withFinderWords(list: readonly FinderListEntry[], data: unknown): FinderEntry[] {
  const { words } = finderWordsFile.parse(data);
  return list.map((entry) => {
    const w = words[entry.code];
    if (!w) throw new Error(`finder.json has no words for ${entry.code}`);
    return { ...entry, themeName: w.themeName, keywords: w.keywords, summary: w.summary };
  });
}
