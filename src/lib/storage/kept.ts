/**
 * Saved values this site cannot use as they are, left exactly where they are: a value held because
 * no copy of it could be kept, one not yet looked at by its page, or one saved by a newer version of
 * the site. The "your saved data" page lists each with a download and (except newer data) a discard,
 * and the export says which of them, and which backups, are not in the file, and where they are.
 */
import { inSentence, plural, pluralWord } from '../format';
import type { KeyValueStorage } from './backend';
import { listBackups, progressFileOf, type ProgressFile } from './backups';
import { BACKUP_PREFIX, backupRaw, interpretRaw, keyFor } from './store';
import type { AnyFeature } from './transfer';
import { STANDARD_EDITION } from '../site';

export interface KeptValue {
  feature: string;
  label: string;
  /** `newer`: saved by a newer version; `unreadable`: nothing can be read; `set-aside`: some entries cannot be read. */
  kind: 'newer' | 'unreadable' | 'set-aside';
  /** What is wrong, in words: a reason, or what would be set aside ("1 rating could not be read …"). */
  reason: string;
  /** True when a backup holds an exact copy of it. */
  backedUp: boolean;
}

function safeGet(storage: KeyValueStorage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

function hasCopy(storage: KeyValueStorage, feature: string, raw: string): boolean {
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(`${BACKUP_PREFIX}${feature}:`) && storage.getItem(key) === raw) return true;
    }
  } catch {
    /* storage unreadable: no copy known */
  }
  return false;
}

/** Every saved value this site cannot use as it is, feature by feature. Changes nothing. */
export function keptValues(definitions: readonly AnyFeature[], storage: KeyValueStorage): KeptValue[] {
  const kept: KeptValue[] = [];
  for (const definition of definitions) {
    const raw = safeGet(storage, keyFor(definition.feature));
    if (raw === null) continue;
    const read = interpretRaw(definition, raw);
    const base = { feature: definition.feature, label: definition.label, backedUp: hasCopy(storage, definition.feature, raw) };
    if (read.ok) {
      if (read.upgraded.setAside.length || read.upgraded.trimmed.length) kept.push({ ...base, kind: 'set-aside', reason: read.upgraded.summary });
    } else kept.push({ ...base, kind: read.newer === undefined ? 'unreadable' : 'newer', reason: read.reason });
  }
  return kept;
}

/** A saved value, exactly as it is, as a file to download (see progressFileOf). */
export function keptValueFile(definitions: readonly AnyFeature[], storage: KeyValueStorage, feature: string, now = new Date()): ProgressFile | undefined {
  const raw = safeGet(storage, keyFor(feature));
  return raw === null ? undefined : progressFileOf(definitions, feature, raw, { kind: 'saved', date: now.toISOString().slice(0, 10) });
}

/**
 * After the learner chose to discard a saved value that cannot be used as it is: what can be read
 * is kept (saved again without the entries that could not be read); a value with nothing readable
 * is removed. Data saved by a newer version is never discarded here (reloading reads it).
 */
export function discardKept(definitions: readonly AnyFeature[], storage: KeyValueStorage, feature: string, now = new Date()): { ok: true; message: string } | { ok: false; message: string } {
  const definition = definitions.find((d) => d.feature === feature);
  const key = keyFor(feature);
  const raw = definition ? safeGet(storage, key) : null;
  if (!definition || raw === null) return { ok: false, message: 'There is nothing saved there now.' };
  const read = interpretRaw(definition, raw);
  if (!read.ok && read.newer !== undefined) return { ok: false, message: 'This was saved by a newer version of the site: reload the page to use it. Nothing was changed.' };
  const label = inSentence(definition.label);
  // A copy is kept when there is room after all: then nothing is lost.
  const copy = backupRaw(storage, feature, raw, now) ? ' A copy of it as it was is kept below.' : '';
  try {
    if (read.ok) {
      storage.setItem(key, JSON.stringify({ version: definition.version, savedAt: now.toISOString(), data: read.upgraded.data, standard: read.envelope.standard ?? STANDARD_EDITION }));
      return { ok: true, message: `Discarded what could not be read in your saved ${label}; the rest is kept and saving has started again.${copy}` };
    }
    storage.removeItem(key);
    return { ok: true, message: `Discarded your saved ${label}, which could not be read. Saving has started again.${copy}` };
  } catch (error) {
    return { ok: false, message: `That could not be done (${String(error)}). Nothing was changed.` };
  }
}

/** What an export leaves out, and why, one line each: values it cannot read here, and the backups. */
export function exportGaps(definitions: readonly AnyFeature[], storage: KeyValueStorage): string[] {
  const gaps = keptValues(definitions, storage).map((k) => {
    const what = `Your ${inSentence(k.label)}`;
    if (k.kind === 'newer') return `${what}: saved by a newer version of the site, so this page cannot read it. Reload the page and export again, or download it as it is from “Your saved data”.`;
    if (k.kind === 'unreadable') return `${what}: it could not be read (${k.reason}). Download it as it is from “Your saved data”.`;
    return `${what}: ${k.reason} What could not be read is not in the file: download the full saved copy from “Your saved data”.`;
  });
  const copies = listBackups(storage).length;
  if (copies > 0) {
    gaps.push(`${plural(copies, 'copy', 'copies')} kept on “Your saved data” (of entries that could not be read, of progress as it was before an import, or of what a change left out) ${pluralWord(copies, 'is', 'are')} not in the file: download ${pluralWord(copies, 'it', 'them')} there.`);
  }
  return gaps;
}
