/**
 * The only code that reads or writes saved progress. Each feature has one key
 * (`st1398:v1:<feature>`) holding an envelope `{ version, savedAt, data }`. The promise: whatever
 * happens, nothing the learner entered is lost, and every outcome is a value the page shows.
 *
 * - Values are validated entry by entry (./shape.ts): valid entries are kept, invalid ones set
 *   aside. The original is copied to a backup key first, so what was set aside can be restored.
 * - A value that cannot be copied is never overwritten: the feature stops saving ("held") until
 *   the learner downloads or discards it.
 * - A value saved by a newer version of the site is left untouched and the feature is read-only.
 * - If storage cannot be read, nothing is written: the feature works in memory and says so.
 * Nothing here throws.
 */
import { browserBackend, isQuotaError, type KeyValueStorage, type StorageBackend } from './backend';
import { interpretRaw, storedVersion, type Envelope, type FeatureDefinition } from './envelope';
import { BACKUP_PREFIX, keyFor } from './keys';
import type { SetAside, Trimmed } from './shape';
import { STANDARD_EDITION } from '../site';
import { inSentence } from '../format';

export { BACKUP_PREFIX, hasSaved, keyFor, NAMESPACE } from './keys';
export { interpretRaw, parseStored, readEnvelope, upgrade, type Envelope, type FeatureDefinition, type Migration, type Upgrade } from './envelope';

/** What loading found. Every status but `ok` and `empty` has something the page must say. */
export type LoadStatus =
  | { status: 'empty' }
  | { status: 'ok'; savedAt: string; migratedFrom?: number }
  /** Some entries could not be read: they were set aside (the original is in `backupKey`), the rest kept. */
  | { status: 'salvaged'; savedAt: string; backupKey: string; summary: string; setAside: SetAside[]; trimmed: Trimmed[] }
  /** Nothing could be read: the original is in `backupKey` and the feature starts again. */
  | { status: 'unreadable'; backupKey: string; reason: string }
  /** Damaged and could not be copied: kept where it is, and saving is stopped until the learner downloads or discards it. */
  | { status: 'held'; reason: string; raw: string }
  /** Saved by a newer version of the site: left untouched, read-only here. */
  | { status: 'newer'; version: number }
  /** Storage could not be read: nothing is written, the feature works for this visit only. */
  | { status: 'unavailable' };

export type LoadResult<T> = LoadStatus & { data: T };

export type SaveResult =
  | { ok: true; savedAt: string }
  /** `newer`: the version another tab (or a newer deployment) has just saved, which this save refused to overwrite. */
  | { ok: false; reason: 'quota' | 'error' | 'read-only'; message: string; newer?: number };

export type ClearResult = { ok: true } | { ok: false; message: string };

export interface Store<T> {
  readonly definition: FeatureDefinition<T>;
  readonly key: string;
  /** False when saving is impossible (storage blocked): data lasts only for this visit. */
  readonly persistent: boolean;
  /** False while the feature is read-only (newer data, a held damaged value, unreadable storage). */
  readonly writable: boolean;
  load(): LoadResult<T>;
  save(data: T): SaveResult;
  /**
   * Deletes what is saved. Refused, changing nothing and saying why, while the feature is read-only:
   * data from a newer version, a held damaged value or unreadable storage is never deleted unseen.
   */
  clear(): ClearResult;
  /** After the learner chose to discard a held damaged value: removes it, and saving resumes. */
  discardHeld(): void;
  /**
   * Keeps `data` (what a change is about to drop: an entry replaced, the oldest of a list kept to a
   * limit) as a backup copy, listed on “Your saved data” to restore or download. Its key, or
   * undefined when no copy could be kept: then the caller must not drop it.
   */
  keep(data: T): string | undefined;
  /** Calls `listener` when another tab changes this feature's data. Returns an unsubscribe function. */
  subscribe(listener: (result: LoadResult<T>) => void): () => void;
}

