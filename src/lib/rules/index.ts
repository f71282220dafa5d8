/**
 * The rules that change over time (content/rules.yaml), applied to one learner: the version of a
 * rule in force for their start date or their age at the start, and whether the record is due a
 * check. Pages and islands ask here; none of them compares start dates itself.
 */
import { addDays, addMonths, compareDates, daysBetween, formatDate } from '../dates';
import type { Change, Rule, RuleSource, RulesFile, Source } from '../content/schemas';

export type { Change, Rule, RuleSource, RulesFile };
export type RuleId = Rule['id'];
export type RuleOf<I extends RuleId> = Extract<Rule, { id: I }>;
export type MinimumDurationRule = RuleOf<'minimum-duration'>;
export type OffTheJobRule = RuleOf<'off-the-job'>;
export type EnglishMathsRule = RuleOf<'english-and-maths'>;
export type MinimumDuration = MinimumDurationRule['versions'][number];
export type OffTheJob = OffTheJobRule['versions'][number];

/** A rule record is due a fresh check against its sources after this many days. */
export const RULE_CHECK_MAX_AGE_DAYS = 365;

/** A rule by id; content/rules.yaml's schema and checks guarantee each applied rule exists. */
export function ruleById<I extends RuleId>(rules: Pick<RulesFile, 'rules'>, id: I): RuleOf<I> {
  const rule = rules.rules.find((r): r is RuleOf<I> => r.id === id);
  if (!rule) throw new Error(`content/rules.yaml has no rule "${id}"`);
  return rule;
}

/** Whether a version applies to an apprentice who started on `startDate` (YYYY-MM-DD). */
export function appliesToStart(version: { from?: string | undefined; until?: string | undefined }, startDate: string): boolean {
  return (version.from === undefined || compareDates(startDate, version.from) >= 0) && (version.until === undefined || compareDates(startDate, version.until) < 0);
}

/** The version of a start-date rule in force for `startDate`. The content checks guarantee exactly one. */
export function versionForStart<V extends { from?: string | undefined; until?: string | undefined }>(versions: readonly V[], startDate: string): V {
  const version = versions.find((v) => appliesToStart(v, startDate));
  if (!version) throw new Error(`no rule version covers a start on ${startDate}`);
  return version;
}

/** Who a version applies to, in words: "apprentices who started before 1 August 2025". */
export function whoByStart(version: { from?: string | undefined; until?: string | undefined }): string {
  if (version.from && version.until) return `apprentices who started from ${formatDate(version.from)} to ${formatDate(addDays(version.until, -1))}`;
  if (version.until) return `apprentices who started before ${formatDate(version.until)}`;
  if (version.from) return `apprentices who started on or after ${formatDate(version.from)}`;
  return 'every apprentice';
}

/** The minimum time on programme for a start date, and the dates it gives. */
export interface TimeOnProgramme {
  version: MinimumDuration;
  /** The first date the minimum is complete. */
  earliest: string;
  /** Where the specification asks for longer (starts from 1 August 2025): the date that is complete. */
  specificationEarliest?: string;
}

export function timeOnProgramme(rule: MinimumDurationRule, startDate: string): TimeOnProgramme {
  const version = versionForStart(rule.versions, startDate);
  const earliest = addMonths(startDate, version.months);
  return version.stricterInSpecification !== undefined
    ? { version, earliest, specificationEarliest: addMonths(startDate, version.stricterInSpecification) }
    : { version, earliest };
}

/** Where a learner stands against the minimum time on programme today. */
export type TimeStanding =
  | { kind: 'complete'; months: number }
  | { kind: 'legal-minimum-only'; months: number; specificationMonths: number; specificationDate: string }
  | { kind: 'not-yet'; months: number; date: string; days: number };

export function timeStanding(time: TimeOnProgramme, today: string): TimeStanding {
  const { version, earliest, specificationEarliest } = time;
  if (compareDates(today, earliest) < 0) return { kind: 'not-yet', months: version.months, date: earliest, days: daysBetween(today, earliest) };
  if (specificationEarliest && compareDates(today, specificationEarliest) < 0) {
    return { kind: 'legal-minimum-only', months: version.months, specificationMonths: version.stricterInSpecification!, specificationDate: specificationEarliest };
  }
  return { kind: 'complete', months: specificationEarliest ? version.stricterInSpecification! : version.months };
}

/** The off-the-job rule for a start date. */
export function offTheJobFor(rule: OffTheJobRule, startDate: string): OffTheJob {
  return versionForStart(rule.versions, startDate);
}

/** The gateway question about off-the-job training, worded for the rule that applies. */
export function offTheJobQuestion(version: OffTheJob | undefined): string {
  if (!version) return 'Have you completed the off-the-job training your apprenticeship requires?';
  return version.measure === 'percent'
    ? `Has at least ${version.percent}% of your time on programme been off-the-job training?`
    : 'Have you completed the minimum off-the-job training hours in your training plan?';
}

/** The off-the-job requirement in a few words, for reasons and summaries. */
export function offTheJobShort(version: OffTheJob, plannedHours?: number): string {
  if (version.measure === 'percent') return `at least ${version.percent}% of your time on programme in off-the-job training`;
  return plannedHours ? `the ${plannedHours} off-the-job hours in your training plan` : 'the minimum off-the-job hours in your training plan';
}

/** The English and maths rule for an age band at the start. */
export function englishMathsFor(rule: EnglishMathsRule, ageAtStart: '16-18' | '19+') {
  const version = rule.versions.find((v) => v.ageAtStart === ageAtStart);
  if (!version) throw new Error(`no English and maths rule for ${ageAtStart}`);
  return version;
}

/** Whether a record's check is older than RULE_CHECK_MAX_AGE_DAYS on `today`. */
export function isCheckDue(checked: string, today: string): boolean {
  return daysBetween(checked, today) > RULE_CHECK_MAX_AGE_DAYS;
}

/** A source named by a rule or change: one of the seeds (sources.yaml) or one listed in rules.yaml. */
export type NamedSource = { id: string; title: string; publisher: string; url?: string | undefined; published?: string | undefined; updated?: string | undefined };

export function sourcesOf(ids: readonly string[], rules: Pick<RulesFile, 'sources'>, seeds: readonly Source[]): NamedSource[] {
  return ids.map((id) => {
    const found = rules.sources.find((s) => s.id === id) ?? seeds.find((s) => s.id === id);
    if (!found) throw new Error(`unknown source "${id}"`);
    return found;
  });
}

/** Changes, newest first. */
export function changesNewestFirst(rules: Pick<RulesFile, 'changes'>): Change[] {
  return [...rules.changes].sort((a, b) => compareDates(b.date, a.date));
}

/** The rules the eligibility checklist and planner apply, passed to islands as one small prop. */
export interface AppliedRules {
  minimumDuration: MinimumDurationRule;
  offTheJob: OffTheJobRule;
}

export function appliedRulesOf(rules: Pick<RulesFile, 'rules'>): AppliedRules {
  return { minimumDuration: ruleById(rules, 'minimum-duration'), offTheJob: ruleById(rules, 'off-the-job') };
}

/** The off-the-job rule for every start date in one phrase, for someone who has not given theirs. */
export function offTheJobInBrief(rule: OffTheJobRule): string {
  return rule.versions
    .map((version) => `${version.measure === 'percent' ? `at least ${version.percent}% of your time on programme` : 'the minimum off-the-job hours set for the standard, which your training plan gives'} (${whoByStart(version)})`)
    .join(', or ');
}
