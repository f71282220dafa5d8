/**
 * The shape of a feature's saved data, written once: it gives both the zod schema (for types and
 * strict checks) and a salvager that validates entry by entry. One bad entry never costs the good
 * ones: salvage keeps every valid entry, sets aside the invalid ones (with their path and raw value,
 * so they can be listed and restored), and trims collections to their limits, saying how many.
 *
 * Leaves are zod schemas, checked as a unit. Collections (records and arrays) are where entries
 * live: an invalid entry is set aside, the rest kept. Objects salvage field by field.
 *
 * Schemas are built on first use (`lazySchema`, and each shape's `schema`): building them is work
 * every page that loads a feature would pay as it starts, and a page with nothing saved never needs
 * them (issue #20).
 */
import { z } from 'zod/mini';
import { compareTimes } from '../dates';
import { plural, pluralWord } from '../format';

/** An entry that could not be read, kept so the learner can see and restore it. */
export interface SetAside {
  /** Where it was, e.g. "ksbs.K7" or "sessions[3]". */
  path: string;
  /** What kind of entry it was ("answer", "rating", "session"). */
  noun: string;
  /** Which entry it was, in words for the notice: "K7’s rating", "session 8", "start date". */
  name: string;
  /** Why it could not be read. */
  reason: string;
  raw: unknown;
}

export interface Trimmed {
  path: string;
  noun: string;
  /** How many entries were dropped (the oldest, beyond the limit). */
  count: number;
  limit: number;
}

export interface Salvaged<T> {
  value: T;
  setAside: SetAside[];
  trimmed: Trimmed[];
  /** Entries kept in collections, by noun ("answer" → 69). */
  kept: Record<string, number>;
}

/**
 * How a merge settles an entry both sides hold differently: `prefer-first` keeps the first side
 * (an import merges the file into what is saved here, which is first: what the learner has here is
 * never replaced by a version that is not newer); `symmetric` gives the same answer whichever side
 * comes first: of two versions, the one whose JSON sorts first (kept for the merge laws, never for
 * the learner's own data). Entries with a time (`newest`) always keep the newer; equal or no times
 * fall back to the rule, and each entry so settled is listed in `ties` (see Tie).
 */
export type Conflict = 'prefer-first' | 'symmetric';

/**
 * An entry both sides of a merge held in different versions, neither with a newer time of its own
 * (report text, a planner date, a mock session changed on both): settled by the Conflict rule, so
 * the learner can be told which side's was kept.
 */
export interface Tie {
  path: string;
  noun: string;
  /** The entry in words ("report text", "K7’s KSB mapping"), or '' for an entry of a list, which is counted ("2 sessions"). */
  name: string;
}

/** A schema, or a function that builds it (see lazySchema). */
export type SchemaSource<S extends z.ZodMiniType> = S | (() => S);

/** The schema `build` returns, built the first time it is asked for and kept. */
export function lazySchema<S extends z.ZodMiniType>(build: () => S): () => S {
  let built: S | undefined;
  return () => (built ??= build());
}

/** The schema of a source, built on first use. */
const schemaOf = <S extends z.ZodMiniType>(source: SchemaSource<S>): (() => S) => (typeof source === 'function' ? lazySchema(source) : () => source);

/** The type of the values a shape holds. */
export type ShapeValue<S> = S extends Shape<infer T> ? T : never;

export interface Shape<T> {
  /** Built on first use. */
  readonly schema: z.ZodMiniType<T>;
  salvage(value: unknown, path?: string): Salvaged<T>;
  /**
   * Both sides' entries, nothing deleted; see Conflict for entries both hold (each settled without
   * a newer time is added to `ties`). Lists kept to a limit keep the newest; what they cut is added
   * to `cut`, so the learner can be told and a copy kept.
   */
  merge(a: T, b: T, conflict: Conflict, cut?: Trimmed[], path?: string, ties?: Tie[]): T;
}

/**
 * A value as a stable text, whatever the order of its object's keys: for symmetric tie-breaks, ids
 * of entries without one, and (with `anyOrder`, lists in any order too) whether a merge changed a value.
 */
