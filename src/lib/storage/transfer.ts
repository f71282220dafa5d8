/**
 * Export everything the site has saved to one JSON file, and import it back. An import is checked
 * completely before anything changes and previewed: a file that is not JSON, is from another site,
 * or is from a newer version of this site is refused with a reason. Within a readable file, entries
 * are salvaged as on load (one bad entry never costs the others) and the same limits apply as when
 * saving; the preview says what will be left out. The learner chooses to replace what is saved or
 * to merge (nothing deleted; for an entry both hold, the newer wins, and where neither is newer, what
 * is saved here is kept). Whatever either would change is copied to a backup first.
 */
import { inSentence, plural, pluralWord } from '../format';
import type { KeyValueStorage } from './backend';
import { canonical, describeTies, pluralNoun, type Conflict, type Tie, type Trimmed } from './shape';
import { backupRaw, type Envelope, type FeatureDefinition, interpretRaw, keyFor, readEnvelope, upgrade } from './store';
import { STANDARD_EDITION } from '../site';

export const EXPORT_FORMAT = 'st1398-study-progress';
export const EXPORT_FORMAT_VERSION = 1;

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  formatVersion: number;
  exportedAt: string;
  /** The edition of the standard the progress was made against. */
  standard?: string;
  /** Per feature: the saved envelope. */
  features: Record<string, Envelope>;
  /** Set when the file is a backup of a damaged value, downloaded from the "your data" page. */
  backupOf?: string;
  /** Set in a shared report made without the learner's own writing (src/lib/share/snapshot.ts). */
  withoutWriting?: true;
}

// Feature definitions differ in their data type; the registry holds them side by side.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyFeature = FeatureDefinition<any>;

