/**
 * For a value the islands of one page share (one copy, kept in a module): follows it from the
 * moment this island mounts, and says whether it has. Until then an island renders the page as it
 * was built, so hydrating matches, even when another island has already changed the value.
 */
import { useEffect, useReducer, useState } from 'preact/hooks';

/**
 * `follow` starts following the shared value, calling its listener on every change, and returns
 * how to stop. Returns false until this island has mounted (render the page as built), then true.
 */
export function useMountedShare(follow: (changed: () => void) => () => void, deps: readonly unknown[]): boolean {
  const [mounted, setMounted] = useState(false);
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const stop = follow(() => redraw(undefined));
    setMounted(true);
    return stop;
  }, deps);
  return mounted;
}
