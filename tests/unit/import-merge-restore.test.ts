/**
 * Merging an import and restoring a kept copy, against the promise: nothing the learner entered is
 * lost, and the message says what happened.
 * - Merge: where both sides hold an entry and neither has a newer time of its own (report text,
 *   planner dates, a mock session changed on both), what is saved here is kept, never the version
 *   whose text sorts first; before a merge changes anything saved, a copy of it is kept.
 * - Restore: a kept copy is put back in place of what is saved (a true restore), after keeping a
 *   copy of what is saved, so the restore can itself be undone.
 */
import { describe, expect, it } from 'vitest';
import { MemoryStorage, type KeyValueStorage } from '../../src/lib/storage/backend';
import { listBackups, restoreBackup, restoredMessage } from '../../src/lib/storage/backups';
import { createStore, keyFor, type FeatureDefinition } from '../../src/lib/storage/store';
import { applyImport, appliedNotes, EXPORT_FORMAT, previewImport, type AnyFeature } from '../../src/lib/storage/transfer';
import { reportFeature } from '../../src/lib/report';
import { plannerFeature } from '../../src/lib/planner';
import { changeSession, goToQuestion, practiceFeature, type PracticeSession } from '../../src/lib/practice';

const FEATURES: readonly AnyFeature[] = [reportFeature, plannerFeature, practiceFeature];
const saveNow = () => new Date('2026-11-24T10:00:00.000Z');
const storeOn = <T>(storage: KeyValueStorage, definition: FeatureDefinition<T>, now = saveNow) =>
  createStore(definition, { backend: { storage, persistent: true }, now, events: undefined });
const fileOf = (features: Record<string, { version: number; data: unknown }>) =>
  JSON.stringify({
    format: EXPORT_FORMAT,
    formatVersion: 1,
    exportedAt: '2026-03-01T09:00:00.000Z',
    features: Object.fromEntries(Object.entries(features).map(([f, e]) => [f, { ...e, savedAt: '2026-03-01T09:00:00.000Z' }])),
  });

const session = (id: string, current: number, extra: Partial<PracticeSession> = {}): PracticeSession => ({
  id,
  method: 'am2',
  createdAt: '2026-02-01T09:00:00.000Z',
  extended: false,
  timer: { durationMs: 5_400_000, usedMs: 0 },
  current,
  items: Array.from({ length: 8 }, (_, i) => ({ prompt: `p${i}`, criterion: `c${i}`, ...(i < current ? { notes: `note ${i + 1}` } : {}) })),
  ...extra,
});

function importInto(storage: KeyValueStorage, text: string, mode: 'merge' | 'replace') {
  const preview = previewImport(text, FEATURES, storage);
  if (!preview.ok) throw new Error(preview.reason);
  const result = applyImport(preview, FEATURES, storage, { mode, now: new Date('2026-11-25T12:00:00.000Z') });
  if (!result.ok) throw new Error(result.reason);
  return result;
}

