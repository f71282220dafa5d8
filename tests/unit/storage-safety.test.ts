/**
 * The storage layer's promise, case by case: nothing the learner entered is lost, and they are
 * always told what happened. Valid data outside a valid envelope, merges and replacements that
 * would cut or overwrite, an export that leaves something out, values held on /my-data/, "delete
 * all" on a read-only feature, and another tab writing a newer version while this page is open.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { MemoryStorage, type KeyValueStorage } from '../../src/lib/storage/backend';
import { backupFile, listBackups, previewRestore, restoreBackup } from '../../src/lib/storage/backups';
import { array, object } from '../../src/lib/storage/shape';
import { BACKUP_PREFIX, createStore, keyFor, type FeatureDefinition } from '../../src/lib/storage/store';
import { EXPORT_FORMAT, previewImport } from '../../src/lib/storage/transfer';
import { eligibilityFeature } from '../../src/lib/eligibility';
import { ratingsFeature } from '../../src/lib/ratings';

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
const backendOf = (storage: KeyValueStorage) => ({ storage, persistent: true });
const storeOn = <T>(storage: KeyValueStorage, definition: FeatureDefinition<T>) => createStore(definition, { backend: backendOf(storage), now: fixedNow, events: undefined });
const seventy = () => Object.fromEntries(Array.from({ length: 70 }, (_, i) => [`K${i + 1}`, { rating: 'confident' as const }]));

describe('valid data outside a valid envelope is read, not lost', () => {
  it.each([
    ['the feature’s data with no envelope', { counts: [1, 2, 3] }],
    ['a version written as a numeric string', { version: '2', savedAt: 's', data: { counts: [1, 2, 3] } }],
    ['an envelope with no version', { savedAt: 's', data: { counts: [1, 2, 3] } }],
  ])('%s: read as current-version data, nothing reset, nothing backed up', (_name, value) => {
    const storage = new MemoryStorage();
    const raw = JSON.stringify(value);
    storage.setItem(keyFor('tally'), raw);
    expect(storeOn(storage, tally).load()).toMatchObject({ status: 'ok', data: { counts: [1, 2, 3] } });
    expect(storage.getItem(keyFor('tally'))).toBe(raw);
    expect(listBackups(storage)).toEqual([]);
  });

  it('migrates an old version written as a numeric string', () => {
    const storage = new MemoryStorage();
    storage.setItem(keyFor('tally'), JSON.stringify({ version: '1', savedAt: 's', data: { count: 4 } }));
    expect(storeOn(storage, tally).load()).toMatchObject({ status: 'ok', data: { counts: [4] }, migratedFrom: 1 });
  });

  it('salvages unwrapped data entry by entry: 69 of 70 ratings kept, the original backed up and restorable', () => {
    const storage = new MemoryStorage();
    const raw = JSON.stringify({ ksbs: { ...seventy(), K7: { rating: 'expert' } } });
    storage.setItem(keyFor('ratings'), raw);
    const result = storeOn(storage, ratingsFeature).load();
    expect(result).toMatchObject({ status: 'salvaged' });
    expect(Object.keys(result.data.ksbs)).toHaveLength(69);
    const [backup] = listBackups(storage);
    expect(storage.getItem(backup!.key)).toBe(raw);
    expect(previewRestore(storage, backup!, [ratingsFeature])).toMatchObject({ ok: true, items: [{ feature: 'ratings', incoming: '69 KSBs rated' }] });
  });

  it('restores and downloads a copy kept without an envelope or with a string version (as earlier versions of the site kept them)', () => {
    for (const kept of [{ ksbs: seventy() }, { version: '1', savedAt: 's', data: { ksbs: seventy() } }]) {
      const storage = new MemoryStorage();
      storage.setItem(`${BACKUP_PREFIX}ratings:2026-11-01T09:00:00.000Z`, JSON.stringify(kept));
      storeOn(storage, ratingsFeature).save({ ksbs: { K1: { rating: 'developing', updated: '2026-11-20' } } });
      const [backup] = listBackups(storage);
      const file = backupFile(storage, backup!, [ratingsFeature])!;
      expect(file.name).toBe('st1398-backup-ratings-2026-11-01.json');
      expect(previewImport(file.text, [ratingsFeature], new MemoryStorage())).toMatchObject({ ok: true, items: [{ incoming: '70 KSBs rated' }] });
      expect(restoreBackup(storage, backup!, [ratingsFeature])).toMatchObject({ ok: true });
      const after = storeOn(storage, ratingsFeature).load().data.ksbs;
      expect(Object.keys(after)).toHaveLength(70);
      // What was saved since is kept where both hold an entry.
      expect(after.K1).toEqual({ rating: 'developing', updated: '2026-11-20' });
    }
  });

  it('imports a file whose feature data has no envelope', () => {
    const text = JSON.stringify({ format: EXPORT_FORMAT, formatVersion: 1, features: { eligibility: { ksbs: { K1: { opportunity: 'yes' } } } } });
    expect(previewImport(text, [eligibilityFeature], new MemoryStorage())).toMatchObject({ ok: true, items: [{ feature: 'eligibility' }] });
  });

  it('still refuses what is not the feature’s data at all', () => {
    const storage = new MemoryStorage();
    storage.setItem(`${BACKUP_PREFIX}ratings:2026-11-01T09:00:00.000Z`, JSON.stringify({ colour: 'blue' }));
    const [backup] = listBackups(storage);
    expect(previewRestore(storage, backup!, [ratingsFeature])).toMatchObject({ ok: false, reason: expect.stringContaining('You can still download it') });
    expect(backupFile(storage, backup!, [ratingsFeature])).toMatchObject({ name: 'st1398-damaged-ratings-2026-11-01.txt', text: '{"colour":"blue"}' });
  });
});

describe('the set-aside notice names the entries', () => {
  it('names each entry set aside ("K7’s rating"), the first five of a long list, then how many more', async () => {
    const { loadNotice } = await import('../../src/lib/storage/notices');
    const storage = new MemoryStorage();
    storage.setItem(keyFor('ratings'), JSON.stringify({ version: 1, savedAt: 's', data: { ksbs: { ...seventy(), K7: { rating: 'expert' } } } }));
    const one = storeOn(storage, ratingsFeature).load();
    expect(one).toMatchObject({ summary: '1 rating could not be read and was set aside (K7’s rating); 69 kept.' });
    expect(loadNotice(ratingsFeature, one)?.message).toContain('K7’s rating');

    const bad = Object.fromEntries(['K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7', 'K8'].map((k) => [k, { rating: 'expert' }]));
    storage.setItem(keyFor('ratings'), JSON.stringify({ version: 1, savedAt: 's', data: { ksbs: { ...seventy(), ...bad } } }));
    expect(storeOn(storage, ratingsFeature).load()).toMatchObject({
      summary: '8 ratings could not be read and were set aside (K1’s rating, K2’s rating, K3’s rating, K4’s rating, K5’s rating and 3 more); 62 kept.',
    });
  });

  it('names list entries by their place and fields by their name', async () => {
    const { plannerFeature } = await import('../../src/lib/planner');
    const storage = new MemoryStorage();
    storage.setItem(keyFor('planner'), JSON.stringify({ version: 1, savedAt: 's', data: { startDate: '2200-01-01', gatewayDate: '2027-03-01' } }));
    expect(storeOn(storage, plannerFeature).load()).toMatchObject({ summary: '1 date could not be read and was set aside (start date).' });
    storage.setItem(keyFor('tally'), JSON.stringify({ version: 2, savedAt: 's', data: { counts: [1, 'x', 3] } }));
    expect(storeOn(storage, tally).load()).toMatchObject({ summary: '1 count could not be read and was set aside (count 2); 2 kept.' });
  });
});

describe('a merge or restore that cuts says so, and keeps a copy first', () => {
  const session = (i: number) => ({
    id: `s${i}`,
    method: 'am2' as const,
    createdAt: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
    extended: false,
    timer: { durationMs: 1, usedMs: 0 },
    current: 0,
    items: [],
  });
  const sessions = (from: number) => Array.from({ length: 40 }, (_, i) => session(from + i)).reverse();
  const fileOf = (data: unknown) => JSON.stringify({ format: EXPORT_FORMAT, formatVersion: 1, features: { practice: { version: 1, savedAt: 's', data } } });

  it('40 saved + 40 imported sessions: the preview and the message count the 30 not kept; the pre-merge value is backed up', async () => {
    const { practiceFeature } = await import('../../src/lib/practice');
    const { applyImport, appliedNotes } = await import('../../src/lib/storage/transfer');
    const storage = new MemoryStorage();
    storeOn(storage, practiceFeature).save({ sessions: sessions(0) });
    const before = storage.getItem(keyFor('practice'))!;
    const preview = previewImport(fileOf({ sessions: sessions(100) }), [practiceFeature], storage);
    expect(preview).toMatchObject({ ok: true, items: [{ leftOut: '', mergeCut: '30 older sessions beyond the 50 this site keeps' }] });
    if (!preview.ok) return;
    const result = applyImport(preview, [practiceFeature], storage, { mode: 'merge', now: fixedNow() });
    expect(result).toMatchObject({ ok: true, applied: [{ feature: 'practice', cut: [{ count: 30, limit: 50 }] }] });
    if (!result.ok) return;
    const kept = storeOn(storage, practiceFeature).load().data.sessions;
    expect(kept).toHaveLength(50);
    // The newest are kept: all 40 imported (newer) and the 10 newest saved.
    expect(kept.map((s) => s.id)).toContain('s39');
    expect(kept.map((s) => s.id)).not.toContain('s29');
    expect(storage.getItem(result.applied[0]!.backupKey!)).toBe(before);
    expect(appliedNotes(result.applied)).toBe(
      'Your mock assessment sessions: 30 older sessions beyond the 50 this site keeps were not kept. A copy of your mock assessment sessions as saved before is kept: to go back to it, press Restore on that copy under “Copies of your saved progress” on “Your saved data”, or download it there.',
    );
  });

  it('restoring a kept copy puts it back in place of what is saved (nothing cut), and what is saved now is backed up first', async () => {
    const { practiceFeature } = await import('../../src/lib/practice');
    const storage = new MemoryStorage();
    storage.setItem(`${BACKUP_PREFIX}practice:2026-11-01T09:00:00.000Z`, JSON.stringify({ version: 1, savedAt: 's', data: { sessions: sessions(0) } }));
    storeOn(storage, practiceFeature).save({ sessions: sessions(100) });
    const now = storage.getItem(keyFor('practice'))!;
    const [copy] = listBackups(storage);
    expect(previewRestore(storage, copy!, [practiceFeature])).toMatchObject({ ok: true, items: [{ incoming: '40 sessions' }] });
    const result = restoreBackup(storage, copy!, [practiceFeature]);
    expect(result).toMatchObject({ ok: true, how: 'replaced', applied: [{ cut: [] }] });
    if (!result.ok) return;
    expect(storage.getItem(result.applied[0]!.backupKey!)).toBe(now);
    expect(storeOn(storage, practiceFeature).load().data.sessions.map((s) => s.id)).toEqual(sessions(0).map((s) => s.id));
  });

  it('a merge that cuts nothing but adds sessions still keeps a copy of what was saved first', async () => {
    const { practiceFeature } = await import('../../src/lib/practice');
    const { applyImport } = await import('../../src/lib/storage/transfer');
    const storage = new MemoryStorage();
    storeOn(storage, practiceFeature).save({ sessions: sessions(0).slice(0, 5) });
    const before = storage.getItem(keyFor('practice'));
    const preview = previewImport(fileOf({ sessions: sessions(100).slice(0, 5) }), [practiceFeature], storage);
    if (!preview.ok) throw new Error(preview.reason);
    expect(preview.items[0]!.mergeCut).toBe('');
    const result = applyImport(preview, [practiceFeature], storage, { mode: 'merge' });
    expect(result).toMatchObject({ ok: true, applied: [{ cut: [], backupKey: expect.stringMatching(/^st1398:backup:practice:/) }] });
    expect(listBackups(storage).map((b) => storage.getItem(b.key))).toEqual([before]);
  });
});

describe('replacing keeps a copy of what it replaces', () => {
  const ratingsFile = (data: unknown, standard?: string) =>
    JSON.stringify({ format: EXPORT_FORMAT, formatVersion: 1, features: { ratings: { version: 1, savedAt: 's', data, ...(standard ? { standard } : {}) } } });

  it('replacing 70 ratings by a file with 1 backs up the 70 first, and says so', async () => {
    const { applyImport, appliedNotes } = await import('../../src/lib/storage/transfer');
    const storage = new MemoryStorage();
    storeOn(storage, ratingsFeature).save({ ksbs: seventy() });
    const before = storage.getItem(keyFor('ratings'))!;
    const preview = previewImport(ratingsFile({ ksbs: { K1: { rating: 'developing' } } }), [ratingsFeature], storage);
    if (!preview.ok) throw new Error(preview.reason);
    const result = applyImport(preview, [ratingsFeature], storage, { mode: 'replace', now: fixedNow() });
    expect(result).toMatchObject({ ok: true, applied: [{ feature: 'ratings', backupKey: expect.stringMatching(/^st1398:backup:ratings:/) }] });
    if (!result.ok) return;
    expect(storage.getItem(result.applied[0]!.backupKey!)).toBe(before);
    expect(Object.keys(storeOn(storage, ratingsFeature).load().data.ksbs)).toEqual(['K1']);
    expect(appliedNotes(result.applied)).toContain('A copy of your self-ratings as saved before is kept');
    // And the copy brings all 70 back.
    expect(restoreBackup(storage, listBackups(storage)[0]!, [ratingsFeature])).toMatchObject({ ok: true });
    expect(Object.keys(storeOn(storage, ratingsFeature).load().data.ksbs)).toHaveLength(70);
  });

  it('refuses to replace what it cannot copy first (storage full), changing nothing', async () => {
    const { applyImport } = await import('../../src/lib/storage/transfer');
    const storage = new MemoryStorage();
    storeOn(storage, ratingsFeature).save({ ksbs: seventy() });
    const before = storage.getItem(keyFor('ratings'));
    const full: KeyValueStorage = Object.assign(Object.create(storage) as KeyValueStorage, {
      getItem: (k: string) => storage.getItem(k),
      setItem: (k: string, v: string) => {
        if (k.startsWith(BACKUP_PREFIX)) throw new DOMException('full', 'QuotaExceededError');
        storage.setItem(k, v);
      },
    });
    const preview = previewImport(ratingsFile({ ksbs: { K1: { rating: 'developing' } } }), [ratingsFeature], full);
    if (!preview.ok) throw new Error(preview.reason);
    expect(applyImport(preview, [ratingsFeature], full)).toMatchObject({ ok: false, reason: expect.stringContaining('no room to keep a copy') });
    expect(storage.getItem(keyFor('ratings'))).toBe(before);
  });

  it('keeps the edition of the standard the imported data was made against', async () => {
    const { applyImport } = await import('../../src/lib/storage/transfer');
    const storage = new MemoryStorage();
    const preview = previewImport(ratingsFile({ ksbs: { K1: { rating: 'developing' } } }, 'ST1398 v0.9'), [ratingsFeature], storage);
    if (!preview.ok) throw new Error(preview.reason);
    applyImport(preview, [ratingsFeature], storage);
    expect(JSON.parse(storage.getItem(keyFor('ratings'))!)).toMatchObject({ standard: 'ST1398 v0.9' });
  });
});

describe('what the site cannot use as it is: listed on /my-data/, named by the export', () => {
  async function seeded() {
    const { quizFeature } = await import('../../src/lib/quiz/engine');
    const storage = new MemoryStorage();
    storage.setItem(keyFor('ratings'), JSON.stringify({ version: 9, savedAt: 's', data: { ksbs: seventy() } }));
    storage.setItem(keyFor('quiz'), '{"version":2,"data":');
    storage.setItem(keyFor('eligibility'), JSON.stringify({ version: 2, savedAt: 's', data: { ksbs: { K1: { opportunity: 'yes' }, K2: { opportunity: 'maybe' } } } }));
    storage.setItem(`${BACKUP_PREFIX}practice:2026-11-01T09:00:00.000Z`, JSON.stringify({ version: 1, savedAt: 's', data: { sessions: [] } }));
    return { storage, features: [ratingsFeature, quizFeature, eligibilityFeature] };
  }

  it('lists every value that is newer, unreadable or has entries that cannot be read', async () => {
    const { keptValues } = await import('../../src/lib/storage/kept');
    const { storage, features } = await seeded();
    expect(keptValues(features, storage)).toEqual([
      expect.objectContaining({ feature: 'ratings', kind: 'newer', backedUp: false }),
      expect.objectContaining({ feature: 'quiz', kind: 'unreadable', reason: 'it is not valid JSON', backedUp: false }),
      expect.objectContaining({ feature: 'eligibility', kind: 'set-aside', reason: expect.stringContaining('K2’s KSB answer') }),
    ]);
  });

  it('the export says what it left out, why, and where to download it instead', async () => {
    const { exportGaps } = await import('../../src/lib/storage/kept');
    const { buildExport } = await import('../../src/lib/storage/transfer');
    const { storage, features } = await seeded();
    expect(Object.keys(buildExport(features, storage).features)).toEqual(['eligibility']);
    const gaps = exportGaps(features, storage);
    expect(gaps).toHaveLength(4);
    expect(gaps[0]).toMatch(/^Your self-ratings: saved by a newer version of the site.*download it as it is from “Your saved data”/);
    expect(gaps[1]).toMatch(/^Your quiz history: it could not be read \(it is not valid JSON\)\. Download it/);
    expect(gaps[2]).toMatch(/^Your eligibility.*\(K2’s KSB answer\).*download the full saved copy from “Your saved data”/);
    expect(gaps[3]).toBe('1 copy kept on “Your saved data” (of entries that could not be read, of progress as it was before an import, or of what a change left out) is not in the file: download it there.');
    expect(exportGaps(features, new MemoryStorage())).toEqual([]);
  });

  it('downloads each as it is, and discards only when asked, keeping what can be read (and a copy when there is room)', async () => {
    const { discardKept, keptValueFile, keptValues } = await import('../../src/lib/storage/kept');
    const { storage, features } = await seeded();
    expect(keptValueFile(features, storage, 'ratings', fixedNow())).toMatchObject({ name: 'st1398-saved-ratings-2026-11-24.json', importable: true });
    expect(keptValueFile(features, storage, 'quiz', fixedNow())).toMatchObject({ name: 'st1398-damaged-quiz-2026-11-24.txt', text: '{"version":2,"data":' });
    // Newer data is never discarded from here.
    expect(discardKept(features, storage, 'ratings')).toMatchObject({ ok: false });
    expect(JSON.parse(storage.getItem(keyFor('ratings'))!).version).toBe(9);
    expect(discardKept(features, storage, 'quiz', fixedNow())).toMatchObject({ ok: true, message: expect.stringContaining('A copy of it as it was is kept') });
    expect(storage.getItem(keyFor('quiz'))).toBeNull();
    expect(discardKept(features, storage, 'eligibility', fixedNow())).toMatchObject({ ok: true });
    expect(storeOn(storage, eligibilityFeature).load()).toMatchObject({ status: 'ok', data: { ksbs: { K1: { opportunity: 'yes' } } } });
    expect(keptValues(features, storage).map((k) => k.feature)).toEqual(['ratings']);
    expect(listBackups(storage).map((b) => b.feature).sort()).toEqual(['eligibility', 'practice', 'quiz']);
  });

  it('notices for a held value or newer data link to that list on /my-data/', async () => {
    const { noticeLink } = await import('../../src/lib/storage/notices');
    const { paths } = await import('../../src/lib/urls');
    expect(paths.myDataSection(noticeLink({ kind: 'held' }).section)).toBe('/my-data/#held');
    expect(noticeLink({ kind: 'held' }).text).toBe('Download or discard it on “Your saved data”');
    expect(paths.myDataSection(noticeLink({ kind: 'newer' }).section)).toBe('/my-data/#held');
    expect(paths.myDataSection(noticeLink({ kind: 'salvaged' }).section)).toBe('/my-data/#backups');
  });
});

describe('"delete all" on data this page cannot read', () => {
  it('refuses, changes nothing and says why, for data saved by a newer version', () => {
    const storage = new MemoryStorage();
    const raw = JSON.stringify({ version: 9, savedAt: 's', data: { counts: [1] } });
    storage.setItem(keyFor('tally'), raw);
    const store = storeOn(storage, tally);
    store.load();
    expect(store.clear()).toEqual({ ok: false, message: expect.stringMatching(/^Nothing was deleted\. Your saved tally was saved by a newer version of the site.*reload the page/) });
    expect(storage.getItem(keyFor('tally'))).toBe(raw);
  });

  it('refuses for a held value, pointing to where it can be downloaded or discarded; clears what it can read', () => {
    const storage = new MemoryStorage();
    storage.setItem(keyFor('tally'), 'damaged');
    const full: KeyValueStorage = Object.assign(Object.create(storage) as KeyValueStorage, {
      getItem: (k: string) => storage.getItem(k),
      setItem: (k: string, v: string) => {
        if (k.startsWith(BACKUP_PREFIX)) throw new DOMException('full', 'QuotaExceededError');
        storage.setItem(k, v);
      },
      removeItem: (k: string) => storage.removeItem(k),
    });
    const store = storeOn(full, tally);
    expect(store.load()).toMatchObject({ status: 'held' });
    expect(store.clear()).toMatchObject({ ok: false, message: expect.stringContaining('download or discard it on “Your saved data”') });
    expect(storage.getItem(keyFor('tally'))).toBe('damaged');

    storage.setItem(keyFor('tally'), JSON.stringify({ version: 2, savedAt: 's', data: { counts: [1] } }));
    store.load();
    expect(store.clear()).toEqual({ ok: true });
    expect(storage.getItem(keyFor('tally'))).toBeNull();
  });
});

describe('another tab writes a newer version while this page is open', () => {
  it('save() re-checks the stored version, never overwrites it, and goes read-only', () => {
    const storage = new MemoryStorage();
    const store = storeOn(storage, tally);
    expect(store.load()).toMatchObject({ status: 'empty' });
    expect(store.save({ counts: [1] })).toMatchObject({ ok: true });
    // No storage event has arrived yet: the other tab's write is only in storage.
    const newer = JSON.stringify({ version: 3, savedAt: 'later', data: { counts: [1, 2], tags: ['x'] } });
    storage.setItem(keyFor('tally'), newer);
    expect(store.save({ counts: [1, 5] })).toEqual({ ok: false, reason: 'read-only', newer: 3, message: expect.stringContaining('saved by a newer version of the site: reload the page') });
    expect(store.writable).toBe(false);
    expect(store.save({ counts: [9] })).toMatchObject({ ok: false, reason: 'read-only' });
    expect(store.clear()).toMatchObject({ ok: false });
    expect(storage.getItem(keyFor('tally'))).toBe(newer);
  });

  it('also for a newer version written as a numeric string; a same-version write from another tab is saved over as before', () => {
    const storage = new MemoryStorage();
    const store = storeOn(storage, tally);
    store.load();
    storage.setItem(keyFor('tally'), JSON.stringify({ version: 2, savedAt: 'other tab', data: { counts: [7] } }));
    expect(store.save({ counts: [8] })).toMatchObject({ ok: true });
    storage.setItem(keyFor('tally'), JSON.stringify({ version: '4', savedAt: 'other tab', data: {} }));
    expect(store.save({ counts: [9] })).toMatchObject({ ok: false, newer: 4 });
  });

  it('a read that starts failing mid-visit stops saving too (storage unavailable)', () => {
    const storage = new MemoryStorage();
    const store = storeOn(storage, tally);
    store.load();
    store.save({ counts: [1] });
    const before = storage.getItem(keyFor('tally'));
    const getItem = storage.getItem.bind(storage);
    storage.getItem = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    expect(store.save({ counts: [2] })).toMatchObject({ ok: false, reason: 'read-only' });
    storage.getItem = getItem;
    expect(storage.getItem(keyFor('tally'))).toBe(before);
  });
});
