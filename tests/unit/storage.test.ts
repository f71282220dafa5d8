/**
 * The storage layer: every fault the issue lists, and the export–import round trip.
 */
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod/mini';
import { MemoryStorage, isQuotaError, type KeyValueStorage } from '../../src/lib/storage/backend';
import { BACKUP_PREFIX, createStore, hasSaved, keyFor, type FeatureDefinition } from '../../src/lib/storage/store';
import { applyImport, buildExport, EXPORT_FORMAT, exportFileName, listBackups, previewImport } from '../../src/lib/storage/transfer';
import { eligibilityFeature } from '../../src/lib/eligibility';

/** A test feature at version 2, whose version 1 stored a single `count` instead of a list. */
interface Tally {
  counts: number[];
}
const tally: FeatureDefinition<Tally> = {
  feature: 'tally',
  label: 'Tally',
  version: 2,
  schema: z.object({ counts: z.array(z.number()) }),
  defaults: () => ({ counts: [] }),
  migrations: { 1: (old) => ({ counts: [(old as { count: number }).count] }) },
  describe: (t) => `${t.counts.length} counts`,
};
const fixedNow = () => new Date('2026-11-24T10:00:00Z');
const backendOf = (storage: KeyValueStorage, persistent = true) => ({ storage, persistent });
const storeOn = (storage: KeyValueStorage) => createStore(tally, { backend: backendOf(storage), now: fixedNow, events: undefined });

describe('saving and loading', () => {
  it('starts empty with the defaults, then round-trips what is saved in a versioned envelope', () => {
    const storage = new MemoryStorage();
    const store = storeOn(storage);
    expect(store.load()).toEqual({ status: 'empty', data: { counts: [] } });
    expect(store.save({ counts: [1, 2] })).toEqual({ ok: true, savedAt: '2026-11-24T10:00:00.000Z' });
    expect(JSON.parse(storage.getItem('st1398:v1:tally')!)).toEqual({ version: 2, savedAt: '2026-11-24T10:00:00.000Z', data: { counts: [1, 2] } });
    expect(store.load()).toMatchObject({ status: 'ok', data: { counts: [1, 2] } });
  });

  it('migrates an old version with its explicit migration', () => {
    const storage = new MemoryStorage();
    storage.setItem(keyFor('tally'), JSON.stringify({ version: 1, savedAt: '2025-01-01T00:00:00Z', data: { count: 7 } }));
    expect(storeOn(storage).load()).toEqual({ status: 'ok', data: { counts: [7] }, savedAt: '2025-01-01T00:00:00Z', migratedFrom: 1 });
  });
});

describe('a value that cannot be read is kept, never lost', () => {
  it.each([
    ['corrupt JSON', '{"version":2,"data":{"counts":[1,', 'it is not valid JSON'],
    ['the wrong shape', JSON.stringify({ version: 2, savedAt: '', data: { counts: 'many' } }), 'its contents are not in the expected shape'],
    ['not an envelope', JSON.stringify([1, 2, 3]), 'it is not a saved-progress record'],
    ['a future version', JSON.stringify({ version: 9, savedAt: '', data: {} }), 'saved by a newer version of this site'],
    ['a version with no migration', JSON.stringify({ version: 0, savedAt: '', data: {} }), 'no valid version number'],
  ])('%s: copied to a backup key, defaults used, reason given', (_name, raw, reason) => {
    const storage = new MemoryStorage();
    storage.setItem(keyFor('tally'), raw);
    const result = storeOn(storage).load();
    expect(result.status).toBe('recovered');
    if (result.status !== 'recovered') return;
    expect(result.data).toEqual({ counts: [] });
    expect(result.raw).toBe(raw);
    expect(result.reason).toContain(reason);
    expect(result.backupKey).toBe(`${BACKUP_PREFIX}tally:2026-11-24T10:00:00.000Z`);
    expect(storage.getItem(result.backupKey!)).toBe(raw);
    expect(storage.getItem(keyFor('tally'))).toBeNull();
    expect(listBackups(storage)).toEqual([{ key: result.backupKey, feature: 'tally', when: '2026-11-24T10:00:00.000Z' }]);
  });

  it('leaves the original in place when there is no room for a backup copy', () => {
    const storage = new MemoryStorage();
    storage.setItem(keyFor('tally'), 'not json');
    const full = Object.assign(Object.create(storage) as KeyValueStorage, {
      getItem: (k: string) => storage.getItem(k),
      removeItem: vi.fn(),
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    });
    const result = storeOn(full).load();
    expect(result).toMatchObject({ status: 'recovered', backupKey: undefined, raw: 'not json' });
    expect(full.removeItem).not.toHaveBeenCalled();
    expect(storage.getItem(keyFor('tally'))).toBe('not json');
  });
});

