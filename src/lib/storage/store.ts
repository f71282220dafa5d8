/**
 * The only code that reads or writes saved progress. Each feature has one key
 * (`st1398:v1:<feature>`) holding an envelope `{ version, savedAt, data }`. Values are validated
 * with the feature's schema; older versions are migrated by explicit functions; anything that
 * cannot be read is copied to a backup key before the feature starts again from its defaults.
 * Nothing here throws: every outcome is a value the page can show.
 */
import type { z } from 'zod/mini';
import { browserBackend, isQuotaError, type KeyValueStorage, type StorageBackend } from './backend';
import { BACKUP_PREFIX, keyFor } from './keys';

export { BACKUP_PREFIX, hasSaved, keyFor, NAMESPACE } from './keys';

/** A function that turns data saved at version N into data for version N + 1. */
export type Migration = (data: unknown) => unknown;

export interface FeatureDefinition<T> {
  /** Short, permanent name: the key is st1398:v1:<feature>. */
  feature: string;
  /** Human name, for notices and the import preview ("Eligibility checklist"). */
  label: string;
  /** The current version of the data's shape. */
  version: number;
  schema: z.ZodMiniType<T>;
  defaults: () => T;
  /** migrations[n] upgrades version n to n + 1. Versions below the lowest key cannot be read. */
  migrations?: Record<number, Migration>;
  /** One line for the import preview, e.g. "12 of 70 KSBs answered". */
  describe?: (data: T) => string;
}

export interface Envelope {
  version: number;
  savedAt: string;
  data: unknown;
}

export type LoadResult<T> =
  | { status: 'empty'; data: T }
  | { status: 'ok'; data: T; savedAt: string; migratedFrom?: number }
  /** The saved value could not be read: `raw` was copied to `backupKey` and defaults are in use. */
  | { status: 'recovered'; data: T; raw: string; backupKey: string | undefined; reason: string };

export type SaveResult = { ok: true; savedAt: string } | { ok: false; reason: 'quota' | 'error'; message: string };

export type Upgrade<T> = { ok: true; data: T; from: number } | { ok: false; reason: string };

/** Brings data saved at `version` up to the definition's current version, then validates it. */
export function upgrade<T>(definition: FeatureDefinition<T>, version: unknown, data: unknown): Upgrade<T> {
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: 'it has no valid version number' };
  }
  if (version > definition.version) {
    return { ok: false, reason: `it was saved by a newer version of this site (version ${version}; this site reads up to ${definition.version})` };
  }
  let current = data;
  for (let v = version; v < definition.version; v++) {
    const migrate = definition.migrations?.[v];
    if (!migrate) return { ok: false, reason: `there is no way to upgrade version ${v} data` };
    try {
      current = migrate(current);
    } catch (error) {
      return { ok: false, reason: `upgrading version ${v} failed: ${String(error)}` };
    }
  }
  const result = definition.schema.safeParse(current);
  if (!result.success) return { ok: false, reason: `its contents are not in the expected shape (${describeIssue(result.error)})` };
  return { ok: true, data: result.data, from: version };
}

function describeIssue(error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> }): string {
  const issue = error.issues[0];
  if (!issue) return 'unknown problem';
  return issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message;
}

/** Parses a stored envelope string. */
export function parseEnvelope(raw: string): { ok: true; envelope: Envelope } | { ok: false; reason: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'it is not valid JSON' };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || !('data' in parsed) || !('version' in parsed)) {
    return { ok: false, reason: 'it is not a saved-progress record' };
  }
  const { version, savedAt, data } = parsed as Record<string, unknown>;
  return { ok: true, envelope: { version: version as number, savedAt: typeof savedAt === 'string' ? savedAt : '', data } };
}

export interface Store<T> {
  readonly definition: FeatureDefinition<T>;
  readonly key: string;
  /** False when saving is impossible (storage blocked): data lasts only for this visit. */
  readonly persistent: boolean;
  load(): LoadResult<T>;
  save(data: T): SaveResult;
  clear(): void;
  /** Calls `listener` when another tab changes this feature's data. Returns an unsubscribe function. */
  subscribe(listener: (result: LoadResult<T>) => void): () => void;
}

export interface StoreOptions {
  backend?: StorageBackend;
  now?: () => Date;
  /** Where `storage` events come from (window in the browser). */
  events?: Pick<Window, 'addEventListener' | 'removeEventListener'> | undefined;
}

export function createStore<T>(definition: FeatureDefinition<T>, options: StoreOptions = {}): Store<T> {
  const backend = options.backend ?? browserBackend();
  const storage: KeyValueStorage = backend.storage;
  const now = options.now ?? (() => new Date());
  const key = keyFor(definition.feature);
  const events = 'events' in options ? options.events : typeof window === 'undefined' ? undefined : window;

  const read = (): string | null => {
    try {
      return storage.getItem(key);
    } catch {
      return null;
    }
  };

  const interpret = (raw: string | null): LoadResult<T> => {
    if (raw === null) return { status: 'empty', data: definition.defaults() };
    const parsed = parseEnvelope(raw);
    const upgraded = parsed.ok ? upgrade(definition, parsed.envelope.version, parsed.envelope.data) : parsed;
    if (upgraded.ok && parsed.ok) {
      return {
        status: 'ok',
        data: upgraded.data,
        savedAt: parsed.envelope.savedAt,
        ...(upgraded.from !== definition.version ? { migratedFrom: upgraded.from } : {}),
      };
    }
    // Keep the unreadable value before anything can overwrite it.
    const backupKey = backup(raw);
    return { status: 'recovered', data: definition.defaults(), raw, backupKey, reason: upgraded.ok ? 'unknown' : upgraded.reason };
  };

  const backup = (raw: string): string | undefined => {
    const backupKey = `${BACKUP_PREFIX}${definition.feature}:${now().toISOString()}`;
    try {
      storage.setItem(backupKey, raw);
      storage.removeItem(key);
      return backupKey;
    } catch {
      // No room for a copy: leave the original where it is, untouched, until the user downloads it.
      return undefined;
    }
  };

  return {
    definition,
    key,
    persistent: backend.persistent,
    load: () => interpret(read()),
    save(data) {
      const savedAt = now().toISOString();
      const envelope: Envelope = { version: definition.version, savedAt, data };
      try {
        storage.setItem(key, JSON.stringify(envelope));
        return { ok: true, savedAt };
      } catch (error) {
        // A failed setItem leaves the previous value as it was.
        return isQuotaError(error)
          ? { ok: false, reason: 'quota', message: 'Your browser’s storage for this site is full, so this change was not saved. Your previously saved progress is unchanged.' }
          : { ok: false, reason: 'error', message: `This change could not be saved (${String(error)}). Your previously saved progress is unchanged.` };
      }
    },
    clear() {
      try {
        storage.removeItem(key);
      } catch {
        /* nothing to clear */
      }
    },
    subscribe(listener) {
      if (!events) return () => {};
      const onStorage = (event: Event) => {
        const { key: changed, newValue } = event as StorageEvent;
        // key null: the other tab cleared all storage.
        if (changed === key || changed === null) listener(interpret(newValue ?? null));
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
