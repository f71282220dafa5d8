/**
 * Loads Pagefind's browser API from the built site (dist/pagefind/, made by `npm run build`).
 * Loaded on first use only. The path includes the deployment sub-path (BASE_PATH).
 */
import { href, paths } from '../../lib/urls';
import { plural } from '../../lib/format';
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
}

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
    hits: data.map((d) => ({
      url: d.url,
      title: d.meta['title'] ?? d.url,
      code: d.meta['code'],
      excerptHtml: safeExcerpt(d.excerpt),
      type: d.filters['type']?.[0],
    })),
  };
}

/** The status line under the search field, read out by screen readers. */
export function resultsStatus(total: number, shown: number): string {
  if (total === 0) return 'No results';
  return `${plural(total, 'result')}${total > shown ? `, showing the first ${shown}` : ''}`;
}

/** Shown when the search index cannot be loaded (not built, or offline before it was saved). */
export const SEARCH_UNAVAILABLE = 'Search is not available: its index could not be loaded. Check your connection and try again, or browse the list of KSBs.';
