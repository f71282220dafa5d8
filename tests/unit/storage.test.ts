/**
 * The storage layer: every fault the issue lists, and the export–import round trip.
 */
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod/mini';
import { MemoryStorage, isQuotaError, type KeyValueStorage } from '../../src/lib/storage/backend';
import { backupFile, listBackups, restoreBackup } from '../../src/lib/storage/backups';
import { array, object } from '../../src/lib/storage/shape';
import { BACKUP_PREFIX, createStore, hasSaved, keyFor, type FeatureDefinition } from '../../src/lib/storage/store';
import { applyImport, buildExport, EXPORT_FORMAT, exportFileName, previewImport } from '../../src/lib/storage/transfer';
import { eligibilityFeature } from '../../src/lib/eligibility';

/** A test feature at version 2, whose version 1 stored a single `count` instead of a list. */
interface Tally {
  counts: number[];
}
const tally: FeatureDefinition<Tally> = {
  feature: 'tally',
  label: 'Tally',
  version: 2,
  shape: object({ counts: array(z.number(), 'count') }),
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
    expect(JSON.parse(storage.getItem('st1398:v1:tally')!)).toEqual({ version: 2, savedAt: '2026-11-24T10:00:00.000Z', data: { counts: [1, 2] }, standard: 'ST1398 v1.0' });
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
    ['not an envelope', JSON.stringify([1, 2, 3]), 'it is not a saved-progress record'],
    ['null data', JSON.stringify({ version: 2, savedAt: '', data: null }), 'it holds no saved entries'],
    ['a version that is not a number', JSON.stringify({ version: 'two', savedAt: '', data: {} }), 'no valid version number'],
    ['an object with none of the feature’s fields', JSON.stringify({ colour: 'blue' }), 'it is not a saved-progress record'],
    ['a version with no migration', JSON.stringify({ version: 0, savedAt: '', data: {} }), 'no valid version number'],
  ])('%s: copied to a backup key, defaults used, reason given', (_name, raw, reason) => {
    const storage = new MemoryStorage();
    storage.setItem(keyFor('tally'), raw);
    const result = storeOn(storage).load();
    expect(result.status).toBe('unreadable');
    if (result.status !== 'unreadable') return;
    expect(result.data).toEqual({ counts: [] });
    expect(result.reason).toContain(reason);
    expect(result.backupKey).toBe(`${BACKUP_PREFIX}tally:2026-11-24T10:00:00.000Z`);
    expect(storage.getItem(result.backupKey)).toBe(raw);
    expect(storage.getItem(keyFor('tally'))).toBeNull();
    expect(listBackups(storage)).toEqual([{ key: result.backupKey, feature: 'tally', when: '2026-11-24T10:00:00.000Z' }]);
  });

  it('keeps every valid entry when one is bad, sets the bad one aside in a backup, and says so', () => {
    const storage = new MemoryStorage();
    const raw = JSON.stringify({ version: 2, savedAt: '2026-01-01T00:00:00.000Z', data: { counts: [1, 2, 'three', 4] } });
    storage.setItem(keyFor('tally'), raw);
    const result = storeOn(storage).load();
    expect(result).toMatchObject({ status: 'salvaged', data: { counts: [1, 2, 4] }, summary: '1 count could not be read and was set aside (count 3); 3 kept.' });
    if (result.status !== 'salvaged') return;
    expect(storage.getItem(result.backupKey)).toBe(raw);
    // The salvaged value replaced the original (which is safe in the backup), so the next load is clean.
    expect(storeOn(storage).load()).toMatchObject({ status: 'ok', data: { counts: [1, 2, 4] } });
  });

  it('makes one backup of a value, however many pages load it', () => {
    const storage = new MemoryStorage();
    storage.setItem(keyFor('tally'), 'not json');
    storeOn(storage).load();
    storage.setItem(keyFor('tally'), 'not json');
    storeOn(storage).load();
    expect(listBackups(storage)).toHaveLength(1);
  });

  it('never overwrites a damaged value it could not copy: saving stops until the learner discards it', () => {
    const storage = new MemoryStorage();
    const huge = `{"version":2,"data":${'x'.repeat(3_000_000)}`;
    storage.setItem(keyFor('tally'), huge);
    const full: KeyValueStorage = {
      getItem: (k) => storage.getItem(k),
      key: (i) => storage.key(i),
      get length() {
        return storage.length;
      },
      removeItem: (k) => storage.removeItem(k),
      setItem: (k, v) => {
        if (k.startsWith(BACKUP_PREFIX)) throw new DOMException('full', 'QuotaExceededError');
        storage.setItem(k, v);
      },
    };
    const store = storeOn(full);
    const result = store.load();
    expect(result).toMatchObject({ status: 'held', raw: huge });
    expect(store.writable).toBe(false);
    expect(store.save({ counts: [1] })).toMatchObject({ ok: false, reason: 'read-only' });
    store.clear();
    expect(storage.getItem(keyFor('tally'))).toBe(huge);
    store.discardHeld();
    expect(storage.getItem(keyFor('tally'))).toBeNull();
    expect(store.save({ counts: [1] })).toMatchObject({ ok: true });
  });

  it('leaves data saved by a newer version untouched, and refuses to save over it', () => {
    const storage = new MemoryStorage();
    const raw = JSON.stringify({ version: 9, savedAt: '', data: { counts: [1, 2, 3], more: true } });
    storage.setItem(keyFor('tally'), raw);
    const store = storeOn(storage);
    expect(store.load()).toMatchObject({ status: 'newer', version: 9 });
    expect(store.save({ counts: [] })).toMatchObject({ ok: false, reason: 'read-only', message: expect.stringContaining('newer version of the site') });
    store.clear();
    expect(storage.getItem(keyFor('tally'))).toBe(raw);
    expect(listBackups(storage)).toEqual([]);
  });

  it('keeps a record with unknown extra fields (ignoring the extras)', () => {
    const storage = new MemoryStorage();
    storage.setItem(keyFor('tally'), JSON.stringify({ version: 2, savedAt: 's', data: { counts: [5], colour: 'blue' } }));
    expect(storeOn(storage).load()).toMatchObject({ status: 'ok', data: { counts: [5] } });
  });

  it('treats a read that throws as storage unavailable: works in memory and never writes', () => {
    const storage = new MemoryStorage();
    const raw = JSON.stringify({ version: 2, savedAt: 's', data: { counts: [1, 2, 3] } });
    storage.setItem(keyFor('tally'), raw);
    const flaky = Object.assign(Object.create(storage) as KeyValueStorage, {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: vi.fn((k: string, v: string) => storage.setItem(k, v)),
    });
    const store = storeOn(flaky);
    expect(store.load()).toMatchObject({ status: 'unavailable', data: { counts: [] } });
    expect(store.save({ counts: [1] })).toMatchObject({ ok: false, reason: 'read-only' });
    expect(flaky.setItem).not.toHaveBeenCalled();
    expect(storage.getItem(keyFor('tally'))).toBe(raw);
  });
});

