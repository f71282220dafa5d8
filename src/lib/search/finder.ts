/**
 * The KSB finder: instant, typo-tolerant filtering of the 70 KSBs by code, statement, revision-note
 * keywords and theme, narrowed by facets. Pure: given entries, answers queries.
 *
 * This module holds what the list needs as it loads (facets, the URL state, browsing without a
 * query); the word search itself, with Fuse.js, is in ./finder-search.ts and loads with the words
 * it searches (keywords and summaries, /ksbs/finder.json) when the learner starts typing: most
 * visits only browse or filter.
 *
 * How a query is read: it is split into words (short words such as "the" are dropped); a word
 * shaped like a KSB code ("s24", "K7") matches that code exactly; any other word is matched
 * fuzzily (Fuse.js) against the statement, keywords, summary and theme name. Every word must
 * match (AND), so adding words narrows the list. When the whole query appears word for word in a
 * statement or keyword, that KSB ranks higher.
 */
import type { KsbKind, MethodId } from '../standard';

/** What the list shows and filters by: in the page as it loads. */
export interface FinderListEntry {
  code: string;
  kind: KsbKind;
  statement: string;
  method: MethodId;
  /** Theme id, e.g. am2-model-management. */
  theme: string;
  duties: number[];
}

/** The words a KSB is also found by, beyond its statement: loaded when the learner starts typing. */
export interface FinderWords {
  themeName: string;
  /** From the KSB's revision note: words a learner might search for. */
  keywords: string[];
  summary?: string | undefined;
}

export type FinderEntry = FinderListEntry & FinderWords;

export interface FinderFilters {
  kind?: KsbKind | undefined;
  method?: MethodId | undefined;
  theme?: string | undefined;
  duty?: number | undefined;
}

export interface FinderHit<E extends FinderListEntry = FinderEntry> {
  entry: E;
  /** 0 is a perfect match; higher is weaker. */
  score: number;
  /** [start, end] (inclusive) character ranges of the statement to highlight. */
  highlights: Array<[number, number]>;
  /** Keywords that matched, to show why a KSB whose statement does not mention the word appeared. */
  matchedKeywords: string[];
}

const STOP_WORDS = new Set(['a', 'an', 'and', 'the', 'of', 'for', 'to', 'in', 'on', 'with', 'or', 'my', 'is', 'how', 'what']);

/** The words of a query that take part in matching. */
export function queryWords(query: string): string[] {
  return query
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w.length >= 2 && !STOP_WORDS.has(w));
}

export function matchesFilters(entry: FinderListEntry, filters: FinderFilters): boolean {
  return (
    (!filters.kind || entry.kind === filters.kind) &&
    (!filters.method || entry.method === filters.method) &&
    (!filters.theme || entry.theme === filters.theme) &&
    (filters.duty === undefined || entry.duties.includes(filters.duty))
  );
}

/** The list with no words typed: every entry the filters allow, in the standard's order. */
export function browse<E extends FinderListEntry>(entries: readonly E[], filters: FinderFilters = {}): Array<FinderHit<E>> {
  return entries.filter((e) => matchesFilters(e, filters)).map((entry) => ({ entry, score: 0, highlights: [], matchedKeywords: [] }));
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