export function canonical(value: unknown, anyOrder = false): string {
  const of = (v: unknown) => canonical(v, anyOrder);
  if (Array.isArray(value)) {
    const items = value.map(of);
    return `[${(anyOrder ? items.sort() : items).join(',')}]`;
  }
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    // A key holding undefined is left out, as JSON leaves it out when saved.
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${of(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** A fixed order over texts: by UTF-16 code units, the same everywhere. */
const compareText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** Picks between two versions of one entry; `tie` is called when neither is newer and the rule decides. */
function settle<T>(a: T | undefined, b: T | undefined, conflict: Conflict, newest?: (entry: T) => string | undefined, tie?: () => void): T {
  if (a === undefined) return b as T;
  if (b === undefined) return a;
  const ca = canonical(a);
  const cb = canonical(b);
  if (ca === cb) return a;
  const order = newest ? compareTimes(newest(a), newest(b)) : 0;
  if (order !== 0) return order > 0 ? a : b;
  tie?.();
  if (conflict === 'prefer-first') return a;
  // The version a merged list puts first among equal times (by code units, as array() sorts), so
  // the version that lost never outranks the one that won: when the winner is cut at a list's
  // limit, merging again cannot bring the loser back in its place.
  return compareText(ca, cb) <= 0 ? a : b;
}

const empty = <T>(value: T): Salvaged<T> => ({ value, setAside: [], trimmed: [], kept: {} });

function describeIssue(error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> }): string {
  const issue = error.issues[0];
  if (!issue) return 'not in the expected shape';
  return issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message;
}

function merge(into: Salvaged<unknown>, part: Salvaged<unknown>): void {
  into.setAside.push(...part.setAside);
  into.trimmed.push(...part.trimmed);
  for (const [noun, n] of Object.entries(part.kept)) into.kept[noun] = (into.kept[noun] ?? 0) + n;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const join = (path: string, key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);

/** A value checked as a whole (a leaf). Invalid: set aside as `noun`, replaced by `fallback`. */
export function leaf<S extends z.ZodMiniType>(source: SchemaSource<S>, noun = 'value', fallback?: () => z.infer<S>): Shape<z.infer<S>> {
  const schema = schemaOf(source);
  return {
    get schema() {
      return schema() as unknown as z.ZodMiniType<z.infer<S>>;
    },
    salvage(value, path = '') {
      const result = schema().safeParse(value);
      if (result.success) return empty(result.data as z.infer<S>);
      const out = empty(fallback ? fallback() : (undefined as z.infer<S>));
      out.setAside.push({ path, noun, name: fieldName(path, noun), reason: describeIssue(result.error), raw: value });
      return out;
    },
    merge: (a, b, conflict, _cut, path = '', ties) => settle(a, b, conflict, undefined, () => ties?.push({ path, noun, name: fieldName(path, noun) })),
  };
}

type FieldShapes = Record<string, Shape<unknown>>;
type ShapeOf<S> = ShapeValue<S>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};
/** Fields whose shape allows undefined are optional properties. */
type ObjectOf<F extends FieldShapes> = Simplify<
  { [K in keyof F as undefined extends ShapeOf<F[K]> ? never : K]: ShapeOf<F[K]> } & {
    [K in keyof F as undefined extends ShapeOf<F[K]> ? K : never]?: ShapeOf<F[K]>;
  }
>;

/**
 * An object salvaged field by field. Unknown extra fields are ignored (never a reason to discard
 * the record). A missing or non-object value gives each field its own salvage of `undefined`.
 */
export function object<F extends FieldShapes>(fields: F, noun = 'record'): Shape<ObjectOf<F>> {
  const schema = lazySchema(() => z.object(Object.fromEntries(Object.entries(fields).map(([k, s]) => [k, s.schema])) as { [K in keyof F]: F[K]['schema'] }));
  return {
    get schema() {
      return schema() as unknown as z.ZodMiniType<ObjectOf<F>>;
    },
    salvage(value, path = '') {
      const out = empty({} as Record<string, unknown>);
      const source = isPlainObject(value) ? value : {};
      if (value !== undefined && !isPlainObject(value)) out.setAside.push({ path, noun, name: fieldName(path, noun), reason: 'expected an object', raw: value });
      for (const [key, field] of Object.entries(fields)) {
        const part = field.salvage(source[key], join(path, key));
        if (part.value !== undefined) out.value[key] = part.value;
        merge(out, part);
      }
      return out as Salvaged<ObjectOf<F>>;
    },
    merge(a, b, conflict, cut, path = '', ties) {
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(fields)) {
        const value = field.merge((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], conflict, cut, join(path, key), ties);
        if (value !== undefined) out[key] = value;
      }
      return out as ObjectOf<F>;
    },
  };
}

/** A record of entries by key (KSB code, question id). Invalid keys or entries are set aside. */
export function record<K extends string, S extends z.ZodMiniType>(
  keySource: SchemaSource<z.ZodMiniType<K>>,
  entrySource: SchemaSource<S>,
  noun: string,
  options: { newest?: (entry: z.infer<S>) => string | undefined } = {},
): Shape<Record<K, z.infer<S>>> {
  const key = schemaOf(keySource);
  const entry = schemaOf(entrySource);
  const schema = lazySchema(() => z.record(key(), entry()));
  return {
    merge(a, b, conflict, _cut, path = '', ties) {
      // Built from a Map, not by assigning keys: assigning the key "__proto__" (a valid question id
      // to the schema) sets the object's prototype instead, so that entry was lost when only the
      // first side held it.
      const out = new Map(Object.entries(b as Record<string, z.infer<S>>));
      for (const [k, v] of Object.entries(a as Record<string, z.infer<S>>)) {
        out.set(
          k,
          settle(v, out.get(k), conflict, options.newest, () => ties?.push({ path: join(path, k), noun, name: `${k}’s ${noun}` })),
        );
      }
      return Object.fromEntries(out) as Record<K, z.infer<S>>;
    },
    get schema() {
      return schema() as unknown as z.ZodMiniType<Record<K, z.infer<S>>>;
    },
    salvage(value, path = '') {
      const out = empty({} as Record<string, unknown>);
      if (value === undefined) return out as Salvaged<Record<K, z.infer<S>>>;
      if (!isPlainObject(value)) {
        out.setAside.push({ path, noun: `${noun} list`, name: `${noun} list`, reason: 'expected a set of entries', raw: value });
        return out as Salvaged<Record<K, z.infer<S>>>;
      }
      let kept = 0;
      for (const [k, v] of Object.entries(value)) {
        const keyOk = key().safeParse(k);
        const entryOk = entry().safeParse(v);
        if (keyOk.success && entryOk.success) {
          out.value[k] = entryOk.data;
          kept++;
        } else {
          out.setAside.push({ path: join(path, k), noun, name: `${k}’s ${noun}`, reason: keyOk.success ? describeIssue((entryOk as { error: Parameters<typeof describeIssue>[0] }).error) : `"${k}" is not a valid key`, raw: v });
        }
      }
      out.kept[noun] = kept;
      return out as Salvaged<Record<K, z.infer<S>>>;
    },
  };
}

/**
 * A list of entries, newest first. Invalid entries are set aside; beyond `max`, the oldest are
 * trimmed (and counted, so the learner is told).
 */
export function array<S extends z.ZodMiniType>(
  itemSource: SchemaSource<S>,
  noun: string,
  max = Infinity,
  options: { id?: (item: z.infer<S>) => string; newest?: (item: z.infer<S>) => string | undefined } = {},
): Shape<Array<z.infer<S>>> {
  const item = schemaOf(itemSource);
  const schema = lazySchema(() => z.array(item()).check(z.maxLength(max === Infinity ? Number.MAX_SAFE_INTEGER : max)));
  return {
    /** Items with an id are united by id, newest first (by `newest`), up to `max`; items without ids are kept from both sides (once each). */
    merge(a, b, conflict, cut, path = '', ties) {
      const id = options.id ?? ((x: z.infer<S>) => canonical(x));
      const byId = new Map<string, z.infer<S>>();
      for (const x of b) byId.set(id(x), x);
      for (const x of a) byId.set(id(x), settle(x, byId.get(id(x)), conflict, options.newest, () => ties?.push({ path, noun, name: '' })));
      const merged = [...byId.values()];
      // Ties in code-unit order, not localeCompare: collation depends on the device's language and
      // calls some different texts equal (it ignores a soft hyphen), which left their order to the sides'.
      const byText = (x: z.infer<S>, y: z.infer<S>) => compareText(canonical(x), canonical(y));
      if (options.newest) merged.sort((x, y) => compareTimes(options.newest!(y), options.newest!(x)) || byText(x, y));
      // A list without times (ticked items: a set) takes one fixed order in a symmetric merge, else A into B
      // and B into A would list it differently and, over `max`, keep different items.
      else if (conflict === 'symmetric') merged.sort(byText);
      if (merged.length > max) cut?.push({ path, noun, count: merged.length - max, limit: max });
      return merged.slice(0, max);
    },
    get schema() {
      return schema() as unknown as z.ZodMiniType<Array<z.infer<S>>>;
    },
    salvage(value, path = '') {
      const out = empty([] as Array<z.infer<S>>);
      if (value === undefined) return out;
      if (!Array.isArray(value)) {
        out.setAside.push({ path, noun: `${noun} list`, name: `${noun} list`, reason: 'expected a list', raw: value });
        return out;
      }
      value.forEach((v, i) => {
        const result = item().safeParse(v);
        if (result.success) out.value.push(result.data as z.infer<S>);
        else out.setAside.push({ path: join(path, i), noun, name: `${noun} ${i + 1}`, reason: describeIssue(result.error), raw: v });
      });
      if (out.value.length > max) {
        out.trimmed.push({ path, noun, count: out.value.length - max, limit: max });
        out.value = out.value.slice(0, max);
      }
      out.kept[noun] = out.value.length;
      return out;
    },
  };
}

/** A field's name in words: "gateway.startDate" → "start date"; the noun when it says more ("text" → "report text"). */
function fieldName(path: string, noun: string): string {
  const field = path.split('.').pop() ?? '';
  const words = field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return !words || noun.includes(words) ? noun : words;
}

/** How many entries a notice names before "and 7 more". */
export const NAMED_SET_ASIDE_MAX = 5;

/** "K7’s rating", "K7’s rating and K9’s rating", "A, B, C, D, E and 7 more". */
export function nameEntries(names: readonly string[]): string {
  const shown = names.slice(0, NAMED_SET_ASIDE_MAX);
  const rest = names.length - shown.length;
  const items = rest > 0 ? [...shown, `${rest} more`] : shown;
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "1 rating could not be read and was set aside (K7’s rating); 69 kept." */
export function describeSalvage(result: Pick<Salvaged<unknown>, 'setAside' | 'trimmed' | 'kept'>): string {
  const parts: string[] = [];
  const byNoun = new Map<string, string[]>();
  for (const s of result.setAside) byNoun.set(s.noun, [...(byNoun.get(s.noun) ?? []), s.name]);
  for (const [noun, names] of byNoun) {
    const n = names.length;
    const kept = result.kept[noun];
    parts.push(`${plural(n, noun, pluralNoun(noun))} could not be read and ${pluralWord(n, 'was', 'were')} set aside (${nameEntries(names)})${kept !== undefined ? `; ${kept} kept` : ''}`);
  }
  for (const t of result.trimmed) {
    parts.push(`${t.count} older ${pluralWord(t.count, t.noun, pluralNoun(t.noun))} beyond the ${t.limit} this site keeps ${pluralWord(t.count, 'was', 'were')} left out`);
  }
  return parts.length ? `${parts.join('. ')}.` : '';
}

/** The entries of a merge's ties in words: "report text, gateway date and 2 sessions" (named ones by name, entries of lists counted). */
export function describeTies(ties: readonly Tie[]): string {
  const named = [...new Set(ties.filter((t) => t.name).map((t) => t.name))];
  const counts = new Map<string, number>();
  for (const t of ties) if (!t.name) counts.set(t.noun, (counts.get(t.noun) ?? 0) + 1);
  const counted = [...counts].map(([noun, n]) => plural(n, noun, pluralNoun(noun)));
  return nameEntries([...named, ...counted]);
}

/** "session" → "sessions", "entry" → "entries", "match" → "matches". */
export function pluralNoun(noun: string): string {
  if (noun.endsWith('y') && !/[aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(noun)) return `${noun}es`;
  return `${noun}s`;
}
