/**
 * Backups of saved values: kept before anything is set aside as unreadable, and before an import
 * or restore changes a saved value. Every backup can be downloaded (as a progress file the import
 * accepts, when it is readable at all) and restored in one action. Restoring a copy of a value that
 * could be used as it was (kept before an import or a restore changed it) puts it back in place of
 * what is saved now: a true restore. Restoring a damaged copy (kept because some of it could not be
 * read, or as earlier versions of the site kept a value they could not read) salvages what can be
 * read and merges it into what is saved now, since what is saved now was started from it. Either
 * way, what is saved now is copied first, so a restore can itself be undone.
 */
import { compareTimes } from '../dates';
import { inSentence } from '../format';
import type { KeyValueStorage } from './backend';
import { BACKUP_PREFIX, interpretRaw, parseStored } from './store';
import { applyImport, appliedNotes, EXPORT_FORMAT, EXPORT_FORMAT_VERSION, previewImport, type AnyFeature, type Applied, type ExportFile, type ImportPreview } from './transfer';

export interface Backup {
  key: string;
  feature: string;
  /** When it was kept (ISO time, from the key). */
  when: string;
}

const BACKUP_KEY = /^st1398:backup:([^:]+):(.+)$/;

/** Backup copies of saved values, newest first. */
export function listBackups(storage: KeyValueStorage): Backup[] {
  const backups: Backup[] = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      const match = key ? BACKUP_KEY.exec(key) : null;
      if (key && match) backups.push({ key, feature: match[1]!, when: match[2]! });
    }
  } catch {
    /* storage unreadable */
  }
  return backups.sort((a, b) => compareTimes(b.when, a.when));
}

