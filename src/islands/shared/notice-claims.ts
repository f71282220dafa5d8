/**
 * One notice per feature per page. Several islands on a page can read the same saved feature (the
 * self-rating and the quiz both read ratings on a KSB page); the storage notice for it is shown by
 * one of them only: an island that saves the feature before one that only reads it, and otherwise
 * the first to load. Islands are separate Preact trees sharing this module, so the claims live here.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

interface Claim {
  id: number;
  writes: boolean;
}

/** The claim for notices about the whole page (storage blocked for every feature): one island shows it. */
export const PAGE_WIDE = '*page';

const claims = new Map<string, Claim[]>();
const listeners = new Set<() => void>();
let nextId = 0;

const notify = () => listeners.forEach((listener) => listener());

function winner(feature: string): number | undefined {
  const list = claims.get(feature) ?? [];
  return (list.find((c) => c.writes) ?? list[0])?.id;
}

/** Claims the notices of `features` for this island; returns whether it should show a feature's. */
export function useNoticeClaims(features: ReadonlyArray<{ feature: string; writes: boolean }>): (feature: string) => boolean {
  const id = useRef<number>();
  id.current ??= nextId++;
  const [, setVersion] = useState(0);
  const rerender = useRef(() => setVersion((n) => n + 1)).current;
  const key = features.map((f) => `${f.feature}:${f.writes}`).join(',');
  useEffect(() => {
    const mine = id.current!;
    for (const f of features) claims.set(f.feature, [...(claims.get(f.feature) ?? []), { id: mine, writes: f.writes }]);
    listeners.add(rerender);
    notify();
    return () => {
      for (const f of features) claims.set(f.feature, (claims.get(f.feature) ?? []).filter((c) => c.id !== mine));
      listeners.delete(rerender);
      notify();
    };
    // Re-claim only when the set of features changes.
  }, [key]);
  return (feature) => {
    const w = winner(feature);
    return w === undefined || w === id.current;
  };
}
