/**
 * Off-the-job training hours: the total logged (activities, and hours attached to evidence
 * entries), the target from the rule for the learner's start date, where they should be by today,
 * and the hours by month. Dates are calendar dates (src/lib/dates.ts), so leap years count their
 * extra day and no time zone moves a day.
 */
import { compareDates, daysBetween } from '../dates';
import { formatNumber, pluralWord } from '../format';
import { offTheJobFor, type OffTheJob, type OffTheJobRule } from '../rules';
import type { EvidenceLog } from './log';

export interface OtjPlan {
  startDate?: string | undefined;
  /** The planned end of training (the gateway). */
  endDate?: string | undefined;
  /** Hours a week the learner normally works (paid). */
  weeklyHours?: number | undefined;
  /** The off-the-job hours in the training plan. */
  plannedHours?: number | undefined;
}

/** Rounded to two decimals, so sums of quarter hours never show float noise. */
const tidy = (hours: number) => Math.round(hours * 100) / 100;

/** Every logged hour, each with its date: activities, and hours attached to evidence entries. */
export function loggedHours(log: Pick<EvidenceLog, 'entries' | 'activities'>): Array<{ date: string; hours: number }> {
  return [...log.activities.map((a) => ({ date: a.date, hours: a.hours })), ...log.entries.filter((e) => e.otjHours).map((e) => ({ date: e.date, hours: e.otjHours! }))];
}

export function totalHours(log: Pick<EvidenceLog, 'entries' | 'activities'>): number {
  return tidy(loggedHours(log).reduce((sum, h) => sum + Math.max(0, h.hours), 0));
}

export type OtjTarget =
  /** The figure in the learner's training plan. */
  | { kind: 'plan'; hours: number }
  /** Worked out from the percentage rule: percent of the weekly hours (up to the cap) for every week from start to end. */
  | { kind: 'estimate'; hours: number; percent: number; weeklyHours: number; capped: boolean; weeks: number }
  /** Not enough to go on: what to ask for. */
  | { kind: 'missing'; need: Array<'startDate' | 'endDate' | 'weeklyHours' | 'plannedHours'> };

export interface OtjTargetResult {
  /** The rule's version for the start date (undefined without one). */
  version: OffTheJob | undefined;
  target: OtjTarget;
}

/**
 * The target: the training plan's figure when the learner gives it; otherwise, for starts under
 * the percentage rule, an estimate from their weekly hours and planned dates. Starts under the
 * published-hours rule need the plan's figure (this site states none).
 */
export function otjTarget(rule: OffTheJobRule, plan: OtjPlan): OtjTargetResult {
  const version = plan.startDate ? offTheJobFor(rule, plan.startDate) : undefined;
  if (plan.plannedHours) return { version, target: { kind: 'plan', hours: plan.plannedHours } };
  if (!version) return { version, target: { kind: 'missing', need: ['startDate', 'plannedHours'] } };
  if (version.measure === 'published-hours') return { version, target: { kind: 'missing', need: ['plannedHours'] } };
  const need: Array<'endDate' | 'weeklyHours'> = [];
  const days = plan.endDate ? daysBetween(plan.startDate!, plan.endDate) : 0;
  if (!plan.endDate || days <= 0) need.push('endDate');
  if (!plan.weeklyHours) need.push('weeklyHours');
  if (need.length) return { version, target: { kind: 'missing', need } };
  const cap = version.weeklyHoursCap;
  const capped = cap !== undefined && plan.weeklyHours! > cap;
  const weekly = capped ? cap! : plan.weeklyHours!;
  const weeks = days / 7;
  return { version, target: { kind: 'estimate', hours: tidy((version.percent / 100) * weekly * weeks), percent: version.percent, weeklyHours: weekly, capped, weeks: tidy(weeks) } };
}

export type OtjPace =
  | { kind: 'no-dates' }
  | { kind: 'not-started'; startDate: string }
  | { kind: 'on-track' | 'ahead' | 'behind'; expected: number; difference: number; share: number }
  | { kind: 'ended'; remaining: number };

/** Within this many hours of the expected figure counts as on track. */
export const ON_TRACK_MARGIN_HOURS = 1;

/**
 * Where the learner should be by `today`: the target spread evenly from start to planned end, so
 * halfway through the expected figure is half the target.
 */
export function otjPace(target: number, logged: number, plan: OtjPlan, today: string): OtjPace {
  if (!plan.startDate || !plan.endDate || daysBetween(plan.startDate, plan.endDate) <= 0) return { kind: 'no-dates' };
  if (compareDates(today, plan.startDate) < 0) return { kind: 'not-started', startDate: plan.startDate };
  const share = Math.min(1, daysBetween(plan.startDate, today) / daysBetween(plan.startDate, plan.endDate));
  const expected = tidy(target * share);
  const difference = tidy(logged - expected);
  if (share >= 1 && compareDates(today, plan.endDate) > 0) return { kind: 'ended', remaining: tidy(Math.max(0, target - logged)) };
  const kind = Math.abs(difference) < ON_TRACK_MARGIN_HOURS ? 'on-track' : difference > 0 ? 'ahead' : 'behind';
  return { kind, expected, difference, share };
}

/** Hours by calendar month ("2026-03"), every month from the first logged to the last (at most `max`, the latest). */
export function hoursByMonth(log: Pick<EvidenceLog, 'entries' | 'activities'>, max = 24): Array<{ month: string; hours: number }> {
  const sums = new Map<string, number>();
  for (const h of loggedHours(log)) sums.set(h.date.slice(0, 7), (sums.get(h.date.slice(0, 7)) ?? 0) + h.hours);
  if (sums.size === 0) return [];
  const months = [...sums.keys()].sort();
  const out: Array<{ month: string; hours: number }> = [];
  let [year, month] = months[0]!.split('-').map(Number) as [number, number];
  const last = months[months.length - 1]!;
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    out.push({ month: key, hours: tidy(sums.get(key) ?? 0) });
    if (key >= last) break;
    month++;
    if (month > 12) ((month = 1), year++);
  }
  return out.slice(-max);
}

/** "3 hours", "1 hour", "2.5 hours" */
export function formatHours(hours: number): string {
  const n = tidy(hours);
  return `${formatNumber(n, 2)} ${pluralWord(n, 'hour')}`;
}

/** Parses hours typed by the learner ("3", "1.5", "2,25"): quarter hours above 0, or undefined. */
export function parseHours(text: string, max: number): number | undefined {
  const t = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(t)) return undefined;
  const n = Number(t);
  return n > 0 && n <= max && Number.isInteger(n * 4) ? n : undefined;
}
