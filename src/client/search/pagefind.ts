/**
 * Pagefind's browser API, as the search dialog and page use it: Pagefind's search worker from the
 * built site (dist/pagefind/, made by `npm run build`), started on first use only and spoken to
 * directly (pagefind-worker.ts); the path includes the deployment sub-path (BASE_PATH). Results are
 * fetched one at a time (results.ts), so the first shows without waiting for the rest.
 */
import { href, paths } from '../../lib/urls';
import { plural } from '../../lib/format';
import { startPagefindWorker, type PagefindWorker, type WorkerLike } from './pagefind-worker';
import type { Pagefind, PagefindResult, PagefindResultData, PagefindSearch, WeightedLocation } from './pagefind-types';
export type { Pagefind, PagefindResult, PagefindResultData, PagefindSearch, PagefindSubResult } from './pagefind-types';
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

let current: PagefindWorker | undefined;

/**
 * Pagefind, started: its worker begins fetching the index's entry, metadata and WebAssembly at
 * once, not at the first search. Called when search opens, so they load while the learner types.
 * A worker that has failed (its file or index could not be fetched) is replaced by a new one, so
 * the next search tries again; if the browser will not start a worker at all, this rejects.
 * `takeStarted` hands over Pagefind's worker if the page has started one (src/client/site.ts): it
 * is used if a worker is needed, and stopped if not.
 */
export function loadPagefind(takeStarted?: () => WorkerLike | undefined): Promise<Pagefind> {
  try {
    if (!current || current.failed) {
      const started = takeStarted?.();
      current = startPagefindWorker({
        basePath: href(paths.pagefindDir),
        language: (document.documentElement.lang || 'unknown').toLowerCase(),
        ...(started ? { createWorker: () => started } : {}),
      });
      void current.options({ excerptLength: 24 });
      current.init().catch(() => undefined); // (a failure shows in the search that follows)
    } else takeStarted?.()?.terminate();
    return Promise.resolve(current);
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
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

/** Pagefind's filters from the chosen values: only those with a value, any of them matching. */
export function activeFilters(filters: Record<string, string[]>): Record<string, { any: string[] }> {
  return Object.fromEntries(Object.entries(filters).filter(([, values]) => values.length > 0).map(([k, v]) => [k, { any: v }]));
}

/** Searches (a blank term with filters lists what the filters match); no result's data is fetched yet. */
export async function find(pagefind: Pagefind, term: string, filters: Record<string, string[]> = {}): Promise<{ results: PagefindResult[]; total: number; search: PagefindSearch | null }> {
  const search = await pagefind.search(term.trim() === '' ? null : term, { filters: activeFilters(filters) });
  return { results: search?.results ?? [], total: search?.results.length ?? 0, search };
}

/** A result as the dialog and the search page show it, from its data. */
export function hitOf(d: PagefindResultData): SearchHit {
  return {
    url: d.url,
    title: d.meta['title'] ?? d.url,
    code: d.meta['code'],
    excerptHtml: safeExcerpt(bestExcerpt(d)),
    type: d.filters['type']?.[0],
  };
}

/** The status line under the search field, read out by screen readers. */
export function resultsStatus(total: number, shown: number): string {
  if (total === 0) return 'No results';
  return `${plural(total, 'result')}${total > shown ? `, showing the first ${shown}` : ''}`;
}

/** Shown when the search index cannot be loaded (not built, or offline before it was saved). */
export const SEARCH_UNAVAILABLE = 'Search is not available: its index could not be loaded. Check your connection and try again, or browse the list of KSBs.';