describe('merge: where neither side is newer, what is saved here is kept', () => {
  const seed = () => {
    const storage = new MemoryStorage();
    storeOn(storage, reportFeature).save({ checked: [], mapping: {}, text: 'My project report.\n\nA second section…' });
    storeOn(storage, plannerFeature).save({ gatewayDate: '2027-06-01' });
    storeOn(storage, practiceFeature).save({ sessions: [session('s1', 7)] });
    return storage;
  };
  const oldFile = fileOf({
    report: { version: 1, data: { checked: [], mapping: { K1: { where: 'Section 2' } }, text: 'My project report.' } },
    planner: { version: 1, data: { gatewayDate: '2027-03-01', startDate: '2025-09-01' } },
    practice: { version: 1, data: { sessions: [session('s1', 2)] } },
  });

  it('keeps the newer report text, gateway date and mock session saved here, and adds what only the file holds', () => {
    const storage = seed();
    importInto(storage, oldFile, 'merge');
    const report = storeOn(storage, reportFeature).load().data;
    expect(report.text).toBe('My project report.\n\nA second section…');
    expect(report.mapping).toEqual({ K1: { where: 'Section 2' } });
    expect(storeOn(storage, plannerFeature).load().data).toEqual({ gatewayDate: '2027-06-01', startDate: '2025-09-01' });
    const [s1] = storeOn(storage, practiceFeature).load().data.sessions;
    expect(s1?.current).toBe(7);
    expect(s1?.items.filter((i) => i.notes)).toHaveLength(7);
  });

  it('keeps a copy of every saved value the merge changes, exactly as it was', () => {
    const storage = seed();
    const before = Object.fromEntries(FEATURES.map((f) => [f.feature, storage.getItem(keyFor(f.feature))]));
    const result = importInto(storage, oldFile, 'merge');
    for (const feature of ['report', 'planner']) {
      const applied = result.applied.find((a) => a.feature === feature);
      expect(applied?.backupKey, feature).toMatch(new RegExp(`^st1398:backup:${feature}:`));
      expect(storage.getItem(applied!.backupKey!), feature).toBe(before[feature]);
    }
    // The sessions were not changed (the one saved here was kept), so no copy of them is needed.
    expect(storage.getItem(keyFor('practice'))).toBe(before['practice']);
  });

  it('says what was kept from here and where the copies are, before and after', () => {
    const storage = seed();
    const preview = previewImport(oldFile, FEATURES, storage);
    if (!preview.ok) throw new Error(preview.reason);
    expect(preview.items.map((i) => [i.feature, i.mergeTies])).toEqual([
      ['report', 'report text'],
      ['planner', 'gateway date'],
      ['practice', '1 session'],
    ]);
    const result = importInto(storage, oldFile, 'merge');
    expect(appliedNotes(result.applied)).toBe(
      'Your AM1 report helper: where the import and what was saved here held different versions and neither was newer (report text), the version saved here was kept. ' +
        'Your EPA planner dates: where the import and what was saved here held different versions and neither was newer (gateway date), the version saved here was kept. ' +
        'Your mock assessment sessions: where the import and what was saved here held different versions and neither was newer (1 session), the version saved here was kept. ' +
        'A copy of your AM1 report helper and EPA planner dates as saved before is kept: to go back to them, press Restore on those copies under “Copies of your saved progress” on “Your saved data”, or download them there.',
    );
  });

  it('a merge that brings in nothing new changes nothing and keeps no copy', () => {
    const storage = seed();
    const before = storage.getItem(keyFor('planner'));
    const result = importInto(storage, fileOf({ planner: { version: 1, data: { gatewayDate: '2027-03-01' } } }), 'merge');
    expect(storage.getItem(keyFor('planner'))).toBe(before);
    expect(result.applied[0]?.backupKey).toBeUndefined();
    expect(listBackups(storage)).toEqual([]);
  });

  it('the same whichever is imported into which: an entry with no time of its own is never settled by the order of its text', () => {
    // Saved here: the shorter text; the file: the longer one. What is saved here is kept.
    const storage = new MemoryStorage();
    storeOn(storage, reportFeature).save({ checked: [], mapping: {}, text: 'My project report.' });
    importInto(storage, fileOf({ report: { version: 1, data: { checked: [], mapping: {}, text: 'My project report.\n\nA second section…' } } }), 'merge');
    expect(storeOn(storage, reportFeature).load().data.text).toBe('My project report.');
  });
});

describe('mock sessions: a merge keeps the version changed last', () => {
  const file = (s: PracticeSession) => fileOf({ practice: { version: 2, data: { sessions: [s] } } });

  it('a change is stamped with its time; no change, no stamp', () => {
    const s = session('s1', 2);
    const moved = changeSession(s, (x) => goToQuestion(x, 5), new Date('2026-11-24T10:00:00.000Z'));
    expect(moved).toMatchObject({ current: 5, updatedAt: '2026-11-24T10:00:00.000Z' });
    expect(changeSession(s, (x) => x, new Date())).toBe(s);
  });

  it('the file’s version, changed later on another device, is kept; a copy of the one saved here is kept first', () => {
    const storage = new MemoryStorage();
    storeOn(storage, practiceFeature).save({ sessions: [session('s1', 2, { updatedAt: '2026-11-01T09:00:00.000Z' })] });
    const before = storage.getItem(keyFor('practice'));
    const result = importInto(storage, file(session('s1', 7, { updatedAt: '2026-11-20T09:00:00.000Z' })), 'merge');
    expect(storeOn(storage, practiceFeature).load().data.sessions[0]?.current).toBe(7);
    expect(storage.getItem(result.applied[0]!.backupKey!)).toBe(before);
  });

  it('the version saved here, changed later, is kept', () => {
    const storage = new MemoryStorage();
    storeOn(storage, practiceFeature).save({ sessions: [session('s1', 7, { updatedAt: '2026-11-20T09:00:00.000Z' })] });
    importInto(storage, file(session('s1', 2, { updatedAt: '2026-11-01T09:00:00.000Z' })), 'merge');
    expect(storeOn(storage, practiceFeature).load().data.sessions[0]?.current).toBe(7);
  });

  it('sessions saved at version 1 (no updatedAt) are read as they are', () => {
    const storage = new MemoryStorage();
    storage.setItem(keyFor('practice'), JSON.stringify({ version: 1, savedAt: 's', data: { sessions: [session('s1', 3)] } }));
    expect(storeOn(storage, practiceFeature).load()).toMatchObject({ status: 'ok', migratedFrom: 1, data: { sessions: [session('s1', 3)] } });
    expect(listBackups(storage)).toEqual([]);
  });
});

