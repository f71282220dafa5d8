/**
 * The laws a merge of saved progress keeps with `conflict: 'symmetric'`, checked with fast-check over
 * any valid data of a feature. (An import or a move between devices merges with 'prefer-first', what
 * is saved here first, so that where neither side is newer what is saved here is kept: that merge is
 * not commutative by design; its cases are in ./import-merge-restore.test.ts.)
 * - commutative: merge(A, B) is merge(B, A);
 * - idempotent: merge(merge(A, B), B) is merge(A, B), and merge(A, A) is A;
 * - no loss: every entry either side holds is in the result, unless its list is over the feature's
 *   limit, when the newest are kept and `cut` says how many were not;
 * - newer wins: for an entry both sides hold with different times, the result holds the newer;
 * - the result is valid data for the feature.
 * The feature's test files (merge-properties*.test.ts) give each feature's arbitrary and where its
 * entries live; the arbitraries of shared fields (dates, times, KSB codes) are here.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { canonical, type Shape, type Trimmed } from '../../src/lib/storage/shape';

/**
 * Values compared as JSON with every object's keys sorted: a record merge lists one side's keys
 * first, so key order differs between merge(A, B) and merge(B, A) and means nothing (saved data is
 * JSON, read back by key). Array order is compared as it is.
 */
export const canon = (value: unknown): string => canonical(value);

/** When a time or date is, in ms; no time at all is before every time. */
export const instant = (time: string | undefined): number => (time === undefined ? -Infinity : Date.parse(time));

/* ───────────────────────────── Shared arbitraries ───────────────────────────── */

const MINUTE = 60_000;
const FIRST = Date.UTC(2001, 0, 1);
const LAST = Date.UTC(2098, 11, 31);
/** A few instants both sides draw from, so entries often share a time (a tie) or differ by little. */
const POOL = [Date.UTC(2026, 0, 5, 9, 30), Date.UTC(2026, 0, 5, 9, 30, 0, 1), Date.UTC(2026, 0, 5, 10, 30), Date.UTC(2025, 11, 31, 23, 59, 59, 999)];
const instantArb = fc.oneof({ arbitrary: fc.constantFrom(...POOL), weight: 2 }, { arbitrary: fc.integer({ min: FIRST, max: LAST }), weight: 3 });