describe('storage that is unavailable or full', () => {
  it('reports a full quota on save and leaves the previous value intact', () => {
    const storage = new MemoryStorage();
    const store = storeOn(storage);
    store.save({ counts: [1] });
    const before = storage.getItem(keyFor('tally'));
    const setItem = vi.spyOn(storage, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const result = store.save({ counts: [1, 2, 3] });
    expect(result).toMatchObject({ ok: false, reason: 'quota' });
    setItem.mockRestore();
    expect(storage.getItem(keyFor('tally'))).toBe(before);
    expect(store.load()).toMatchObject({ status: 'ok', data: { counts: [1] } });
  });

  it('recognises the quota errors browsers throw', () => {
    expect(isQuotaError(new DOMException('x', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError(new DOMException('x', 'NS_ERROR_DOM_QUOTA_REACHED'))).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
    expect(isQuotaError('full')).toBe(false);
  });

  it('works in memory, and says so, when storage throws a SecurityError on every access', () => {
    const blocked: KeyValueStorage = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      removeItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      key: () => null,
      length: 0,
    };
    // A blocked backend never reaches the store in the browser (browserBackend falls back to memory),
    // but a store on it must still not throw.
    const store = createStore(tally, { backend: backendOf(blocked, false), now: fixedNow, events: undefined });
    expect(store.persistent).toBe(false);
    expect(store.load()).toEqual({ status: 'empty', data: { counts: [] } });
    expect(store.save({ counts: [1] })).toMatchObject({ ok: false, reason: 'error' });
    expect(() => store.clear()).not.toThrow();
  });
});

describe('two tabs', () => {
  it('tells a subscriber when another tab changes the feature, and ignores other keys', () => {
    const storage = new MemoryStorage();
    const events = new EventTarget();
    const store = createStore(tally, { backend: backendOf(storage), now: fixedNow, events: events as unknown as Window });
    const seen: unknown[] = [];
    const unsubscribe = store.subscribe((result) => seen.push(result));
    const fire = (key: string | null, newValue: string | null) =>
      events.dispatchEvent(Object.assign(new Event('storage'), { key, newValue }));
    fire('st1398:v1:other', 'x');
    fire(keyFor('tally'), JSON.stringify({ version: 2, savedAt: 's', data: { counts: [5] } }));
    fire(null, null);
    expect(seen).toEqual([
      { status: 'ok', data: { counts: [5] }, savedAt: 's' },
      { status: 'empty', data: { counts: [] } },
    ]);
    unsubscribe();
    fire(keyFor('tally'), null);
    expect(seen).toHaveLength(2);
  });
});

describe('export and import', () => {
  const features = [tally, eligibilityFeature];

  it('round-trips everything saved through one dated, versioned file', () => {
    const source = new MemoryStorage();
    storeOn(source).save({ counts: [3, 4] });
    createStore(eligibilityFeature, { backend: backendOf(source), now: fixedNow, events: undefined }).save({
      englishMaths: { age: '19+', level2: 'yes' },
      role: {},
      ksbs: { K1: { answer: 'yes', note: 'Led the CV project' } },
      gateway: { startDate: '2025-09-01' },
    });
    const file = buildExport(features, source, fixedNow());
    expect(file).toMatchObject({ format: EXPORT_FORMAT, formatVersion: 1, exportedAt: '2026-11-24T10:00:00.000Z' });
    expect(exportFileName(fixedNow())).toBe('st1398-progress-2026-11-24.json');

    const target = new MemoryStorage();
    storeOn(target).save({ counts: [9] });
    const preview = previewImport(JSON.stringify(file), features, target);
    expect(preview).toMatchObject({
      ok: true,
      items: [
        { feature: 'tally', label: 'Tally', incoming: '2 counts', replaces: '1 counts' },
        { feature: 'eligibility', incoming: '1 KSB answered, start date 1 September 2025', replaces: undefined },
      ],
    });
    if (!preview.ok) return;
    expect(applyImport(preview, features, target)).toEqual({ ok: true });
    expect(storeOn(target).load()).toMatchObject({ status: 'ok', data: { counts: [3, 4] } });
    expect(createStore(eligibilityFeature, { backend: backendOf(target), events: undefined }).load()).toMatchObject({
      status: 'ok',
      data: { ksbs: { K1: { answer: 'yes', note: 'Led the CV project' } } },
    });
  });

  it.each([
    ['not JSON', 'hello', 'it is not valid JSON'],
    ['another site’s file', JSON.stringify({ format: 'someone-else', formatVersion: 1, features: {} }), 'exported by something else'],
    ['a future format', JSON.stringify({ format: EXPORT_FORMAT, formatVersion: 2, features: {} }), 'newer version of this site'],
    ['a feature this site does not know', JSON.stringify({ format: EXPORT_FORMAT, formatVersion: 1, features: { mystery: { version: 1, data: {} } } }), 'does not know (“mystery”)'],
    ['a future feature version', JSON.stringify({ format: EXPORT_FORMAT, formatVersion: 1, features: { tally: { version: 3, data: { counts: [] } } } }), 'newer version of this site'],
    ['data in the wrong shape', JSON.stringify({ format: EXPORT_FORMAT, formatVersion: 1, features: { tally: { version: 2, data: { counts: ['x'] } } } }), 'not in the expected shape'],
    ['no progress at all', JSON.stringify({ format: EXPORT_FORMAT, formatVersion: 1, features: {} }), 'holds no saved progress'],
  ])('refuses %s with a clear reason, and changes nothing', (_name, text, reason) => {
    const target = new MemoryStorage();
    storeOn(target).save({ counts: [1] });
    const before = target.getItem(keyFor('tally'));
    const preview = previewImport(text, features, target);
    expect(preview.ok).toBe(false);
    if (!preview.ok) expect(preview.reason).toContain(reason);
    expect(target.getItem(keyFor('tally'))).toBe(before);
    expect(target.length).toBe(1);
  });

  it('imports a file saved at an older version by migrating it', () => {
    const text = JSON.stringify({ format: EXPORT_FORMAT, formatVersion: 1, features: { tally: { version: 1, savedAt: 'then', data: { count: 2 } } } });
    const target = new MemoryStorage();
    const preview = previewImport(text, features, target);
    expect(preview).toMatchObject({ ok: true, items: [{ feature: 'tally', incoming: '1 counts' }] });
    if (preview.ok) applyImport(preview, features, target);
    expect(storeOn(target).load()).toMatchObject({ data: { counts: [2] } });
  });

  it('puts everything back if the storage fills up part-way through an import', () => {
    const target = new MemoryStorage();
    storeOn(target).save({ counts: [1] });
    const before = target.getItem(keyFor('tally'));
    const file = { format: EXPORT_FORMAT, formatVersion: 1, features: { tally: { version: 2, savedAt: 'x', data: { counts: [2] } }, eligibility: { version: 1, savedAt: 'x', data: { englishMaths: {}, role: {}, ksbs: {}, gateway: {} } } } };
    const preview = previewImport(JSON.stringify(file), features, target);
    if (!preview.ok) throw new Error(preview.reason);
    const real = target.setItem.bind(target);
    let writes = 0;
    vi.spyOn(target, 'setItem').mockImplementation((k, v) => {
      if (++writes === 2) throw new DOMException('full', 'QuotaExceededError');
      real(k, v);
    });
    expect(applyImport(preview, features, target)).toMatchObject({ ok: false });
    vi.restoreAllMocks();
    expect(target.getItem(keyFor('tally'))).toBe(before);
    expect(target.getItem(keyFor('eligibility'))).toBeNull();
  });
});

describe('choosing the backend in the browser', () => {
  it('falls back to memory when touching localStorage throws (blocked storage)', async () => {
    const { browserBackend, resetBrowserBackend } = await import('../../src/lib/storage/backend');
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    try {
      resetBrowserBackend();
      const backend = browserBackend();
      expect(backend.persistent).toBe(false);
      expect(backend.storage).toBeInstanceOf(MemoryStorage);
    } finally {
      if (descriptor) Object.defineProperty(globalThis, 'localStorage', descriptor);
      else delete (globalThis as { localStorage?: unknown }).localStorage;
      resetBrowserBackend();
    }
  });

  it('uses localStorage when it can be written', async () => {
    const { browserBackend, resetBrowserBackend } = await import('../../src/lib/storage/backend');
    const fake = new MemoryStorage();
    Object.defineProperty(globalThis, 'localStorage', { configurable: true, value: fake });
    try {
      resetBrowserBackend();
      expect(browserBackend()).toEqual({ storage: fake, persistent: true });
    } finally {
      delete (globalThis as { localStorage?: unknown }).localStorage;
      resetBrowserBackend();
    }
  });
});

describe('hasSaved: the light check every page makes before loading saved-progress code', () => {
  it('is true only when the feature has a saved value', () => {
    const storage = new MemoryStorage();
    expect(hasSaved('ratings', storage)).toBe(false);
    storage.setItem(keyFor('ratings'), 'anything, even unreadable');
    expect(hasSaved('ratings', storage)).toBe(true);
    expect(hasSaved('quiz', storage)).toBe(false);
  });
  it('treats blocked storage as nothing saved, without throwing', () => {
    const blocked = {
      getItem: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    };
    expect(hasSaved('ratings', blocked)).toBe(false);
  });
});
