/**
 * What Pagefind's browser API gives and takes, as this site uses it: shared by the module that
 * talks to Pagefind's worker (pagefind-worker.ts) and the one the dialog and search page call
 * (pagefind.ts), so neither imports the other for its types.
 */
export interface WeightedLocation {
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
}

/** One result of a search: its data (address, title, excerpt) is fetched only when asked for. */
export interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindResultData>;
}

export interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}

export type Filters = Record<string, string | string[] | { any: string[] }>;

export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: { filters?: Filters }): Promise<PagefindSearch | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
  preload(term: string, options?: { filters?: Filters }): Promise<void>;
}

