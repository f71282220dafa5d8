/**
 * Coverage of the standard by the evidence log: how many entries show each KSB, which KSBs of each
 * theme and method have none yet, and finding entries (filters, sort) and KSBs (search, suggestions).
 * Off-the-job activities build KSBs but are not evidence of them, so coverage counts entries only.
 */
import { compareKsbCodes } from '../standard';
import { normaliseKsbCode } from '../ksb-code';
import { byDateDesc, type EvidenceEntry, type EvidenceLog } from './log';

/** What the evidence features need to know of a KSB: passed from the page, reduced. */
export interface EvidenceKsb {
  code: string;
  statement: string;
  themeId: string;
  theme: string;
  method: string;
  /** "AM2" */
  methodCode: string;
}

/** How many entries show each KSB (every KSB listed, 0 when none). */
export function coverageCounts(log: Pick<EvidenceLog, 'entries'>, codes: readonly string[]): Map<string, number> {
  const counts = new Map(codes.map((c) => [c, 0]));
  for (const entry of log.entries) for (const code of new Set(entry.ksbs)) if (counts.has(code)) counts.set(code, counts.get(code)! + 1);
  return counts;
}

export interface GroupCoverage {
  id: string;
  name: string;
  method: string;
  total: number;
  covered: number;
  /** KSBs with no entry yet, in the standard's order. */
  missing: string[];
}

/** Per theme (in the order given): covered and missing KSBs. */
export function themeCoverage(ksbs: readonly EvidenceKsb[], counts: ReadonlyMap<string, number>): GroupCoverage[] {
  const groups = new Map<string, GroupCoverage>();
  for (const k of ksbs) {
    const group = groups.get(k.themeId) ?? { id: k.themeId, name: k.theme, method: k.method, total: 0, covered: 0, missing: [] };
    group.total++;
    if ((counts.get(k.code) ?? 0) > 0) group.covered++;
    else group.missing.push(k.code);
    groups.set(k.themeId, group);
  }
  for (const g of groups.values()) g.missing.sort(compareKsbCodes);
  return [...groups.values()];
}

/** Per method: the sum of its themes. */
export function methodCoverage(themes: readonly GroupCoverage[]): GroupCoverage[] {
  const methods = new Map<string, GroupCoverage>();
  for (const t of themes) {
    const m = methods.get(t.method) ?? { id: t.method, name: t.method.toUpperCase(), method: t.method, total: 0, covered: 0, missing: [] };
    m.total += t.total;
    m.covered += t.covered;
    m.missing.push(...t.missing);
    methods.set(t.method, m);
  }
  for (const m of methods.values()) m.missing.sort(compareKsbCodes);
  return [...methods.values()];
}

/** A band for the coverage grid's colour: none, one, two, three or more. */
export function coverageBand(count: number): 0 | 1 | 2 | 3 {
  return count >= 3 ? 3 : (count as 0 | 1 | 2);
}

/* ─────────────────────────────── Finding entries ─────────────────────────────── */

export interface EntryFilter {
  ksb?: string | undefined;
  theme?: string | undefined;
  method?: string | undefined;
  /** Entries on or after this day (a range counts if any of it is). */
  from?: string | undefined;
  to?: string | undefined;
  text?: string | undefined;
}

export const SORTS = ['newest', 'oldest', 'title', 'most-ksbs'] as const;
export type EntrySort = (typeof SORTS)[number];
export const SORT_LABEL: Record<EntrySort, string> = { newest: 'Newest first', oldest: 'Oldest first', title: 'Title, A to Z', 'most-ksbs': 'Most KSBs first' };

const searchable = (e: EvidenceEntry) => [e.title, e.situation, e.task, e.action, e.result, e.reflection, e.where, e.ksbs.join(' ')].filter(Boolean).join(' ').toLowerCase();

export function filterEntries(entries: readonly EvidenceEntry[], filter: EntryFilter, ksbs: readonly EvidenceKsb[]): EvidenceEntry[] {
  const byCode = new Map(ksbs.map((k) => [k.code, k]));
  const words = (filter.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return entries.filter((e) => {
    if (filter.ksb && !e.ksbs.includes(filter.ksb)) return false;
    if (filter.theme && !e.ksbs.some((c) => byCode.get(c)?.themeId === filter.theme)) return false;
    if (filter.method && !e.ksbs.some((c) => byCode.get(c)?.method === filter.method)) return false;
    if (filter.from && (e.end ?? e.date) < filter.from) return false;
    if (filter.to && e.date > filter.to) return false;
    if (words.length) {
      const text = searchable(e);
      if (!words.every((w) => text.includes(w))) return false;
    }
    return true;
  });
}

export function sortEntries(entries: readonly EvidenceEntry[], sort: EntrySort): EvidenceEntry[] {
  const list = [...entries];
  const newest = byDateDesc;
  if (sort === 'newest') return list.sort(newest);
  if (sort === 'oldest') return list.sort((a, b) => -newest(a, b));
  if (sort === 'title') return list.sort((a, b) => a.title.localeCompare(b.title, 'en-GB', { sensitivity: 'base' }) || newest(a, b));
  return list.sort((a, b) => b.ksbs.length - a.ksbs.length || newest(a, b));
}

/* ─────────────────────────────── Choosing KSBs ─────────────────────────────── */

/** Words too common to say anything about which KSB a piece of work shows. */
const STOP = new Set(
  'about above after again against also and any are been before being below between both but can could did does doing down during each few for from further had has have having her here him his how into its just more most must not now off once only other our out over own same she should some such than that the their them then there these they this those through too under until very was were what when where which while who whom why will with would you your using use used including include work working made make within across able new'.split(' '),
);

/** Lower-case word stems of four letters or more ("monitoring", "monitor" → "monit"). */
export function stems(text: string): Set<string> {
  return new Set(
    (text.toLowerCase().match(/[a-z]{4,}/g) ?? []).filter((w) => !STOP.has(w)).map((w) => w.slice(0, 5)),
  );
}

/**
 * KSBs found by code ("s24", "S2") or by words of their statement, in the standard's order: a code
 * finds that KSB and those whose code starts with it; words must all appear.
 */
export function searchKsbs(ksbs: readonly EvidenceKsb[], query: string): EvidenceKsb[] {
  const q = query.trim();
  if (!q) return [];
  const code = normaliseKsbCode(q);
  if (code) {
    const exact = ksbs.filter((k) => k.code === code);
    const prefix = ksbs.filter((k) => k.code !== code && k.code.startsWith(code));
    return [...exact, ...prefix];
  }
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  return ksbs.filter((k) => {
    const text = `${k.code} ${k.statement} ${k.theme}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

/**
 * KSBs whose statements share the most words with what the learner wrote, best first (at most
 * `limit`), leaving out those already chosen. Needs two shared words to suggest anything.
 */
export function suggestKsbs(ksbs: readonly EvidenceKsb[], text: string, chosen: readonly string[], limit = 5): EvidenceKsb[] {
  const written = stems(text);
  if (written.size === 0) return [];
  return ksbs
    .filter((k) => !chosen.includes(k.code))
    .map((k) => ({ k, score: [...stems(k.statement)].filter((s) => written.has(s)).length }))
    .filter((x) => x.score >= 2)
    .sort((a, b) => b.score - a.score || compareKsbCodes(a.k.code, b.k.code))
    .slice(0, limit)
    .map((x) => x.k);
}