/** A local time `offset` minutes ahead of UTC, as an ISO 8601 timestamp with that offset. */
function withOffset(ms: number, offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const mm = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${new Date(ms + offset * MINUTE).toISOString().slice(0, 23)}${sign}${hh}:${mm}`;
}

/**
 * A timestamp the saved schema accepts (savedTimestamp): mostly as this site writes them
 * (toISOString), sometimes in another notation ISO 8601 allows (an offset, no milliseconds, more
 * digits), as a file from another tool or edited by hand may hold.
 */
export const timestampArb: fc.Arbitrary<string> = fc
  .tuple(instantArb, fc.constantFrom('iso', 'iso', 'iso', 'iso', 'seconds', 'minutes', 'ahead', 'behind', 'nanoseconds'))
  .map(([ms, notation]) => {
    const iso = new Date(ms).toISOString();
    if (notation === 'seconds') return `${iso.slice(0, 19)}Z`;
    if (notation === 'minutes') return `${iso.slice(0, 16)}Z`;
    if (notation === 'ahead') return withOffset(ms, 60);
    if (notation === 'behind') return withOffset(ms, -330);
    if (notation === 'nanoseconds') return `${iso.slice(0, 23)}000000Z`;
    return iso;
  });

/** A calendar date (savedDate), often one of a few, so entries share a day. */
export const dateArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('2025-09-01', '2026-01-05', '2026-01-06'),
  fc.integer({ min: FIRST, max: LAST }).map((ms) => new Date(ms).toISOString().slice(0, 10)),
);

/** A KSB code (savedKsbCode), mostly a few, so both sides hold the same KSBs. */
export const ksbCodeArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('K1', 'K2', 'S1', 'S24', 'B1'),
  fc.tuple(fc.constantFrom('K', 'S', 'B'), fc.integer({ min: 1, max: 40 })).map(([kind, n]) => `${kind}${n}`),
);

/** An id from a few (so both sides often hold the same entry), or any other of up to `max` characters. */
export const idArb = (max: number): fc.Arbitrary<string> => fc.oneof(fc.constantFrom('a', 'b', 'c', 'd'), fc.string({ minLength: 1, maxLength: max }));

/**
 * Free text up to a few characters (the limits are the schema's business, tested elsewhere): ASCII,
 * any Unicode, or text that differs only in what some comparisons ignore (a soft hyphen, a
 * combining accent), as text pasted from a word processor or typed on another system may.
 */
export const textArb: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ maxLength: 12 }), weight: 3 },
  { arbitrary: fc.string({ maxLength: 6, unit: 'grapheme' }), weight: 1 },
  { arbitrary: fc.constantFrom('café', 'cafe\u0301', 'data\u00adset', 'dataset', 'Ångström', 'Zebra'), weight: 1 },
);

/** An object with any of the given fields left out (never present as undefined: saved data is JSON). */
export const partial = <T extends object>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }) =>
  fc.record(model, { requiredKeys: [], noNullPrototype: true }) as unknown as fc.Arbitrary<Partial<T>>;

/** A record by key, as saved (an ordinary object). */
export const dictionaryOf = <V>(key: fc.Arbitrary<string>, value: fc.Arbitrary<V>, maxKeys = 6) => fc.dictionary(key, value, { maxKeys, noNullPrototype: true });

/**
 * A list as the site keeps it: one entry per id, newest first (entries with the same time in the
 * merge's fixed order: by their JSON, keys sorted). Lists the site writes are in this order.
 */
export function listOf<E>(entry: fc.Arbitrary<E>, options: { id?: (e: E) => string; newest?: (e: E) => string | undefined; minLength?: number; maxLength: number }) {
  const { id = canon, newest, minLength = 0, maxLength } = options;
  return fc.uniqueArray(entry, { selector: id, minLength, maxLength }).map((list) => (newest ? sortNewestFirst(list, newest) : list));
}

/**
 * A list long enough to pass a limit when two are merged, made cheaply: a few entries drawn as in
 * listOf, and `count` more made by `make` from a drawn start time going back a drawn step each
 * (often none: all at one time, so the cut falls among entries with equal times). The first few
 * made are keyed "both 1" … on either side, in the side's `version`; the rest "long 1" … or
 * "more 1" …: two sides with different prefixes pass the limit together.
 */
export function longListOf<E>(
  entry: fc.Arbitrary<E>,
  options: { id?: (e: E) => string; newest: (e: E) => string | undefined; count: [number, number]; make: (key: string, at: string, version: number) => E },
) {
  const { newest, count, make } = options;
  const made = fc
    .record({
      prefix: fc.constantFrom('long', 'more'),
      shared: fc.nat(10),
      version: fc.nat(3),
      n: fc.integer({ min: count[0], max: count[1] }),
      start: fc.integer({ min: Date.UTC(2010, 0, 1), max: LAST }),
      step: fc.oneof(fc.constant(0), fc.nat(60 * MINUTE)),
    })
    .map(({ prefix, shared, version, n, start, step }) =>
      Array.from({ length: n }, (_, i) => make(`${i < shared ? 'both' : prefix} ${i + 1}`, new Date(start - i * step).toISOString(), version)),
    );
  return fc.tuple(listOf(entry, { ...options, maxLength: 6 }), made).map(([drawn, more]) => {
    const id = options.id ?? canon;
    const ids = new Set(drawn.map(id));
    return sortNewestFirst([...drawn, ...more.filter((e) => !ids.has(id(e)))], newest);
  });
}

export function sortNewestFirst<E>(list: E[], newest: (e: E) => string | undefined): E[] {
  return [...list].sort((x, y) => instant(newest(y)) - instant(newest(x)) || (canon(x) < canon(y) ? -1 : canon(x) > canon(y) ? 1 : 0));
}

/* ───────────────────────────── Where entries live ───────────────────────────── */

/** Where a feature keeps entries: a record or list (each entry by its id), or one answer (a field). */
export interface Entries<T> {
  /** Its path, as a merge names it in `cut`: "sessions", "ksbs", "gateway.startDate". */
  path: string;
  /** Each entry by id. */
  of(data: T): Map<string, unknown>;
  /** The time that makes one version newer than another (the shape's `newest`). */
  newest?: (entry: never) => string | undefined;
  /** Lists kept to a limit: the most entries kept. */
  limit?: number;
  /** A list kept newest first. */
  ordered?: boolean;
}

// The entries' types differ from feature to feature; each accessor is typed where it is written.
/* eslint-disable @typescript-eslint/no-explicit-any */
export const recordAt = <T>(path: string, get: (data: T) => Record<string, unknown>, newest?: (entry: any) => string | undefined): Entries<T> => ({
  path,
  of: (data) => new Map(Object.entries(get(data))),
  ...(newest ? { newest } : {}),
});

export const listAt = <T>(path: string, get: (data: T) => readonly unknown[], options: { id?: (entry: any) => string; newest?: (entry: any) => string | undefined; limit?: number } = {}): Entries<T> => ({
  path,
  of: (data) => new Map(get(data).map((e) => [(options.id ?? canon)(e), e])),
  ...(options.newest ? { newest: options.newest, ordered: true } : {}),
  ...(options.limit !== undefined ? { limit: options.limit } : {}),
});
/* eslint-enable @typescript-eslint/no-explicit-any */

/** One answer (a leaf): its entry is its value, when it has one. */
export const fieldAt = <T>(path: string, get: (data: T) => unknown): Entries<T> => ({
  path,
  of: (data) => {
    const value = get(data);
    return new Map(value === undefined ? [] : [[path, value]]);
  },
});

/* ───────────────────────────── The laws ───────────────────────────── */

export interface LawOptions<T> {
  numRuns: number;
  /**
   * Each law's time limit in ms (long lists take a while on a shared machine). Runs stop at half
   * of it, shrinking a counterexample included, so a failure is reported, not timed out.
   */
  timeout?: number;
  /**
   * For merge(A, A) = A only: the data with lists whose order means nothing put in one order (a
   * symmetric merge gives such a list one fixed order, whatever order A held it in).
   */
  normalise?: (data: T) => unknown;
}

/**
 * Registers one test per law for a feature's shape, over pairs of its data from `arb`, merged
 * with `conflict: 'symmetric'`.
 */
export function mergeLaws<T>(shape: Shape<T>, arb: fc.Arbitrary<T>, entries: ReadonlyArray<Entries<T>>, { numRuns, timeout, normalise = (d) => d }: LawOptions<T>): void {
  const merge = (a: T, b: T, cut: Trimmed[] = []) => shape.merge(a, b, 'symmetric', cut);
  const pair = fc.tuple(arb, arb);
  const params = { numRuns, ...(timeout ? { plugins: [fc.interruptAfterTimeLimit(timeout / 2)] } : {}) };
  const check = (property: (a: T, b: T) => void) =>
    fc.assert(
      fc.property(pair, ([a, b]) => {
        property(a, b);
      }),
      params,
    );

  it('its arbitrary makes valid data (so the laws are about data the site can hold)', () => {
    fc.assert(
      fc.property(arb, (a) => {
        expect(shape.schema.safeParse(a).success).toBe(true);
      }),
      params,
    );
  }, timeout);

  it('merges to valid data', () => {
    check((a, b) => {
      const result = shape.schema.safeParse(merge(a, b));
      expect(result.success, result.success ? '' : JSON.stringify(result.error.issues)).toBe(true);
    });
  }, timeout);

  it('is commutative: merge(A, B) is merge(B, A), key order aside', () => {
    check((a, b) => expect(canon(merge(a, b))).toBe(canon(merge(b, a))));
  }, timeout);

  it('is idempotent: merge(merge(A, B), B) is merge(A, B), and merge(A, A) is A', () => {
    check((a, b) => {
      const once = merge(a, b);
      expect(canon(merge(once, b))).toBe(canon(once));
      expect(canon(normalise(merge(a, a)))).toBe(canon(normalise(a)));
    });
  }, timeout);

  it('loses no entry: each is in the result unless its list is over its limit, and then cut counts those left out', () => {
    check((a, b) => {
      const cut: Trimmed[] = [];
      const merged = merge(a, b, cut);
      const expectedCut: Trimmed[] = [];
      // What is wrong, in words (collected, not asserted one by one: lists hold thousands of entries).
      const problems: string[] = [];
      for (const place of entries) {
        const [inA, inB, got] = [place.of(a), place.of(b), place.of(merged)];
        const union = new Set([...inA.keys(), ...inB.keys()]);
        // Nothing invented: each entry in the result is one side's version of it.
        for (const [id, entry] of got) {
          if (!union.has(id)) problems.push(`${place.path}: ${id} is in neither side`);
          else if (![inA.get(id), inB.get(id)].some((e) => e !== undefined && canon(e) === canon(entry))) problems.push(`${place.path}: ${id} is neither side's version`);
        }
        const limit = place.limit ?? Infinity;
        if (union.size <= limit) {
          for (const id of union) if (!got.has(id)) problems.push(`${place.path}: ${id} was lost`);
          continue;
        }
        if (got.size !== limit) problems.push(`${place.path}: ${got.size} kept, not ${limit}`);
        expectedCut.push({ path: place.path, noun: expect.any(String) as unknown as string, count: union.size - limit, limit });
        // The newest are kept: nothing left out is newer than anything kept.
        const time = (id: string) => Math.max(...[inA.get(id), inB.get(id)].filter((e) => e !== undefined).map((e) => instant(place.newest?.(e as never))));
        const oldestKept = Math.min(...[...got.keys()].map(time));
        for (const id of union) if (!got.has(id) && time(id) > oldestKept) problems.push(`${place.path}: ${id} left out, newer than one kept`);
      }
      expect(problems, problems.slice(0, 5).join('; ')).toEqual([]);
      const byPath = (x: Trimmed, y: Trimmed) => x.path.localeCompare(y.path);
      expect([...cut].sort(byPath)).toEqual(expectedCut.sort(byPath));
    });
  }, timeout);

  it('keeps the newer version of an entry both sides hold, and lists newest first', () => {
    check((a, b) => {
      const merged = merge(a, b);
      const problems: string[] = [];
      for (const place of entries) {
        const newest = place.newest;
        if (!newest) continue;
        const [inA, inB, got] = [place.of(a), place.of(b), place.of(merged)];
        for (const [id, entry] of got) {
          const [x, y] = [inA.get(id), inB.get(id)];
          if (x === undefined || y === undefined) continue;
          const [tx, ty] = [instant(newest(x as never)), instant(newest(y as never))];
          if (tx !== ty && canon(entry) !== canon(tx > ty ? x : y)) problems.push(`${place.path}: ${id} is not the newer version`);
        }
        if (place.ordered) {
          const times = [...got.values()].map((e) => instant(newest(e as never)));
          const later = times.findIndex((t, i) => i > 0 && t > times[i - 1]!);
          if (later !== -1) problems.push(`${place.path}: entry ${later} is newer than the one before it`);
        }
      }
      expect(problems, problems.slice(0, 5).join('; ')).toEqual([]);
    });
  }, timeout);
}
