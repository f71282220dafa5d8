/**
 * Loads the KSB finder's word search in the browser, once per page: its code (Fuse.js) and the
 * words it searches (/ksbs/finder.json), together. The list on /ksbs/ loads without either.
 */
import { paths } from '../urls';
import { fetchSiteJson } from '../site-json';
import type { FinderListEntry } from './finder';

export type WordSearch = ReturnType<typeof import('./finder-search').createFinder>;

/** By list: one load per page (the island's list), and again after a failure. */
const loads = new WeakMap<readonly FinderListEntry[], Promise<WordSearch>>();

export function loadWordSearch(list: readonly FinderListEntry[]): Promise<WordSearch> {
  const loaded = loads.get(list);
  if (loaded) return loaded;
  const loading = Promise.all([
    import('./finder-search'),
    fetchSiteJson(paths.finderWordsJson),
  ]).then(([search, words]) => search.createFinder(search.withFinderWords(list, words)));
  loads.set(list, loading);
  // A failed load (offline, say) is tried again the next time.
  loading.catch(() => loads.delete(list));
  return loading;
}