describe('restore: a kept copy is put back', () => {
  it('restoring the copy kept by a Replace import brings back what was replaced', () => {
    const storage = new MemoryStorage();
    storeOn(storage, reportFeature).save({ checked: [], mapping: {}, text: 'My current report, final draft.' });
    const replaced = importInto(storage, fileOf({ report: { version: 1, data: { checked: [], mapping: {}, text: 'An old draft.' } } }), 'replace');
    const copyKey = replaced.applied[0]!.backupKey!;
    expect(storeOn(storage, reportFeature).load().data.text).toBe('An old draft.');

    const copy = listBackups(storage).find((b) => b.key === copyKey)!;
    const restored = restoreBackup(storage, copy, FEATURES);
    if (!restored.ok) throw new Error(restored.reason);
    expect(storeOn(storage, reportFeature).load().data.text).toBe('My current report, final draft.');
    expect(restoredMessage(reportFeature.label, restored)).toBe(
      'Restored the copy of your AM1 report helper (0 contents ticked, 0 KSBs mapped, report text saved): it is now what is saved, in place of what was saved before. ' +
        'What was saved before the restore is kept as a copy below: to undo the restore, press Restore on that copy. The copy you restored is still kept below.',
    );
  });

  it('keeps a copy of what it replaces, so the restore itself can be undone', () => {
    const storage = new MemoryStorage();
    storeOn(storage, reportFeature).save({ checked: [], mapping: {}, text: 'My current report, final draft.' });
    const replaced = importInto(storage, fileOf({ report: { version: 1, data: { checked: [], mapping: {}, text: 'An old draft.' } } }), 'replace');
    const oldDraft = storage.getItem(keyFor('report'));
    const copy = listBackups(storage).find((b) => b.key === replaced.applied[0]!.backupKey)!;
    const restored = restoreBackup(storage, copy, FEATURES);
    if (!restored.ok) throw new Error(restored.reason);
    const undo = restored.applied[0]?.backupKey;
    expect(undo).toBeDefined();
    expect(storage.getItem(undo!)).toBe(oldDraft);
    // The copy restored is still kept; restoring the new copy undoes the restore.
    expect(listBackups(storage).map((b) => b.key)).toContain(copy.key);
    expect(restoreBackup(storage, listBackups(storage).find((b) => b.key === undo)!, FEATURES)).toMatchObject({ ok: true });
    expect(storeOn(storage, reportFeature).load().data.text).toBe('An old draft.');
  });

  it('a damaged copy (some of it could not be read) is salvaged and merged, and the message says so', () => {
    const storage = new MemoryStorage();
    // Kept when the page set aside an entry it could not read; the learner has written since.
    const damaged = JSON.stringify({ version: 1, savedAt: 's', data: { checked: [], text: 'The first draft.', mapping: { K1: { where: 'Section 1' }, 'not a KSB': { where: 'x' } } } });
    storage.setItem('st1398:backup:report:2026-11-01T09:00:00.000Z', damaged);
    storeOn(storage, reportFeature).save({ checked: [], mapping: {}, text: 'Written since.' });
    const restored = restoreBackup(storage, listBackups(storage)[0]!, FEATURES);
    if (!restored.ok) throw new Error(restored.reason);
    expect(restored.how).toBe('merged');
    expect(storeOn(storage, reportFeature).load().data).toEqual({ checked: [], mapping: { K1: { where: 'Section 1' } }, text: 'Written since.' });
    expect(restoredMessage(reportFeature.label, restored)).toBe(
      'Restored what could be read from the copy of your AM1 report helper (0 contents ticked, 1 KSBs mapped, report text saved), merged with what is saved now, as the copy could not be used as it was. ' +
        '1 KSB mapping could not be read and was set aside (not a KSB’s KSB mapping); 1 kept. What could not be read stays in the copy. ' +
        'Your AM1 report helper: where the copy and what was saved here held different versions and neither was newer (report text), the version saved here was kept. ' +
        'What was saved before the restore is kept as a copy below: to undo the restore, press Restore on that copy. The copy you restored is still kept below.',
    );
  });
});

describe('restore of a copy of a part (what a change dropped, Store.keep)', () => {
  it('brings the part back beside what is saved, never in place of the rest', () => {
    const storage = new MemoryStorage();
    const store = storeOn(storage, practiceFeature);
    // The oldest session, dropped when a newer one started, was kept first as a copy of its own.
    const oldest = session('oldest', 3, { createdAt: '2026-01-05T09:00:00.000Z' });
    const key = store.keep({ sessions: [oldest] });
    expect(key).toBeDefined();
    store.save({ sessions: [session('s2', 2), session('s3', 5)] });
    const backup = listBackups(storage).find((b) => b.key === key)!;
    const result = restoreBackup(storage, backup, FEATURES);
    if (!result.ok) throw new Error(result.reason);
    expect(result.how).toBe('added');
    expect(store.load().data.sessions.map((s) => s.id).sort()).toEqual(['oldest', 's2', 's3']);
    expect(restoredMessage(practiceFeature.label, result)).toMatch(/what it holds is back, beside what is saved now/);
  });
});
