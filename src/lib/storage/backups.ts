/**
 * Backups of saved values: kept before anything is set aside as unreadable, and before an import
 * or restore replaces a value or cuts entries from it. Every backup can be downloaded (as a
 * progress file the import accepts, when it is readable at all) and restored in one action:
 * restoring salvages what validates and merges it into what is saved now, nothing deleted.
 */
import { compareTimes } from '../dates';
import type { KeyValueStorage } from './backend';
import { BACKUP_PREFIX, interpretRaw, parseStored } from './store';
import { applyImport, EXPORT_FORMAT, EXPORT_FORMAT_VERSION, previewImport, type AnyFeature, type Applied, type ExportFile, type ImportPreview } from './transfer';

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
 * Restores a backup: what validates is merged into what is saved now. Nothing saved now is
 * deleted; where both hold an entry, the newer wins, and on a tie what is saved now is kept.
 */
export function restoreBackup(
  storage: KeyValueStorage,
  backup: Backup,
  definitions: readonly AnyFeature[],
): { ok: true; preview: Extract<ImportPreview, { ok: true }>; applied: Applied[] } | { ok: false; reason: string } {
  const preview = previewRestore(storage, backup, definitions);
  if (!preview.ok) return preview;
  const result = applyImport(preview, definitions, storage, { mode: 'merge', conflict: 'prefer-first' });
  return result.ok ? { ok: true, preview, applied: result.applied } : result;
}

export function deleteBackup(storage: KeyValueStorage, backup: Backup): void {
  try {
    if (backup.key.startsWith(BACKUP_PREFIX)) storage.removeItem(backup.key);
  } catch {
    /* nothing to delete */
  }
}