export interface StoreOptions {
  backend?: StorageBackend;
  now?: () => Date;
  /** Where `storage` events come from (window in the browser). */
  events?: Pick<Window, 'addEventListener' | 'removeEventListener'> | undefined;
}

const READ_ONLY_MESSAGE: Record<'held' | 'newer' | 'unavailable', string> = {
  held: 'Saving is paused for this part of the site until you download or discard the saved copy that could not be read.',
  newer: 'This was saved by a newer version of the site: reload the page to use it. Nothing was changed.',
  unavailable: 'Your browser would not let this page read its saved progress, so nothing is being saved, to avoid overwriting it.',
};

const CLEAR_REFUSED: Record<keyof typeof READ_ONLY_MESSAGE, (label: string) => string> = {
  held: (label) => `Your saved ${label} could not be read and no copy of it could be kept, so it is left as it is: download or discard it on “Your saved data” first.`,
  newer: (label) => `Your saved ${label} was saved by a newer version of the site, which this page cannot read: reload the page to see it, then delete it there.`,
  unavailable: (label) => `Your browser would not let this page read your saved ${label}, so it cannot be deleted from here.`,
};

/** Copies `raw` to a new backup key, unless an identical backup exists. The key, or undefined when it could not be copied. */
export function backupRaw(storage: KeyValueStorage, feature: string, raw: string, now: Date): string | undefined {
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(`${BACKUP_PREFIX}${feature}:`) && storage.getItem(key) === raw) return key;
    }
    // Never over another copy kept in the same millisecond.
    let time = now.getTime();
    let key = `${BACKUP_PREFIX}${feature}:${now.toISOString()}`;
    while (storage.getItem(key) !== null) key = `${BACKUP_PREFIX}${feature}:${new Date(++time).toISOString()}`;
    storage.setItem(key, raw);
    return storage.getItem(key) === raw ? key : undefined;
  } catch {
    return undefined;
  }
}

