/**
 * Loads Pagefind's browser API from the built site (dist/pagefind/, made by `npm run build`).
 * Loaded on first use only. The path includes the deployment sub-path (BASE_PATH).
 */
import { href, paths } from '../../lib/urls';
import { plural } from '../../lib/format';
interface WeightedLocation {
  weight: number;
  balanced_score: number;
  location: number;
}

export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  weighted_locations?: WeightedLocation[] | undefined;
}

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
  sub_results?: PagefindSubResult[] | undefined;
  weighted_locations?: WeightedLocation[] | undefined;
  /** The page's indexed text; `locations` count its words. */
  content?: string | undefined;
  /** Every element with an id, with the word position it starts at. */
  anchors?: Array<{ element: string; id: string; location: number }> | undefined;
}

/** The page meta that asks for results to link to the entry holding the match (the glossary). */
export const ENTRY_ANCHORS_META = 'entry-anchors';

const score = (locations: readonly WeightedLocation[] | undefined) => (locations ?? []).reduce((sum, l) => sum + l.balanced_score, 0);

/**
 * The best excerpt of a page: from the section that matches best, not the densest run of words,
 * which on pages that repeat a cross-reference (a duty's statement on each of its KSBs) is the same
 * for many pages.
 */
export function bestExcerpt(data: PagefindResultData): string {
  const best = [...(data.sub_results ?? [])].sort((a, b) => score(b.weighted_locations) - score(a.weighted_locations))[0];
  return best && score(best.weighted_locations) > 0 ? best.excerpt : data.excerpt;
}

/**
 * On a page of entries (the glossary, marked with ENTRY_ANCHORS_META naming the entry element), the
 * entry that holds the most of the match, with an excerpt from that entry: a term opens at its
 * definition, not the top of the page. Pagefind's locations index the words of `content`.
 */
export function entryHit(data: PagefindResultData): { url: string; excerpt: string } | undefined {
  const element = data.meta[ENTRY_ANCHORS_META];
  if (!element || !data.content) return undefined;
  const entries = (data.anchors ?? []).filter((a) => a.element === element).sort((a, b) => a.location - b.location);
  const locations = data.weighted_locations ?? [];
  const entryOf = (location: number) => entries.filter((e) => e.location <= location).at(-1);
  // An entry whose name (its first words) matches wins over one that only mentions the words often.
  const inName = new Map<string, number>();
  const totals = new Map<string, number>();
  for (const l of locations) {
    const entry = entryOf(l.location);
    if (!entry) continue;
    if (l.location - entry.location < ENTRY_NAME_WORDS) inName.set(entry.id, (inName.get(entry.id) ?? 0) + 1);
    totals.set(entry.id, (totals.get(entry.id) ?? 0) + l.balanced_score);
  }
  const rank = (id: string) => [inName.get(id) ?? 0, totals.get(id) ?? 0] as const;
  const best = entries
    .filter((e) => totals.has(e.id))
    .reduce<(typeof entries)[number] | undefined>((top, e) => {
      if (!top) return e;
      const [a, b] = [rank(e.id), rank(top.id)];
      return a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]) ? e : top;
    }, undefined);
  if (!best) return undefined;
  const next = entries.find((e) => e.location > best.location)?.location ?? Infinity;
  const words = data.content.split(/\s+/);
  const marked = new Set(locations.map((l) => l.location));
  const end = Math.min(next, best.location + ENTRY_EXCERPT_WORDS, words.length);
  const excerpt = words
    .slice(best.location, end)
    .map((word, i) => (marked.has(best.location + i) ? `<mark>${word}</mark>` : word))
    .join(' ');
  return { url: `${data.url.split('#')[0]}#${best.id}`, excerpt: end < next && end < words.length ? `${excerpt}…` : excerpt };
}

const ENTRY_EXCERPT_WORDS = 30;
/** How many words at the start of an entry count as its name (a term is rarely longer). */
const ENTRY_NAME_WORDS = 4;

export interface PagefindSearch {
  results: Array<{ id: string; score: number; data: () => Promise<PagefindResultData> }>;
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}

export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  search(term: string | null, options?: { filters?: Record<string, string | string[] | { any: string[] }> }): Promise<PagefindSearch | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
  preload(term: string): Promise<void>;
}

let loading: Promise<Pagefind> | undefined;

export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    const url = href(paths.pagefindScript);
    const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
    await pagefind.options({ excerptLength: 24 });
    return pagefind;
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/** Pagefind's excerpts are built from our own pages; keep only their <mark> tags all the same. */
export function safeExcerpt(html: string): string {
  const escaped = html.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return escaped.replace(/&lt;(\/?)mark&gt;/g, '<$1mark>').replace(/&amp;(amp|lt|gt|quot|#39|#x27);/g, '&$1;');
}

/** Search results as the dialog and the search page show them. */
export interface SearchHit {
  url: string;
  title: string;
  code: string | undefined;
  excerptHtml: string;
  type: string | undefined;
}

export async function runSearch(pagefind: Pagefind, term: string, filters: Record<string, string[]> = {}, limit = 20): Promise<{ hits: SearchHit[]; total: number; search: PagefindSearch | null }> {
  const active = Object.fromEntries(Object.entries(filters).filter(([, values]) => values.length > 0).map(([k, v]) => [k, { any: v }]));
  const search = await pagefind.search(term.trim() === '' ? null : term, { filters: active });
  if (!search) return { hits: [], total: 0, search };
  const data = await Promise.all(search.results.slice(0, limit).map((r) => r.data()));
  return {
    total: search.results.length,
    search,
    hits: data.map((d) => {
      const entry = entryHit(d);
      return {
        url: entry?.url ?? d.url,
        title: d.meta['title'] ?? d.url,
        code: d.meta['code'],
        excerptHtml: safeExcerpt(entry?.excerpt ?? bestExcerpt(d)),
        type: d.filters['type']?.[0],
      };
    }),
  };
}

/** The status line under the search field, read out by screen readers. */
export function resultsStatus(total: number, shown: number): string {
  if (total === 0) return 'No results';
  return `${plural(total, 'result')}${total > shown ? `, showing the first ${shown}` : ''}`;
}

/** Shown when the search index cannot be loaded (not built, or offline before it was saved). */
export const SEARCH_UNAVAILABLE = 'Search is not available: its index could not be loaded. Check your connection and try again, or browse the list of KSBs.';
