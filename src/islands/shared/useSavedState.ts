/**
 * Saved state for an island, through the storage layer: loads on mount, saves on every change,
 * follows changes made in other tabs, and reports what the page must tell the user (src/lib/
 * storage/notices.ts). A change made before the saved value was read (a tap before hydration) is
 * applied on top of what was saved, never lost.
 *
 * Every island of a page that saves the same feature shares one copy of it (`SharedFeature`): a
 * change made in one is seen at once by the others, and no island can save an older copy over
 * another's change. So a long page can be several small islands, each quick to start (issue #20).
 * An island shows the defaults until it has mounted, as the page was built, so hydrating matches.
 */
import { useState } from 'preact/hooks';
import { loadNotice, saveNotice, type StorageNotice } from '../../lib/storage/notices';
import { createStore, requestPersistence, type ClearResult, type FeatureDefinition, type LoadResult, type Store } from '../../lib/storage/store';
import { useMountedShare } from './useMountedShare';

export type StorageProblem = StorageNotice;

export interface SavedState<T> {
  /** The feature's permanent name (its storage key). */
  feature: string;
  data: T;
  /** False until the saved value has been read (the first render shows the defaults). */
  ready: boolean;
  /** False while this feature cannot be saved here (newer data, a held damaged copy, unreadable storage). */
  writable: boolean;
  /**
   * True while something saved for this feature could not be read into `data` (saved by a newer
   * version of the site, or damaged and held): what is shown from it is not all that was saved.
   */
  unread: boolean;
  /** Applies a change and saves it. */
  update: (change: (current: T) => T) => void;
  /**
   * Applies a change that drops something saved: `dropped(before, after)` gives what it drops, as a
   * value of this feature (or undefined when it drops nothing), and that is kept as a backup copy
   * (listed on “Your saved data”) before the change is saved. When no copy can be kept, or the saved
   * value has not been read yet, nothing changes. The caller says which happened.
   */
  updateKeeping: (change: (current: T) => T, dropped: (before: T, after: T) => T | undefined) => KeptChange;
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

/** What `updateKeeping` did: `backupKey` holds what the change dropped, when it dropped anything. */
export type KeptChange = { ok: true; backupKey: string | undefined } | { ok: false; reason: 'no-room' | 'not-read' };

let persistenceRequested = false;

/** Dispatched on window after an import or restore, so islands on the same page reload their data. */
export const IMPORTED_EVENT = 'st1398:imported';

/** One feature's saved state on this page, shared by every island that uses it. */
class SharedFeature<T> {
  data!: T;
  ready!: boolean;
  writable!: boolean;
  unread!: boolean;
  problems!: StorageProblem[];
  savedAt: string | undefined;
  migratedFrom: number | undefined;
  private store: Store<T> | undefined;
  // Changes made before the saved value was read, replayed on top of it.
  private pending!: Array<(current: T) => T>;
  private readonly listeners = new Set<() => void>();
  private stop: (() => void) | undefined;

  constructor(readonly definition: FeatureDefinition<T>) {
    this.clear();
  }

  /** As before it was first read: what an island mounting later starts from, as it always did. */
  private clear() {
    this.data = this.definition.defaults();
    this.ready = false;
    this.writable = true;
    this.unread = false;
    this.problems = [];
    this.savedAt = undefined;
    this.migratedFrom = undefined;
    this.store = undefined;
    this.pending = [];
  }

