/**
 * The KSB finder: instant, typo-tolerant filtering of the 70 KSBs by code, statement, revision-note
 * keywords and theme, narrowed by facets. Pure: given entries, answers queries.
 *
 * How a query is read: it is split into words (short words such as "the" are dropped); a word
 * shaped like a KSB code ("s24", "K7") matches that code exactly; any other word is matched
 * fuzzily (Fuse.js) against the statement, keywords, summary and theme name. Every word must
 * match (AND), so adding words narrows the list. When the whole query appears word for word in a
 * statement or keyword, that KSB ranks higher.
 */
import Fuse, { type FuseResultMatch, type IFuseOptions } from 'fuse.js';
import type { KsbKind, MethodId } from '../standard';
import { normaliseKsbCode } from '../ksb-code';

export interface FinderEntry {
  code: string;
  kind: KsbKind;
  statement: string;
  method: MethodId;
  /** Theme id, e.g. am2-model-management. */
  theme: string;
  themeName: string;
  duties: number[];
  /** From the KSB's revision note: words a learner might search for. */
  keywords: string[];
  summary?: string | undefined;
}

export interface FinderFilters {
  kind?: KsbKind | undefined;
  method?: MethodId | undefined;
  theme?: string | undefined;
  duty?: number | undefined;
}

export interface FinderHit {
  entry: FinderEntry;
  /** 0 is a perfect match; higher is weaker. */
  score: number;
  /** [start, end] (inclusive) character ranges of the statement to highlight. */
  highlights: Array<[number, number]>;
  /** Keywords that matched, to show why a KSB whose statement does not mention the word appeared. */
  matchedKeywords: string[];
}

/** Hits weaker than this are noise (a stray fuzzy match in a long text) and are left out. */
export const MAX_SCORE = 0.6;

const STOP_WORDS = new Set(['a', 'an', 'and', 'the', 'of', 'for', 'to', 'in', 'on', 'with', 'or', 'my', 'is', 'how', 'what']);

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

/** The words of a query that take part in matching. */
export function queryWords(query: string): string[] {
  return query
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w.length >= 2 && !STOP_WORDS.has(w));
}

export function matchesFilters(entry: FinderEntry, filters: FinderFilters): boolean {
  return (
    (!filters.kind || entry.kind === filters.kind) &&
    (!filters.method || entry.method === filters.method) &&
    (!filters.theme || entry.theme === filters.theme) &&
    (filters.duty === undefined || entry.duties.includes(filters.duty))
  );
}

interface WordMatch {
  score: number;
  matches: readonly FuseResultMatch[];
}

export function createFinder(entries: readonly FinderEntry[]) {
  // Built at the first word typed, not when the list hydrates: most visits only filter or browse.
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
    const pool = entries.filter((e) => matchesFilters(e, filters));
    if (words.length === 0) return pool.map((entry) => ({ entry, score: 0, highlights: [], matchedKeywords: [] }));

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

/** Sorts and joins overlapping or touching ranges. */
export function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1] + 1) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** Splits text into plain and highlighted parts for display. */
export function highlightParts(text: string, ranges: ReadonlyArray<[number, number]>): Array<{ text: string; mark: boolean }> {
  const parts: Array<{ text: string; mark: boolean }> = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push({ text: text.slice(at, start), mark: false });
    parts.push({ text: text.slice(start, end + 1), mark: true });
    at = end + 1;
  }
  if (at < text.length) parts.push({ text: text.slice(at), mark: false });
  return parts;
}

/* ─────────────────────── The finder's state in the URL ─────────────────────── */

export interface FinderState {
  query: string;
  filters: FinderFilters;
}

export interface FinderVocabulary {
  themes: ReadonlyArray<{ id: string }>;
  duties: readonly number[];
}

/**
 * Reads `?q=bias&kind=skill&method=am1&theme=am1-model-scoping&duty=3`. A parameter whose value is
 * not one the site knows is ignored and reported, never an error.
 */
export function parseFinderParams(params: URLSearchParams, vocabulary: FinderVocabulary): FinderState & { ignored: string[] } {
  const ignored: string[] = [];
  const filters: FinderFilters = {};
  const take = <T>(name: string, valid: (value: string) => T | undefined) => {
    const raw = params.get(name);
    if (raw === null || raw === '') return undefined;
    const value = valid(raw.trim().toLowerCase());
    if (value === undefined) ignored.push(`${name}=${raw}`);
    return value;
  };
  filters.kind = take('kind', (v) => (['knowledge', 'skill', 'behaviour'].includes(v) ? (v as KsbKind) : undefined));
  filters.method = take('method', (v) => (v === 'am1' || v === 'am2' ? v : undefined));
  filters.theme = take('theme', (v) => (vocabulary.themes.some((t) => t.id === v) ? v : undefined));
  filters.duty = take('duty', (v) => (/^\d+$/.test(v) && vocabulary.duties.includes(Number(v)) ? Number(v) : undefined));
  for (const key of Object.keys(filters) as Array<keyof FinderFilters>) if (filters[key] === undefined) delete filters[key];
  return { query: (params.get('q') ?? '').slice(0, 200), filters, ignored };
}

export function finderParams({ query, filters }: FinderState): URLSearchParams {
  const params = new URLSearchParams();
  if (query.trim()) params.set('q', query.trim());
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.method) params.set('method', filters.method);
  if (filters.theme) params.set('theme', filters.theme);
  if (filters.duty !== undefined) params.set('duty', String(filters.duty));
  return params;
}
