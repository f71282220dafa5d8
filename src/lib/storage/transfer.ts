/**
 * Export everything the site has saved to one JSON file, and import it back. An import is checked
 * completely before anything changes: a file that is not JSON, is from another site, is from a
 * newer version of this site, or holds anything that does not validate is refused with a reason,
 * and nothing is written.
 */
import type { KeyValueStorage } from './backend';
import { type FeatureDefinition, keyFor, parseEnvelope, upgrade } from './store';

export const EXPORT_FORMAT = 'st1398-study-progress';
export const EXPORT_FORMAT_VERSION = 1;

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  formatVersion: number;
  exportedAt: string;
  /** Per feature: the saved envelope, exactly as stored. */
  features: Record<string, { version: number; savedAt: string; data: unknown }>;
}

// Feature definitions differ in their data type; the registry holds them side by side.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyFeature = FeatureDefinition<any>;

/** Everything readable that is saved now. Unreadable values are left out (they have their own backups). */
export function buildExport(definitions: readonly AnyFeature[], storage: KeyValueStorage, now = new Date()): ExportFile {
  const features: ExportFile['features'] = {};
  for (const definition of definitions) {
    let raw: string | null = null;
    try {
      raw = storage.getItem(keyFor(definition.feature));
    } catch {
      raw = null;
    }
    if (raw === null) continue;
    const parsed = parseEnvelope(raw);
    if (!parsed.ok) continue;
    const upgraded = upgrade(definition, parsed.envelope.version, parsed.envelope.data);
    if (!upgraded.ok) continue;
    features[definition.feature] = { version: definition.version, savedAt: parsed.envelope.savedAt, data: upgraded.data };
  }
  return { format: EXPORT_FORMAT, formatVersion: EXPORT_FORMAT_VERSION, exportedAt: now.toISOString(), features };
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
  /** What is saved now and will be replaced, or undefined when nothing is saved. */
  replaces: string | undefined;
  data: unknown;
  savedAt: string;
}

export type ImportPreview =
  | { ok: true; exportedAt: string; items: ImportItem[] }
  | { ok: false; reason: string };

const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** Checks an import file and says what it would replace. Changes nothing. */
export function previewImport(text: string, definitions: readonly AnyFeature[], storage: KeyValueStorage): ImportPreview {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, reason: 'The file is too large to be a progress file from this site.' };
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'The file is not a progress file from this site: it is not valid JSON.' };
  }
  if (!file || typeof file !== 'object' || (file as { format?: unknown }).format !== EXPORT_FORMAT) {
    return { ok: false, reason: 'The file is not a progress file from this site (it was exported by something else).' };
  }
  const { formatVersion, exportedAt, features } = file as Record<string, unknown>;
  if (typeof formatVersion !== 'number' || !Number.isInteger(formatVersion) || formatVersion < 1) {
    return { ok: false, reason: 'The file has no valid format version, so it cannot be read safely.' };
  }
  if (formatVersion > EXPORT_FORMAT_VERSION) {
    return { ok: false, reason: `The file was exported by a newer version of this site (format ${formatVersion}). Reload the page to get the latest version, then try again.` };
  }
  if (!features || typeof features !== 'object' || Array.isArray(features)) {
    return { ok: false, reason: 'The file holds no saved progress.' };
  }
  const known = new Map(definitions.map((d) => [d.feature, d]));
  const items: ImportItem[] = [];
  for (const [feature, envelope] of Object.entries(features)) {
    const definition = known.get(feature);
    if (!definition) {
      return { ok: false, reason: `The file holds data this version of the site does not know (“${feature}”). Nothing was imported.` };
    }
    const { version, data, savedAt } = (envelope ?? {}) as Record<string, unknown>;
    const upgraded = upgrade(definition, version, data);
    if (!upgraded.ok) {
      return { ok: false, reason: `The ${definition.label.toLowerCase()} in the file cannot be used: ${upgraded.reason}. Nothing was imported.` };
    }
    const currentRaw = safeGet(storage, keyFor(feature));
    const current = currentRaw === null ? undefined : readCurrent(definition, currentRaw);
    items.push({
      feature,
      label: definition.label,
      incoming: definition.describe?.(upgraded.data) ?? 'saved progress',
      replaces: current,
      data: upgraded.data,
      savedAt: typeof savedAt === 'string' ? savedAt : '',
    });
  }
  if (items.length === 0) return { ok: false, reason: 'The file holds no saved progress.' };
  return { ok: true, exportedAt: typeof exportedAt === 'string' ? exportedAt : '', items };
}

function safeGet(storage: KeyValueStorage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

function readCurrent(definition: AnyFeature, raw: string): string {
  const parsed = parseEnvelope(raw);
  const upgraded = parsed.ok ? upgrade(definition, parsed.envelope.version, parsed.envelope.data) : undefined;
  return upgraded?.ok ? (definition.describe?.(upgraded.data) ?? 'saved progress') : 'unreadable saved data';
}

/**
 * Writes a previewed import. All-or-nothing: if any write fails (storage full), the values written
 * so far are put back as they were.
 */
export function applyImport(
  preview: Extract<ImportPreview, { ok: true }>,
  definitions: readonly AnyFeature[],
  storage: KeyValueStorage,
  now = new Date(),
): { ok: true } | { ok: false; reason: string } {
  const previous = new Map<string, string | null>();
  try {
    for (const item of preview.items) {
      const definition = definitions.find((d) => d.feature === item.feature)!;
      const key = keyFor(item.feature);
      previous.set(key, safeGet(storage, key));
      storage.setItem(key, JSON.stringify({ version: definition.version, savedAt: item.savedAt || now.toISOString(), data: item.data }));
    }
    return { ok: true };
  } catch (error) {
    for (const [key, value] of previous) {
      try {
        if (value === null) storage.removeItem(key);
        else storage.setItem(key, value);
      } catch {
        /* best effort */
      }
    }
    return { ok: false, reason: `The import could not be saved (${String(error)}). Your saved progress is unchanged.` };
  }
}

/** Backup copies of unreadable values, newest first. */
export function listBackups(storage: KeyValueStorage): Array<{ key: string; feature: string; when: string }> {
  const backups: Array<{ key: string; feature: string; when: string }> = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      const match = key ? /^st1398:backup:([^:]+):(.+)$/.exec(key) : null;
      if (key && match) backups.push({ key, feature: match[1]!, when: match[2]! });
    }
  } catch {
    /* storage unreadable */
  }
  return backups.sort((a, b) => b.when.localeCompare(a.when));
}