export function createStore<T>(definition: FeatureDefinition<T>, options: StoreOptions = {}): Store<T> {
  const backend = options.backend ?? browserBackend();
  const storage: KeyValueStorage = backend.storage;
  const now = options.now ?? (() => new Date());
  const key = keyFor(definition.feature);
  const events = 'events' in options ? options.events : typeof window === 'undefined' ? undefined : window;
  let readOnly: keyof typeof READ_ONLY_MESSAGE | undefined;

  // What this store last read or wrote: when storage still holds it, no other tab has written since.
  let known: string | null = null;
  const write = (data: unknown, savedAt: string): void => {
    const text = JSON.stringify({ version: definition.version, savedAt, data, standard: STANDARD_EDITION } satisfies Envelope);
    storage.setItem(key, text);
    known = text;
  };
  /** Before a save: has another tab written a newer version since? Then go read-only, never overwrite it. */
  const newerSince = (): number | undefined => {
    const raw = storage.getItem(key); // a read that throws is handled by save, as storage unavailable
    if (raw === null || raw === known) return undefined;
    const version = storedVersion(raw);
    return version !== undefined && version > definition.version ? version : undefined;
  };

  /** Interprets what is stored, backing up before anything that would change it. */
  const interpret = (raw: string | null): LoadResult<T> => {
    readOnly = undefined;
    known = raw;
    if (raw === null) return { status: 'empty', data: definition.defaults() };
    const result = interpretRaw(definition, raw);
    if (!result.ok && result.newer !== undefined) {
      readOnly = 'newer';
      return { status: 'newer', version: result.newer, data: definition.defaults() };
    }
    if (result.ok && result.upgraded.setAside.length === 0 && result.upgraded.trimmed.length === 0) {
      const { from, data } = result.upgraded;
      return { status: 'ok', data, savedAt: result.envelope.savedAt, ...(from !== definition.version ? { migratedFrom: from } : {}) };
    }
    // Something will be set aside or dropped: keep the original first, or change nothing.
    const backupKey = backupRaw(storage, definition.feature, raw, now());
    const reason = result.ok ? result.upgraded.summary : result.reason;
    if (!backupKey) {
      readOnly = 'held';
      return { status: 'held', reason, raw, data: result.ok ? result.upgraded.data : definition.defaults() };
    }
    if (!result.ok) {
      try {
        storage.removeItem(key);
      } catch {
        /* the backup holds it either way */
      }
      return { status: 'unreadable', backupKey, reason, data: definition.defaults() };
    }
    const savedAt = result.envelope.savedAt || now().toISOString();
    try {
      // The salvaged value replaces the original, which is safe in the backup.
      write(result.upgraded.data, savedAt);
    } catch {
      /* written at the next save */
    }
    return {
      status: 'salvaged',
      data: result.upgraded.data,
      savedAt,
      backupKey,
      summary: result.upgraded.summary,
      setAside: result.upgraded.setAside,
      trimmed: result.upgraded.trimmed,
    };
  };

  const load = (): LoadResult<T> => {
    let raw: string | null;
    try {
      raw = storage.getItem(key);
    } catch {
      readOnly = 'unavailable';
      return { status: 'unavailable', data: definition.defaults() };
    }
    return interpret(raw);
  };

  return {
    definition,
    key,
    persistent: backend.persistent,
    get writable() {
      return readOnly === undefined;
    },
    load,
    save(data) {
      if (readOnly) return { ok: false, reason: 'read-only', message: READ_ONLY_MESSAGE[readOnly] };
      const savedAt = now().toISOString();
      try {
        let newer: number | undefined;
        try {
          newer = newerSince();
        } catch {
          readOnly = 'unavailable';
          return { ok: false, reason: 'read-only', message: READ_ONLY_MESSAGE.unavailable };
        }
        if (newer !== undefined) {
          readOnly = 'newer';
          return { ok: false, reason: 'read-only', message: READ_ONLY_MESSAGE.newer, newer };
        }
        write(data, savedAt);
        return { ok: true, savedAt };
      } catch (error) {
        // A failed setItem leaves the previous value as it was.
        return isQuotaError(error)
          ? { ok: false, reason: 'quota', message: 'Your browser’s storage for this site is full, so this change was not saved. Your previously saved progress is unchanged.' }
          : { ok: false, reason: 'error', message: `This change could not be saved (${String(error)}). Your previously saved progress is unchanged.` };
      }
    },
    clear() {
      // Only a value this page can read is cleared; a held, newer or unreadable one stays as it is.
      if (readOnly) return { ok: false, message: `Nothing was deleted. ${CLEAR_REFUSED[readOnly](inSentence(definition.label))}` };
      try {
        storage.removeItem(key);
        return { ok: true };
      } catch (error) {
        return { ok: false, message: `Nothing was deleted: your browser would not let this page change its saved progress (${String(error)}).` };
      }
    },
    discardHeld() {
      if (readOnly !== 'held') return;
      try {
        storage.removeItem(key);
        readOnly = undefined;
      } catch {
        /* still held */
      }
    },
    keep(data) {
      // Marked as a part: restoring it merges it back, never puts it in place of the whole value.
      const text = JSON.stringify({ version: definition.version, savedAt: now().toISOString(), data, standard: STANDARD_EDITION, part: true } satisfies Envelope);
      return backupRaw(storage, definition.feature, text, now());
    },
    subscribe(listener) {
      if (!events) return () => {};
      const onStorage = (event: Event) => {
        const { key: changed } = event as StorageEvent;
        // key null: the other tab cleared all storage. Re-read rather than trust the event's copy.
        if (changed === key || changed === null) listener(load());
      };
      events.addEventListener('storage', onStorage);
      return () => events.removeEventListener('storage', onStorage);
    },
  };
}

/** Ask the browser to keep this site's data (not evict it under storage pressure). Quietly. */
export async function requestPersistence(): Promise<boolean> {
  try {
    const manager = typeof navigator === 'undefined' ? undefined : navigator.storage;
    if (!manager?.persist) return false;
    if (await manager.persisted?.()) return true;
    return await manager.persist();
  } catch {
    return false;
  }
}
