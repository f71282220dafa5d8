/**
 * Saved state for an island, through the storage layer: loads on mount, saves on every change,
 * follows changes made in other tabs, and reports what the page must tell the user (storage
 * blocked, a damaged value recovered, a save that failed).
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { createStore, requestPersistence, type FeatureDefinition, type LoadResult, type Store } from '../../lib/storage/store';

export interface StorageProblem {
  kind: 'unavailable' | 'recovered' | 'save-failed';
  message: string;
  /** For a recovered value: the damaged text, offered for download. */
  raw?: string;
  feature: string;
}

export interface SavedState<T> {
  data: T;
  /** False until the saved value has been read (the first render shows the defaults). */
  ready: boolean;
  /** Applies a change and saves it. */
  update: (change: (current: T) => T) => void;
  /** Replaces everything with the defaults and clears what was saved. */
  reset: () => void;
  problems: StorageProblem[];
  dismiss: (kind: StorageProblem['kind']) => void;
  /** When the data was last saved in this tab, for a "Saved" message. */
  savedAt: string | undefined;
}

let persistenceRequested = false;

/** Dispatched on window after an import, so islands on the same page reload their data. */
export const IMPORTED_EVENT = 'st1398:imported';

export function useSavedState<T>(definition: FeatureDefinition<T>): SavedState<T> {
  const storeRef = useRef<Store<T>>();
  const [data, setDataState] = useState<T>(definition.defaults);
  // The latest data, so that quick successive changes build on each other.
  const dataRef = useRef<T>(data);
  const setData = (next: T) => {
    dataRef.current = next;
    setDataState(next);
  };
  const [ready, setReady] = useState(false);
  const [problems, setProblems] = useState<StorageProblem[]>([]);
  const [savedAt, setSavedAt] = useState<string>();

  const addProblem = (problem: StorageProblem) =>
    setProblems((list) => [...list.filter((p) => p.kind !== problem.kind), problem]);

  const apply = useCallback((result: LoadResult<T>) => {
    dataRef.current = result.data;
    setDataState(result.data);
    if (result.status === 'recovered') {
      addProblem({
        kind: 'recovered',
        feature: definition.feature,
        raw: result.raw,
        message: `Your saved ${definition.label.toLowerCase()} could not be read (${result.reason}), so it has started again. A copy of the damaged data has been kept${result.backupKey ? '' : ' where it was'}; you can download it below.`,
      });
    }
  }, [definition]);

  useEffect(() => {
    const store = createStore(definition);
    storeRef.current = store;
    if (!store.persistent) {
      addProblem({
        kind: 'unavailable',
        feature: definition.feature,
        message: 'Your browser is not letting this site save anything (storage is blocked or you are in a private window). You can use this page, but your answers will be lost when you close it.',
      });
    }
    apply(store.load());
    setReady(true);
    if (store.persistent && !persistenceRequested) {
      persistenceRequested = true;
      void requestPersistence();
    }
    const reload = () => apply(store.load());
    window.addEventListener(IMPORTED_EVENT, reload);
    const unsubscribe = store.subscribe(apply);
    return () => {
      window.removeEventListener(IMPORTED_EVENT, reload);
      unsubscribe();
    };
  }, [definition, apply]);

  const save = (next: T) => {
    const store = storeRef.current;
    if (!store) return;
    const result = store.save(next);
    if (result.ok) {
      setSavedAt(result.savedAt);
      setProblems((list) => list.filter((p) => p.kind !== 'save-failed'));
    } else if (store.persistent) {
      addProblem({ kind: 'save-failed', feature: definition.feature, message: result.message });
    }
  };

  const update = (change: (current: T) => T) => {
    const next = change(dataRef.current);
    setData(next);
    save(next);
  };

  const reset = () => {
    storeRef.current?.clear();
    setData(definition.defaults());
    setSavedAt(undefined);
  };

  return {
    data,
    ready,
    update,
    reset,
    problems,
    dismiss: (kind) => setProblems((list) => list.filter((p) => p.kind !== kind)),
    savedAt,
  };
}