function readBackup(storage: KeyValueStorage, key: string): string | undefined {
  if (!key.startsWith(BACKUP_PREFIX)) return undefined;
  try {
    return storage.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

export interface ProgressFile {
  name: string;
  text: string;
  type: string;
  /** True when the import reads it (a progress file); false for text kept exactly as it was. */
  importable: boolean;
  /** Why it is not importable. */
  reason?: string | undefined;
}

/**
 * A stored value as a file to download: a progress file the import accepts (holding the value
 * exactly as it was, in a proper envelope, so the import salvages what it can) whenever any of it
 * can be read, including data saved without an envelope, with its version as text, or by a newer
 * version of the site; otherwise the text exactly as it was kept. `name` is "st1398-<name>-<feature>-<date>".
 */
export function progressFileOf(definitions: readonly AnyFeature[], feature: string, raw: string, name: { kind: string; date: string; backupOf?: string }): ProgressFile {
  const definition = definitions.find((d) => d.feature === feature);
  const read = definition ? interpretRaw(definition, raw) : { ok: false as const, reason: 'this version of the site does not know what it holds' };
  const parsed = definition ? parseStored(definition, raw) : undefined;
  if (!parsed?.ok || (!read.ok && read.newer === undefined)) {
    return { name: `st1398-damaged-${feature}-${name.date}.txt`, text: raw, type: 'text/plain;charset=utf-8', importable: false, reason: read.ok ? 'it is not a saved-progress record' : read.reason };
  }
  const file: ExportFile = {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    exportedAt: new Date().toISOString(),
    features: { [feature]: parsed.envelope },
    ...(name.backupOf ? { backupOf: name.backupOf } : {}),
  };
  return { name: `st1398-${name.kind}-${feature}-${name.date}.json`, text: `${JSON.stringify(file, null, 2)}\n`, type: 'application/json', importable: true };
}

/** A backup as a file to download (see progressFileOf). */
export function backupFile(storage: KeyValueStorage, backup: Backup, definitions: readonly AnyFeature[]): ProgressFile | undefined {
  const raw = readBackup(storage, backup.key);
  if (raw === undefined) return undefined;
  return progressFileOf(definitions, backup.feature, raw, { kind: 'backup', date: backup.when.slice(0, 10), backupOf: backup.key });
}

/** What restoring a backup would bring back (salvaged), before anything changes. */
export function previewRestore(storage: KeyValueStorage, backup: Backup, definitions: readonly AnyFeature[]): ImportPreview {
  const file = backupFile(storage, backup, definitions);
  if (!file) return { ok: false, reason: 'That backup is no longer there.' };
  if (!file.importable) return { ok: false, reason: `Nothing in this copy can be read (${file.reason}). You can still download it.` };
  return previewImport(file.text, definitions, storage);
}

/**
 * True when restoring a copy must merge it into what is saved, not put it in place: a copy of part
 * of a value (what a change dropped, Store.keep: one practice session, another tab's version of an
 * entry), or a copy the site could not use as it was (entries that cannot be read or beyond the
 * limits, or no proper envelope: earlier versions of the site set such a value aside whole), which
 * is what the value saved now was salvaged from.
 */
export function mergesOnRestore(storage: KeyValueStorage, backup: Backup, definitions: readonly AnyFeature[]): 'part' | 'damaged' | undefined {
  const definition = definitions.find((d) => d.feature === backup.feature);
  const raw = readBackup(storage, backup.key);
  if (!definition || raw === undefined) return 'damaged';
  const read = interpretRaw(definition, raw);
  if (!read.ok) return 'damaged';
  if (read.envelope.part) return 'part';
  if (read.upgraded.setAside.length > 0 || read.upgraded.trimmed.length > 0) return 'damaged';
  try {
    const parsed = JSON.parse(raw) as Record<string, unknown>;
    return !('data' in parsed) || typeof parsed.version !== 'number' ? 'damaged' : undefined;
  } catch {
    return 'damaged';
  }
}

/** `added`: a copy of a part merged back beside what is saved; `merged`: a damaged copy's readable entries merged in; `replaced`: a whole copy put back. */
export type Restored = { ok: true; preview: Extract<ImportPreview, { ok: true }>; applied: Applied[]; how: 'replaced' | 'merged' | 'added' } | { ok: false; reason: string };

/**
 * Restores a backup. A copy of a value that could be used as it was is put back in place of what
 * is saved now (`replaced`: a true restore). A copy of a part, or a damaged one (mergesOnRestore), is salvaged and merged
 * into what is saved now (`merged`): where both hold an entry, the newer wins, and where neither is
 * newer, what is saved now is kept. Either way what is saved now is copied to a new backup first
 * (unless it is empty or unchanged), so the restore can be undone by restoring that copy; if it
 * cannot be copied, nothing changes. The restored copy is kept.
 */
export function restoreBackup(storage: KeyValueStorage, backup: Backup, definitions: readonly AnyFeature[]): Restored {
  const preview = previewRestore(storage, backup, definitions);
  if (!preview.ok) return preview;
  const merges = mergesOnRestore(storage, backup, definitions);
  const how = merges === 'part' ? 'added' : merges === 'damaged' ? 'merged' : 'replaced';
  const result = applyImport(preview, definitions, storage, { mode: how === 'replaced' ? 'replace' : 'merge', conflict: 'prefer-first' });
  return result.ok ? { ok: true, preview, applied: result.applied, how } : result;
}

/** What the page says after a restore: what was put back (in place of, or merged with, what was saved), what stayed in the copy, and how to undo it. */
export function restoredMessage(label: string, result: Extract<Restored, { ok: true }>): string {
  const item = result.preview.items[0];
  const applied = result.applied[0];
  const what = `the copy of your ${inSentence(label)}${item?.incoming ? ` (${item.incoming})` : ''}`;
  const undo = applied?.backupKey
    ? 'What was saved before the restore is kept as a copy below: to undo the restore, press Restore on that copy.'
    : result.how === 'replaced'
      ? 'No copy of what was saved before was needed: it was empty or the same as this copy.'
      : '';
  return [
    result.how === 'replaced'
      ? `Restored ${what}: it is now what is saved, in place of what was saved before.`
      : result.how === 'added'
        ? `Restored ${what}: what it holds is back, beside what is saved now (nothing else changed).`
        : `Restored what could be read from ${what}, merged with what is saved now, as the copy could not be used as it was.`,
    item?.leftOut ? `${item.leftOut} What could not be read stays in the copy.` : '',
    // What the merge kept from here and did not keep; the copy of what was saved before is said below.
    result.how !== 'replaced' && applied ? appliedNotes([{ feature: applied.feature, label: applied.label, cut: applied.cut, ...(applied.ties ? { ties: applied.ties } : {}) }], 'the copy') : '',
    undo,
    'The copy you restored is still kept below.',
  ]
    .filter(Boolean)
    .join(' ');
}

export function deleteBackup(storage: KeyValueStorage, backup: Backup): void {
  try {
    if (backup.key.startsWith(BACKUP_PREFIX)) storage.removeItem(backup.key);
  } catch {
    /* nothing to delete */
  }
}
