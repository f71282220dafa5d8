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
