/**
 * The site search page's filters from its address (?type=KSB&kind=Skill): values the search index
 * knows are kept; anything else is set aside and named, so a mistyped or stale link never silently
 * turns into "No results".
 */

/** The filters the search page offers, by the key used in its address. */
export const SEARCH_FILTERS: ReadonlyArray<{ key: string; label: string }> = [
  { key: 'type', label: 'Page type' },
  { key: 'kind', label: 'KSB kind' },
  { key: 'method', label: 'Assessment method' },
  { key: 'theme', label: 'Theme' },
];

/** Keys in the address that are not filters. */
const OTHER_KEYS = new Set(['q']);

export interface FilterChoice {
  chosen: Record<string, string[]>;
  /** What was ignored, as it appeared in the address ("kind=../"). */
  ignored: string[];
}

/** Splits the address's filters into those the index knows (`available`: key → value → count) and the rest. */
export function readSearchFilters(params: URLSearchParams, available: Record<string, Record<string, number>>): FilterChoice {
  const chosen: Record<string, string[]> = Object.fromEntries(SEARCH_FILTERS.map((f) => [f.key, []]));
  const ignored: string[] = [];
  for (const [key, value] of params) {
    if (OTHER_KEYS.has(key)) continue;
    if (key in chosen && Object.hasOwn(available[key] ?? {}, value)) {
      if (!chosen[key]!.includes(value)) chosen[key]!.push(value);
    } else ignored.push(`${key}=${value}`);
  }
  return { chosen, ignored };
}
