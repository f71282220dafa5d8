/**
 * What a feature's saved value is, and how a stored string is read: the envelope
 * `{ version, savedAt, data, standard }`, read leniently so that valid data is never lost for want
 * of a valid wrapper. Data with no envelope at all is read as current-version data when it has the
 * feature's fields; a version written as a numeric string ("1") is read as that number; an envelope
 * with no version holds current-version data. Then the data is upgraded and salvaged entry by
 * entry. Used by the store, the import and restoring a backup alike. Nothing here has side effects.
 */
import { describeSalvage, type SetAside, type Shape, type Trimmed } from './shape';

/** A function that turns data saved at version N into data for version N + 1. */
export type Migration = (data: unknown) => unknown;

export interface FeatureDefinition<T> {
  /** Short, permanent name: the key is st1398:v1:<feature>. */
  feature: string;
  /** Human name, for notices and the import preview ("Eligibility checklist"). */
  label: string;
  /** The current version of the data's shape. */
  version: number;
  /** The shape of the data: its schema and its entry-by-entry salvage. */
  shape: Shape<T>;
  defaults: () => T;
  /** migrations[n] upgrades version n to n + 1. Versions below the lowest key cannot be read. */
  migrations?: Record<number, Migration>;
  /** One line for the import preview, e.g. "12 of 70 KSBs answered". */
  describe?: (data: T) => string;
}

export interface Envelope {
  version: number;
  savedAt: string;
  data: unknown;
  /** The edition of the standard the data was made against ("ST1398 v1.0"); absent before it was recorded. */
  standard?: string;
  /**
   * Set on a copy of part of a value (what a change dropped: Store.keep), never on a whole value:
   * restoring it merges it into what is saved, never puts it in place of the rest.
   */
  part?: true;
}

export type Upgrade<T> =
  | { ok: true; data: T; from: number; setAside: SetAside[]; trimmed: Trimmed[]; summary: string }
  | { ok: false; reason: string; newer?: number };

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** 2 → 2, "2" → 2; anything else as it was (then refused by upgrade). */
function versionNumber(version: unknown): unknown {
  return typeof version === 'string' && /^\s*\d+\s*$/.test(version) ? Number(version) : version;
}

/**
 * Brings data saved at `version` up to the definition's current version, then salvages it entry
 * by entry. Fails only when nothing can be read (no valid version, a newer version, a failed migration).
 */
export function upgrade<T>(definition: FeatureDefinition<T>, rawVersion: unknown, data: unknown): Upgrade<T> {
  const version = versionNumber(rawVersion);
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: 'it has no valid version number' };
  }
  if (version > definition.version) {
    return {
      ok: false,
      newer: version,
      reason: `it was saved by a newer version of this site (version ${version}; this page reads up to ${definition.version})`,
    };
  }
  let current = data;
  for (let v = version; v < definition.version; v++) {
    const migrate = definition.migrations?.[v];
    if (!migrate) return { ok: false, reason: `there is no way to upgrade version ${v} data` };
    try {
      current = migrate(current);
    } catch (error) {
      return { ok: false, reason: `upgrading version ${v} failed: ${String(error)}` };
    }
  }
  if (!isPlainObject(current)) return { ok: false, reason: 'it holds no saved entries' };
  const salvaged = definition.shape.salvage(current);
  return { ok: true, data: salvaged.value, from: version, setAside: salvaged.setAside, trimmed: salvaged.trimmed, summary: describeSalvage(salvaged) };
}

/** True when `value` has at least one of the feature's own fields (so it is the feature's data, not something else). */
function isFeatureData(definition: FeatureDefinition<unknown>, value: Record<string, unknown>): boolean {
  const salvaged = definition.shape.salvage(value).value;
  return isPlainObject(salvaged) && Object.keys(value).some((key) => key in salvaged);
}

/**
 * A parsed stored value as an envelope, read leniently (see the top of this file). Fails only when
 * it is not an object, or is an object with none of the feature's fields and no `data`.
 */
export function readEnvelope(definition: FeatureDefinition<unknown>, parsed: unknown): { ok: true; envelope: Envelope } | { ok: false; reason: string } {
  if (!isPlainObject(parsed)) return { ok: false, reason: 'it is not a saved-progress record' };
  const savedAt = typeof parsed.savedAt === 'string' ? parsed.savedAt : '';
  const standard = typeof parsed.standard === 'string' ? { standard: parsed.standard } : {};
  const part = parsed.part === true ? { part: true as const } : {};
  if ('data' in parsed) {
    const version = parsed.version === undefined || parsed.version === null ? definition.version : versionNumber(parsed.version);
    return { ok: true, envelope: { version: version as number, savedAt, data: parsed.data, ...standard, ...part } };
  }
  // No envelope: the feature's data itself, as saved by hand or by something that left the wrapper out.
  if (isFeatureData(definition, parsed)) return { ok: true, envelope: { version: definition.version, savedAt: '', data: parsed } };
  return { ok: false, reason: 'it is not a saved-progress record' };
}

/** The version of a stored envelope, or undefined when it is not one (a cheap check before writing). */
export function storedVersion(raw: string): number | undefined {
  try {
    const parsed: unknown = JSON.parse(raw);
    const version = isPlainObject(parsed) && 'data' in parsed ? versionNumber(parsed.version) : undefined;
    return typeof version === 'number' && Number.isInteger(version) ? version : undefined;
  } catch {
    return undefined;
  }
}

/** Parses a stored string as an envelope (see readEnvelope). */
export function parseStored(definition: FeatureDefinition<unknown>, raw: string): { ok: true; envelope: Envelope } | { ok: false; reason: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'it is not valid JSON' };
  }
  return readEnvelope(definition, parsed);
}

export type Interpreted<T> = { ok: true; envelope: Envelope; upgraded: Extract<Upgrade<T>, { ok: true }> } | { ok: false; reason: string; newer?: number };

/**
 * What a stored string holds, without side effects: the data (salvaged), and what could not be
 * read. Used by load, by the export, by the import preview and by restoring a backup.
 */
export function interpretRaw<T>(definition: FeatureDefinition<T>, raw: string): Interpreted<T> {
  const parsed = parseStored(definition as FeatureDefinition<unknown>, raw);
  if (!parsed.ok) return parsed;
  const upgraded = upgrade(definition, parsed.envelope.version, parsed.envelope.data);
  return upgraded.ok ? { ok: true, envelope: parsed.envelope, upgraded } : upgraded;
}