function safeGet(storage: KeyValueStorage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

/** Everything readable that is saved now (salvaged). Unreadable values are left out (they have their own backups). */
export function buildExport(definitions: readonly AnyFeature[], storage: KeyValueStorage, now = new Date()): ExportFile {
  const features: ExportFile['features'] = {};
  for (const definition of definitions) {
    const raw = safeGet(storage, keyFor(definition.feature));
    if (raw === null) continue;
    const read = interpretRaw(definition, raw);
    if (!read.ok) continue;
    const { savedAt, standard } = read.envelope;
    features[definition.feature] = { version: definition.version, savedAt, data: read.upgraded.data, ...(standard ? { standard } : {}) };
  }
  return { format: EXPORT_FORMAT, formatVersion: EXPORT_FORMAT_VERSION, exportedAt: now.toISOString(), standard: STANDARD_EDITION, features };
}

/** "st1398-progress-2026-11-24.json" */
export function exportFileName(now = new Date()): string {
  return `st1398-progress-${now.toISOString().slice(0, 10)}.json`;
}

export interface ImportItem {
  feature: string;
  label: string;
  /** What the file holds for this feature. */
  incoming: string;
  /** What is saved now, or undefined when nothing is saved. */
  current: string | undefined;
  /** What will be left out: entries that could not be read, or beyond the site's limits. */
  leftOut: string;
  /** What merging with what is saved now would not keep (lists kept to a limit keep the newest), or ''. */
  mergeCut: string;
  /** Entries both hold in different versions, neither newer, for which merging keeps what is saved here ("report text"), or ''. */
  mergeTies: string;
  data: unknown;
  savedAt: string;
  /** The edition of the standard the file's data was made against, when the file says. */
  standard?: string;
}

export type ImportPreview = { ok: true; exportedAt: string; items: ImportItem[]; backupOf?: string; withoutWriting?: true } | { ok: false; reason: string };

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** Where imported text comes from, as the learner is told of it: a file, a link that moves progress, a shared report. */
export type ImportSource = 'file' | 'link' | 'report';

/** Checks an import file (or a backup file, or a link's text) and says what it holds and would change. Changes nothing. */
export function previewImport(text: string, definitions: readonly AnyFeature[], storage: KeyValueStorage, source: ImportSource = 'file'): ImportPreview {
  const The = `The ${source}`;
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, reason: `${The} is too large to be progress from this site.` };
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch {
    return { ok: false, reason: `${The} is not progress from this site: it is not valid JSON.${source === 'file' ? ' (A damaged copy that is not JSON cannot be read back; keep it in case someone can help.)' : ''}` };
  }
  if (!file || typeof file !== 'object' || (file as { format?: unknown }).format !== EXPORT_FORMAT) {
    return { ok: false, reason: `${The} is not progress from this site (it was exported by something else).` };
  }
  const { formatVersion, exportedAt, features, backupOf, withoutWriting } = file as Record<string, unknown>;
  if (typeof formatVersion !== 'number' || !Number.isInteger(formatVersion) || formatVersion < 1) {
    return { ok: false, reason: `${The} has no valid format version, so it cannot be read safely.` };
  }
  if (formatVersion > EXPORT_FORMAT_VERSION) {
    return { ok: false, reason: `${The} was made by a newer version of this site (format ${formatVersion}). Reload the page to get the latest version, then try again.` };
  }
  if (!features || typeof features !== 'object' || Array.isArray(features)) {
    return { ok: false, reason: `${The} holds no saved progress.` };
  }
  const known = new Map(definitions.map((d) => [d.feature, d]));
  const items: ImportItem[] = [];
  for (const [feature, envelope] of Object.entries(features)) {
    const definition = known.get(feature);
    if (!definition) {
      return { ok: false, reason: `${The} holds data this version of the site does not know (“${feature}”). Reload the page to get the latest version. Nothing was imported.` };
    }
    const read = readEnvelope(definition, envelope);
    const upgraded = read.ok ? upgrade(definition, read.envelope.version, read.envelope.data) : read;
    if (!upgraded.ok) {
      return { ok: false, reason: `The ${inSentence(definition.label)} in the ${source} cannot be used: ${upgraded.reason}. Nothing was imported.` };
    }
    const currentRaw = safeGet(storage, keyFor(feature));
    const current = currentRaw === null ? undefined : interpretRaw(definition, currentRaw);
    const cut: Trimmed[] = [];
    const ties: Tie[] = [];
    if (current?.ok) definition.shape.merge(current.upgraded.data, upgraded.data, 'prefer-first', cut, '', ties);
    const standard = (read.ok ? read.envelope.standard : undefined) ?? (file as { standard?: unknown }).standard;
    items.push({
      feature,
      label: definition.label,
      incoming: definition.describe?.(upgraded.data) ?? 'saved progress',
      current: current === undefined ? undefined : current.ok ? (definition.describe?.(current.upgraded.data) ?? 'saved progress') : 'saved data that cannot be read here',
      leftOut: upgraded.summary,
      mergeCut: describeCut(cut),
      mergeTies: describeTies(ties),
      data: upgraded.data,
      savedAt: read.ok ? read.envelope.savedAt : '',
      ...(typeof standard === 'string' ? { standard } : {}),
    });
  }
  if (items.length === 0) return { ok: false, reason: `${The} holds no saved progress.` };
  return { ok: true, exportedAt: typeof exportedAt === 'string' ? exportedAt : '', items, ...(typeof backupOf === 'string' ? { backupOf } : {}), ...(withoutWriting === true ? { withoutWriting } : {}) };
}

/** "30 older sessions beyond the 50 this site keeps", or '' when nothing is cut. */
export function describeCut(cut: readonly Trimmed[]): string {
  return cut.map((t) => `${plural(t.count, `older ${t.noun}`, `older ${pluralNoun(t.noun)}`)} beyond the ${t.limit} this site keeps`).join(' and ');
}

export type ImportMode = 'replace' | 'merge';

/** What an import or restore did to one feature. */
export interface Applied {
  feature: string;
  label: string;
  /** The copy of what was saved before, kept because the import or restore changed it. */
  backupKey?: string;
  /** What the merge did not keep (lists kept to a limit keep the newest). */
  cut: Trimmed[];
  /** Entries both held in different versions, neither newer, settled by the merge's rule (an import: what was saved here kept). */
  ties?: Tie[];
}

const NO_ROOM_FOR_COPY = (label: string) =>
  `there was no room to keep a copy of your saved ${inSentence(label)} first, so nothing was changed: export your progress to keep a copy, or free some space, then try again`;

/**
 * Writes a previewed import: `replace` puts the file's data in place of what is saved; `merge`
 * keeps both (for an entry both hold, the newer wins; where neither is newer, `conflict` settles it:
 * by default what is saved here is kept; lists kept to a limit keep the newest). Before a saved
 * value is changed in any way, it is copied to a backup (listed on "Your saved data", where Restore
 * puts it back); if it cannot be copied, nothing changes. All-or-nothing: if any write fails
 * (storage full), the values written so far are put back as they were. A feature whose saved
 * value this page cannot read is never overwritten.
 */