  /** Reads the feature when the first island mounts and follows it until the last unmounts. */
  attach(listener: () => void): () => void {
    this.listeners.add(listener);
    if (!this.store) this.start();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size > 0) return;
      this.stop?.();
      this.clear();
    };
  }

  private start() {
    const store = createStore(this.definition);
    this.store = store;
    this.apply(store.load());
    this.ready = true;
    if (store.persistent && !persistenceRequested) {
      persistenceRequested = true;
      void requestPersistence();
    }
    const reload = () => this.apply(store.load());
    window.addEventListener(IMPORTED_EVENT, reload);
    const unsubscribe = store.subscribe((result) => this.apply(result));
    this.stop = () => {
      window.removeEventListener(IMPORTED_EVENT, reload);
      unsubscribe();
    };
    this.changed();
  }

  private changed() {
    for (const listener of [...this.listeners]) listener();
  }

  private addProblem(problem: StorageProblem | undefined) {
    if (problem) this.problems = [...this.problems.filter((p) => p.kind !== problem.kind), problem];
  }

  private apply(result: LoadResult<T>) {
    const store = this.store!;
    let next = result.data;
    const replay = this.pending;
    this.pending = [];
    for (const change of replay) next = change(next);
    this.data = next;
    this.writable = store.writable;
    this.unread = result.status === 'newer' || result.status === 'held';
    if (result.status === 'ok' && result.migratedFrom !== undefined) this.migratedFrom = result.migratedFrom;
    this.addProblem(loadNotice(this.definition, result, store.persistent));
    if (replay.length) this.save(next);
    this.changed();
  }

  private save(next: T) {
    const store = this.store;
    if (!store) return;
    const result = store.save(next);
    if (result.ok) {
      // Kept in memory only (storage blocked): nothing was saved, so no "Saved at".
      if (store.persistent) this.savedAt = result.savedAt;
      this.problems = this.problems.filter((p) => p.kind !== 'save-failed');
    } else if (result.reason === 'read-only') {
      this.writable = store.writable;
      // Another tab saved a newer version just now: read-only, with the usual notice.
      if (result.newer !== undefined) this.unread = true;
      if (result.newer !== undefined) this.addProblem(loadNotice(this.definition, { status: 'newer', version: result.newer, data: next }, store.persistent));
    } else if (store.persistent) {
      this.addProblem(saveNotice(this.definition as FeatureDefinition<unknown>, result));
    }
  }

  update(change: (current: T) => T) {
    if (!this.store) {
      // Not read yet: show the change now and apply it to the saved value once it is read.
      this.pending.push(change);
      this.data = change(this.data);
    } else {
      this.data = change(this.data);
      this.save(this.data);
    }
    this.changed();
  }

  updateKeeping(change: (current: T) => T, dropped: (before: T, after: T) => T | undefined): KeptChange {
    const store = this.store;
    if (!store) return { ok: false, reason: 'not-read' };
    const before = this.data;
    const after = change(before);
    const lost = dropped(before, after);
    const backupKey = lost === undefined ? undefined : store.keep(lost);
    if (lost !== undefined && backupKey === undefined) return { ok: false, reason: 'no-room' };
    this.data = after;
    this.save(after);
    this.changed();
    return { ok: true, backupKey };
  }

  reset(): ClearResult {
    const result: ClearResult = this.store?.clear() ?? { ok: true };
    if (!result.ok) return result;
    this.data = this.definition.defaults();
    this.savedAt = undefined;
    this.changed();
    return result;
  }

  dismiss(kind: StorageProblem['kind']) {
    this.problems = this.problems.filter((p) => p.kind !== kind);
    this.changed();
  }

  discardHeld() {
    const store = this.store;
    if (!store) return;
    store.discardHeld();
    this.writable = store.writable;
    // What was held is gone (downloaded first): what is shown is now all there is.
    this.unread = false;
    this.problems = this.problems.filter((p) => p.kind !== 'held');
    if (store.writable) this.save(this.data);
    this.changed();
  }
}

// One per feature for the page's life (a handful at most): islands always find the same one.
const shared = new Map<FeatureDefinition<unknown>, SharedFeature<unknown>>();

function sharedFeature<T>(definition: FeatureDefinition<T>): SharedFeature<T> {
  let found = shared.get(definition as FeatureDefinition<unknown>) as SharedFeature<T> | undefined;
  if (!found) {
    found = new SharedFeature(definition);
    shared.set(definition as FeatureDefinition<unknown>, found as SharedFeature<unknown>);
  }
  return found;
}

export function useSavedState<T>(definition: FeatureDefinition<T>): SavedState<T> {
  const feature = sharedFeature(definition);
  // Until mounted, the defaults, as the page was built (another island may have read the data already).
  const mounted = useMountedShare((changed) => feature.attach(changed), [feature]);
  const [built] = useState(definition.defaults);

  return {
    feature: definition.feature,
    data: mounted ? feature.data : built,
    ready: mounted && feature.ready,
    writable: mounted ? feature.writable : true,
    unread: mounted && feature.unread,
    update: (change) => feature.update(change),
    updateKeeping: (change, dropped) => feature.updateKeeping(change, dropped),
    reset: () => feature.reset(),
    problems: mounted ? feature.problems : [],
    dismiss: (kind) => feature.dismiss(kind),
    discardHeld: () => feature.discardHeld(),
    savedAt: mounted ? feature.savedAt : undefined,
    migratedFrom: mounted ? feature.migratedFrom : undefined,
  };
}