describe('backups can be restored and downloaded', () => {
  it('restores what validates from a backup, merged into what is saved now', () => {
    const storage = new MemoryStorage();
    storage.setItem(keyFor('eligibility'), JSON.stringify({ version: 1, savedAt: 's', data: 'damaged' }));
    const store = createStore(eligibilityFeature, { backend: backendOf(storage), now: fixedNow, events: undefined });
    store.load();
    const [backup] = listBackups(storage);
    expect(backup).toBeDefined();
    // The backup held nothing readable: restoring says so and changes nothing.
    expect(restoreBackup(storage, backup!, [eligibilityFeature])).toMatchObject({ ok: false });

    const seventy = Object.fromEntries(Array.from({ length: 70 }, (_, i) => [`K${i + 1}`, { answer: 'yes' }]));
    const raw = JSON.stringify({ version: 1, savedAt: 's', data: { englishMaths: {}, role: {}, gateway: {}, ksbs: { ...seventy, K71: { answer: 'expert' } } } });
    storage.setItem(keyFor('eligibility'), raw);
    const loaded = store.load();
    expect(loaded).toMatchObject({ status: 'salvaged', summary: '1 KSB answer could not be read and was set aside (K71’s KSB answer); 70 kept.' });
    // Later the learner changes an answer, then restores the backup: nothing is lost either way.
    store.save({ ...loaded.data, ksbs: { ...loaded.data.ksbs, K1: { opportunity: 'no' } } });
    const latest = listBackups(storage).find((b) => storage.getItem(b.key) === raw)!;
    expect(restoreBackup(storage, latest, [eligibilityFeature])).toMatchObject({ ok: true });
    const after = store.load();
    expect(Object.keys(after.data.ksbs)).toHaveLength(70);
    expect(after.data.ksbs.K1).toEqual({ opportunity: 'no' });
  });

  it('downloads a backup as a progress file the import accepts', () => {
    const storage = new MemoryStorage();
    const raw = JSON.stringify({ version: 2, savedAt: 's', data: { counts: [1, 'x', 3] } });
    storage.setItem(keyFor('tally'), raw);
    storeOn(storage).load();
    const [backup] = listBackups(storage);
    const file = backupFile(storage, backup!, [tally])!;
    expect(file.name).toMatch(/^st1398-backup-tally-2026-11-24\.json$/);
    const preview = previewImport(file.text, [tally], new MemoryStorage());
    expect(preview).toMatchObject({ ok: true, backupOf: backup!.key, items: [{ feature: 'tally', incoming: '2 counts', leftOut: '1 count could not be read and was set aside (count 2); 2 kept.' }] });
  });

  it('downloads an unreadable backup exactly as it was kept', () => {
    const storage = new MemoryStorage();
    storage.setItem(keyFor('tally'), 'not json at all');
    storeOn(storage).load();
    const file = backupFile(storage, listBackups(storage)[0]!, [tally])!;
    expect(file).toMatchObject({ name: 'st1398-damaged-tally-2026-11-24.txt', text: 'not json at all' });
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
    expect(store.load()).toEqual({ status: 'unavailable', data: { counts: [] } });
    expect(store.save({ counts: [1] })).toMatchObject({ ok: false, reason: 'read-only' });
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
    storage.setItem(keyFor('tally'), JSON.stringify({ version: 2, savedAt: 's', data: { counts: [5] } }));
    fire(keyFor('tally'), storage.getItem(keyFor('tally')));
    storage.removeItem(keyFor('tally'));
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
      ksbs: { K1: { opportunity: 'yes', note: 'Led the CV project' } },
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
        { feature: 'tally', label: 'Tally', incoming: '2 counts', current: '1 counts', leftOut: '' },
        { feature: 'eligibility', incoming: '1 KSB answered, start date 1 September 2025', current: undefined },
      ],
    });
    if (!preview.ok) return;
    expect(applyImport(preview, features, target)).toMatchObject({ ok: true });
    expect(storeOn(target).load()).toMatchObject({ status: 'ok', data: { counts: [3, 4] } });
    expect(createStore(eligibilityFeature, { backend: backendOf(target), events: undefined }).load()).toMatchObject({
      status: 'ok',
      data: { ksbs: { K1: { opportunity: 'yes', note: 'Led the CV project' } } },
    });
  });

  it.each([
    ['not JSON', 'hello', 'it is not valid JSON'],
    ['another site’s file', JSON.stringify({ format: 'someone-else', formatVersion: 1, features: {} }), 'exported by something else'],
    ['a future format', JSON.stringify({ format: EXPORT_FORMAT, formatVersion: 2, features: {} }), 'newer version of this site'],
    ['a feature this site does not know', JSON.stringify({ format: EXPORT_FORMAT, formatVersion: 1, features: { mystery: { version: 1, data: {} } } }), 'does not know (“mystery”)'],
    ['a future feature version', JSON.stringify({ format: EXPORT_FORMAT, formatVersion: 1, features: { tally: { version: 3, data: { counts: [] } } } }), 'newer version of this site'],
    ['data that is not a set of entries', JSON.stringify({ format: EXPORT_FORMAT, formatVersion: 1, features: { tally: { version: 2, data: 'x' } } }), 'holds no saved entries'],
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

  it('salvages a file with a bad entry, saying what will be left out', () => {
    const text = JSON.stringify({ format: EXPORT_FORMAT, formatVersion: 1, features: { tally: { version: 2, savedAt: 's', data: { counts: [1, 'x'] } } } });
    expect(previewImport(text, features, new MemoryStorage())).toMatchObject({ ok: true, items: [{ incoming: '1 counts', leftOut: '1 count could not be read and was set aside (count 2); 1 kept.' }] });
  });

  it('applies the same limits on import as on save, and says what was trimmed', async () => {
    const { practiceFeature, MAX_SESSIONS_KEPT } = await import('../../src/lib/practice');
    const session = (i: number) => ({ id: `s${i}`, method: 'am2', createdAt: '2026-01-01T10:00:00.000Z', extended: false, timer: { durationMs: 1, usedMs: 0 }, current: 0, items: [] });
    const text = JSON.stringify({ format: EXPORT_FORMAT, formatVersion: 1, features: { practice: { version: 1, savedAt: 's', data: { sessions: Array.from({ length: 900 }, (_, i) => session(i)) } } } });
    const target = new MemoryStorage();
    const preview = previewImport(text, [practiceFeature], target);
    expect(preview).toMatchObject({ ok: true, items: [{ incoming: `${MAX_SESSIONS_KEPT} sessions`, leftOut: `850 older sessions beyond the ${MAX_SESSIONS_KEPT} this site keeps were left out.` }] });
    if (preview.ok) applyImport(preview, [practiceFeature], target);
    expect(JSON.parse(target.getItem(keyFor('practice'))!).data.sessions).toHaveLength(MAX_SESSIONS_KEPT);
  });

  it('merges instead of replacing when asked: nothing saved is lost', () => {
    const target = new MemoryStorage();
    storeOn(target).save({ counts: [1, 2] });
    const text = JSON.stringify({ format: EXPORT_FORMAT, formatVersion: 1, features: { tally: { version: 2, savedAt: 's', data: { counts: [2, 3] } } } });
    const preview = previewImport(text, features, target);
    if (!preview.ok) throw new Error(preview.reason);
    expect(applyImport(preview, features, target, { mode: 'merge' })).toMatchObject({ ok: true });
    expect([...storeOn(target).load().data.counts].sort()).toEqual([1, 2, 3]);
  });

  it('never imports over saved data this page cannot read', () => {
    const target = new MemoryStorage();
    target.setItem(keyFor('tally'), JSON.stringify({ version: 9, savedAt: '', data: {} }));
    const text = JSON.stringify({ format: EXPORT_FORMAT, formatVersion: 1, features: { tally: { version: 2, savedAt: 's', data: { counts: [2] } } } });
    const preview = previewImport(text, features, target);
    if (!preview.ok) throw new Error(preview.reason);
    expect(applyImport(preview, features, target)).toMatchObject({ ok: false });
    expect(JSON.parse(target.getItem(keyFor('tally'))!).version).toBe(9);
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