export function applyImport(
  preview: Extract<ImportPreview, { ok: true }>,
  definitions: readonly AnyFeature[],
  storage: KeyValueStorage,
  options: { mode?: ImportMode; conflict?: Conflict; now?: Date } = {},
): { ok: true; applied: Applied[] } | { ok: false; reason: string } {
  const { mode = 'replace', conflict = 'prefer-first', now = new Date() } = options;
  const previous = new Map<string, string | null>();
  const applied: Applied[] = [];
  try {
    for (const item of preview.items) {
      const definition = definitions.find((d) => d.feature === item.feature)!;
      const key = keyFor(item.feature);
      const currentRaw = safeGet(storage, key);
      let data = item.data;
      let standard = item.standard;
      let backupKey: string | undefined;
      let unchanged = false;
      const cut: Trimmed[] = [];
      const ties: Tie[] = [];
      if (currentRaw !== null) {
        const current = interpretRaw(definition, currentRaw);
        if (!current.ok || current.upgraded.setAside.length > 0) {
          throw new Error(`your saved ${inSentence(definition.label)} cannot be read here, so it was left as it is: open its page first, where it will be kept as a backup`);
        }
        const before = JSON.stringify(current.upgraded.data);
        if (mode === 'merge') {
          // What is saved here comes first: where neither side is newer, it is kept (Conflict).
          data = definition.shape.merge(current.upgraded.data, item.data, conflict, cut, '', ties);
          standard = current.envelope.standard ?? item.standard;
          // A merge that brings in nothing new leaves what is saved exactly as it was (not even reordered).
          unchanged = cut.length === 0 && current.upgraded.trimmed.length === 0 && canonical(data, true) === canonical(current.upgraded.data, true);
        }
        // Any change to what was saved (a replace, or a merge that adds, updates or cuts) keeps a copy first.
        const changes = cut.length > 0 || (!unchanged && before !== JSON.stringify(data) && before !== JSON.stringify(definition.defaults()));
        if (changes || current.upgraded.trimmed.length > 0) {
          backupKey = backupRaw(storage, item.feature, currentRaw, now);
          if (!backupKey) throw new Error(NO_ROOM_FOR_COPY(definition.label));
        }
      }
      if (!unchanged) {
        previous.set(key, currentRaw);
        storage.setItem(key, JSON.stringify({ version: definition.version, savedAt: now.toISOString(), data, ...(standard ? { standard } : {}) } satisfies Envelope));
      }
      applied.push({ feature: item.feature, label: definition.label, cut, ...(ties.length ? { ties } : {}), ...(backupKey ? { backupKey } : {}) });
    }
    return { ok: true, applied };
  } catch (error) {
    for (const [key, value] of previous) {
      try {
        if (value === null) storage.removeItem(key);
        else storage.setItem(key, value);
      } catch {
        /* best effort */
      }
    }
    return { ok: false, reason: `The import could not be saved (${error instanceof Error ? error.message : String(error)}). Your saved progress is unchanged.` };
  }
}

/**
 * What the page says about an import or restore beyond "Merged …": where a merge kept what was
 * saved here over a version that was not newer, what it did not keep, and the copies kept (and how
 * to put one back).
 */
export function appliedNotes(applied: readonly Applied[], from: 'the import' | 'the copy' = 'the import'): string {
  const notes: string[] = [];
  for (const a of applied) {
    if (a.ties?.length) {
      notes.push(`Your ${inSentence(a.label)}: where ${from} and what was saved here held different versions and neither was newer (${describeTies(a.ties)}), the version saved here was kept.`);
    }
    const count = a.cut.reduce((n, t) => n + t.count, 0);
    if (count > 0) notes.push(`Your ${inSentence(a.label)}: ${describeCut(a.cut)} ${pluralWord(count, 'was', 'were')} not kept.`);
  }
  const copied = applied.filter((a) => a.backupKey).map((a) => inSentence(a.label));
  if (copied.length) {
    notes.push(
      `A copy of your ${copied.join(' and ')} as saved before is kept: to go back to ${pluralWord(copied.length, 'it', 'them')}, press Restore on ${pluralWord(copied.length, 'that copy', 'those copies')} under “Copies of your saved progress” on “Your saved data”, or download ${pluralWord(copied.length, 'it', 'them')} there.`,
    );
  }
  return notes.join(' ');
}
