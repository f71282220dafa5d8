/**
 * Saved state for an island, through the storage layer: loads on mount, saves on every change,
 * follows changes made in other tabs, and reports what the page must tell the user (src/lib/
 * storage/notices.ts). A change made before the saved value was read (a tap before hydration) is
 * applied on top of what was saved, never lost.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { loadNotice, saveNotice, type StorageNotice } from '../../lib/storage/notices';
import { createStore, requestPersistence, type ClearResult, type FeatureDefinition, type LoadResult, type Store } from '../../lib/storage/store';

export type StorageProblem = StorageNotice;

export interface SavedState<T> {
  /** The feature's permanent name (its storage key). */
  feature: string;
  data: T;
  /** False until the saved value has been read (the first render shows the defaults). */
  ready: boolean;
  /** False while this feature cannot be saved here (newer data, a held damaged copy, unreadable storage). */
  writable: boolean;
  /** Applies a change and saves it. */
  update: (change: (current: T) => T) => void;
  /**
   * Replaces everything with the defaults and clears what was saved. Refused when the saved value
   * cannot be read here (data this page cannot read is never deleted): nothing changes, and the
   * result's message, which the caller shows beside its control, says why.
   */
  reset: () => ClearResult;
  problems: StorageProblem[];
  dismiss: (kind: StorageProblem['kind']) => void;
  /** After downloading a held damaged copy: removes it so that saving resumes. */
  discardHeld: () => void;
  /** When the data was last saved in this tab, for a "Saved" message. */
  savedAt: string | undefined;
  /** The version the saved data was migrated from on this load (a page may explain what changed). */
  migratedFrom: number | undefined;
}

let persistenceRequested = false;

/** Dispatched on window after an import or restore, so islands on the same page reload their data. */
export const IMPORTED_EVENT = 'st1398:imported';

export function useSavedState<T>(definition: FeatureDefinition<T>): SavedState<T> {
  const storeRef = useRef<Store<T>>();
  const [data, setDataState] = useState<T>(definition.defaults);
  // The latest data, so that quick successive changes build on each other.
  const dataRef = useRef<T>(data);
  // Changes made before the saved value was read, replayed on top of it.
  const pending = useRef<Array<(current: T) => T>>([]);
  const [ready, setReady] = useState(false);
  const [writable, setWritable] = useState(true);
  const [problems, setProblems] = useState<StorageProblem[]>([]);
  const [savedAt, setSavedAt] = useState<string>();
  const [migratedFrom, setMigratedFrom] = useState<number>();

  const setData = (next: T) => {
    dataRef.current = next;
    setDataState(next);
  };
  const addProblem = (problem: StorageProblem | undefined) => {
    if (problem) setProblems((list) => [...list.filter((p) => p.kind !== problem.kind), problem]);
  };

  const save = (next: T) => {
    const store = storeRef.current;
    if (!store) return;
    const result = store.save(next);
    if (result.ok) {
      setSavedAt(result.savedAt);
      setProblems((list) => list.filter((p) => p.kind !== 'save-failed'));
    } else if (result.reason === 'read-only') {
      setWritable(store.writable);
      // Another tab saved a newer version just now: read-only, with the usual notice.
      if (result.newer !== undefined) addProblem(loadNotice(definition, { status: 'newer', version: result.newer, data: next }, store.persistent));
    } else if (store.persistent) {
      addProblem(saveNotice(definition as FeatureDefinition<unknown>, result));
    }
  };

  const apply = useCallback(
    (result: LoadResult<T>, store: Store<T>) => {
      let next = result.data;
      const replay = pending.current;
      pending.current = [];
      for (const change of replay) next = change(next);
      setData(next);
      setWritable(store.writable);
      if (result.status === 'ok' && result.migratedFrom !== undefined) setMigratedFrom(result.migratedFrom);
      addProblem(loadNotice(definition, result, store.persistent));
      if (replay.length) save(next);
    },
    [definition],
  );

  useEffect(() => {
    const store = createStore(definition);
    storeRef.current = store;
    apply(store.load(), store);
    setReady(true);
    if (store.persistent && !persistenceRequested) {
      persistenceRequested = true;
      void requestPersistence();
    }
    const reload = () => apply(store.load(), store);
    window.addEventListener(IMPORTED_EVENT, reload);
    const unsubscribe = store.subscribe((result) => apply(result, store));
    return () => {
      window.removeEventListener(IMPORTED_EVENT, reload);
      unsubscribe();
    };
  }, [definition, apply]);

  const update = (change: (current: T) => T) => {
    if (!storeRef.current) {
      // Not read yet: show the change now and apply it to the saved value once it is read.
      pending.current.push(change);
      setData(change(dataRef.current));
      return;
    }
    const next = change(dataRef.current);
    setData(next);
    save(next);
  };

  const reset = () => {
    const result: ClearResult = storeRef.current?.clear() ?? { ok: true };
    if (!result.ok) return result;
    setData(definition.defaults());
    setSavedAt(undefined);
    return result;
  };

  return {
    feature: definition.feature,
    data,
    ready,
    writable,
    update,
    reset,
    problems,
    dismiss: (kind) => setProblems((list) => list.filter((p) => p.kind !== kind)),
    discardHeld: () => {
      const store = storeRef.current;
      if (!store) return;
      store.discardHeld();
      setWritable(store.writable);
      setProblems((list) => list.filter((p) => p.kind !== 'held'));
      if (store.writable) save(dataRef.current);
    },
    savedAt,
    migratedFrom,
  };
}
