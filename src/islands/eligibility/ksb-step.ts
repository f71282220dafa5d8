/**
 * What the islands of the KSB step (`/eligibility/ksbs/`) share on the page: the filter the bar sets
 * and the theme groups follow, and how many groups have started. The step is one small island for
 * the bar and one per theme, so that no single island takes long to start on a phone (issue #20);
 * the answers themselves are shared through useSavedState.
 */
import { useEffect } from 'preact/hooks';
import { useMountedShare } from '../shared/useMountedShare';

export type KsbFilter = 'all' | 'unanswered' | 'gaps';

let filter: KsbFilter = 'all';
let startedGroups = 0;
const listeners = new Set<() => void>();
const changed = () => {
  for (const listener of [...listeners]) listener();
};

/** The filter, how many groups have started, and a way to change the filter. The page as built (filter "all", no group started) until mounted, so hydrating matches. */
export function useKsbStep(): {
  filter: KsbFilter;
  startedGroups: number;
  setFilter: (next: KsbFilter) => void;
} {
  const mounted = useMountedShare((listener) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      // The page left (or a test ended): the next one starts unfiltered.
      if (listeners.size === 0) filter = 'all';
    };
  }, []);
  return {
    filter: mounted ? filter : 'all',
    startedGroups: mounted ? startedGroups : 0,
    setFilter: (next) => {
      filter = next;
      changed();
    },
  };
}

/** Counts a theme group as started while it is mounted. */
export function useGroupStarted(): void {
  useEffect(() => {
    startedGroups += 1;
    changed();
    return () => {
      startedGroups -= 1;
      changed();
    };
  }, []);
}

/** Whether a KSB with this answer is shown under the filter. */
export function shownUnder(filterNow: KsbFilter, opportunity: string | undefined): boolean {
  if (filterNow === 'unanswered') return !opportunity;
  if (filterNow === 'gaps') return opportunity === 'with-changes' || opportunity === 'no';
  return true;
}
