/**
 * The EPA planner's date rules. Each date carries the rule it comes from, quoted from the EPA
 * specification, so the page can show why. Invalid or impossible input gives messages, never dates.
 */
import { z } from 'zod/mini';
import { addMonths, addWeeks, compareDates, dateError, daysBetween, endOfWeek, formatDate } from './dates';
import type { FeatureDefinition } from './storage/store';
import { savedDate } from './storage/saved-fields';
import { leaf, object, type ShapeValue } from './storage/shape';
import { ruleById, timeOnProgramme, whoByStart, type MinimumDurationRule, type RulesFile } from './rules';
import { beforeStandardWarning, earliestStartOf } from './standard';
import type { KeyFacts } from './content/schemas';

export interface PlannerRules {
  /** The minimum time on programme, by start date (content/rules.yaml). */
  minimumDuration: MinimumDurationRule;
  typicalEpaPeriodMonths: number;
  /** AM2 is at least this many weeks after the gateway is confirmed. */
  discussionWeeksAfterGateway: number;
  /** Report and presentation materials by the end of this week of the EPA period. */
  submissionWeek: number;
  /** Weeks' notice of the presentation date. */
  noticeWeeks: number;
  resitTypicalMonths: number;
  retakeTypicalMonths: number;
  deadlineMonths: number;
  projectReworkWeeks: number;
  /** The first day the standard takes starts (earliestStartOf): an earlier start is warned of. */
  earliestStart: string;
}

/** The planner's rules from the standard and the specification (one place, for every page that plans). */
export function plannerRulesOf(standard: {
  am1: { submissionDeadlineWeekOfEpa: number; noticeWeeks: number };
  am2: { earliestWeeksAfterGateway: number };
  content: {
    rules: Pick<RulesFile, 'rules'>;
    keyFacts: { typicalEpaPeriodMonths: number; versionLog: KeyFacts['versionLog'] };
    grading: { resits: { resitTypicalMonths: number; retakeTypicalMonths: number; deadlineMonths: number; projectReworkWeeks: number } };
  };
}): PlannerRules {
  const { rules, grading, keyFacts } = standard.content;
  return {
    minimumDuration: ruleById(rules, 'minimum-duration'),
    typicalEpaPeriodMonths: keyFacts.typicalEpaPeriodMonths,
    discussionWeeksAfterGateway: standard.am2.earliestWeeksAfterGateway,
    submissionWeek: standard.am1.submissionDeadlineWeekOfEpa,
    noticeWeeks: standard.am1.noticeWeeks,
    resitTypicalMonths: grading.resits.resitTypicalMonths,
    retakeTypicalMonths: grading.resits.retakeTypicalMonths,
    deadlineMonths: grading.resits.deadlineMonths,
    projectReworkWeeks: grading.resits.projectReworkWeeks,
    earliestStart: earliestStartOf(keyFacts),
  };
}

export interface PlannerInput {
  startDate?: string | undefined;
  gatewayDate?: string | undefined;
  presentationDate?: string | undefined;
  outcomeDate?: string | undefined;
}

export type RuleSource = 'gateway' | 'epaPeriod' | 'discussion' | 'submission' | 'notice' | 'resit' | 'retake' | 'deadline' | 'rework';

export interface PlannedDate {
  id: RuleSource | 'presentationDate' | 'plannedGateway';
  label: string;
  date: string;
  /** Which rule this comes from (the page quotes it). */
  rule: RuleSource;
  /** Why, where the rule applied is not the one the page quotes for this date (a rule that depends on the start date). */
  explanation?: string | undefined;
  /** Extra words, e.g. "typically" for dates the specification gives as typical. */
  qualifier?: 'typically' | 'no later than' | 'no earlier than' | undefined;
}

export interface PlannerResult {
  dates: PlannedDate[];
  errors: Array<{ field: keyof PlannerInput; message: string }>;
  warnings: string[];
}

export function plan(input: PlannerInput, rules: PlannerRules): PlannerResult {
  const errors: PlannerResult['errors'] = [];
  const warnings: string[] = [];
  const dates: PlannedDate[] = [];
  const valid = (field: keyof PlannerInput) => {
    const value = input[field];
    if (value === undefined || value === '') return undefined;
    const problem = dateError(value);
    if (problem) {
      errors.push({ field, message: problem });
      return undefined;
    }
    return value;
  };
  const start = valid('startDate');
  const gatewayIn = valid('gatewayDate');
  const presentation = valid('presentationDate');
  const outcome = valid('outcomeDate');

  if (!start) {
    if (!errors.some((e) => e.field === 'startDate')) errors.push({ field: 'startDate', message: 'Enter the date your apprenticeship started' });
    return { dates, errors, warnings };
  }

  const beforeStandard = beforeStandardWarning(start, rules.earliestStart);
  if (beforeStandard) warnings.push(beforeStandard);
  const time = timeOnProgramme(rules.minimumDuration, start);
  const earliestGateway = time.earliest;
  dates.push({
    id: 'gateway',
    label: 'Earliest gateway',
    date: earliestGateway,
    rule: 'gateway',
    qualifier: 'no earlier than',
    // For starts from 1 August 2025 the legal minimum is shorter than the specification's 12 months.
    explanation: time.specificationEarliest ? time.version.text : undefined,
  });
  if (time.specificationEarliest) {
    warnings.push(
      `For ${whoByStart(time.version)}, the legal minimum is ${time.version.months} months on programme (${formatDate(earliestGateway)}). The EPA specification says ${time.version.stricterInSpecification} months (${formatDate(time.specificationEarliest)}): ask your assessment organisation which applies to you.`,
    );
  }

  let gateway = earliestGateway;
  if (gatewayIn) {
    if (compareDates(gatewayIn, earliestGateway) < 0) {
      errors.push({ field: 'gatewayDate', message: `The gateway must be on or after the earliest gateway date: you need at least ${time.version.months} months on programme` });
    } else {
      gateway = gatewayIn;
      dates.push({ id: 'plannedGateway', label: 'Your planned gateway', date: gatewayIn, rule: 'gateway', explanation: dates[0]!.explanation });
    }
  }
  if (errors.length) return { dates, errors, warnings };

  const epaEnd = addMonths(gateway, rules.typicalEpaPeriodMonths);
  dates.push(
    { id: 'epaPeriod', label: 'End of the EPA period', date: epaEnd, rule: 'epaPeriod', qualifier: 'typically' },
    { id: 'discussion', label: 'Earliest professional discussion (AM2)', date: addWeeks(gateway, rules.discussionWeeksAfterGateway), rule: 'discussion', qualifier: 'no earlier than' },
    { id: 'submission', label: 'Project report and presentation materials due (AM1)', date: endOfWeek(gateway, rules.submissionWeek), rule: 'submission', qualifier: 'no later than' },
  );

  if (presentation) {
    if (compareDates(presentation, gateway) < 0) {
      errors.push({ field: 'presentationDate', message: 'The presentation must be after the gateway' });
    } else {
      if (compareDates(presentation, endOfWeek(gateway, rules.submissionWeek)) <= 0) {
        warnings.push('Your presentation date is on or before the deadline for submitting the report and presentation materials; check it with your assessment organisation.');
      }
      if (compareDates(presentation, epaEnd) > 0) warnings.push('Your presentation date is after the end of the typical EPA period.');
      dates.push(
        { id: 'presentationDate', label: 'Presentation with questions (AM1)', date: presentation, rule: 'notice' },
        { id: 'notice', label: 'You should be told the presentation date by', date: addWeeks(presentation, -rules.noticeWeeks), rule: 'notice', qualifier: 'no later than' },
      );
    }
  }

  if (outcome) {
    if (compareDates(outcome, gateway) < 0) {
      errors.push({ field: 'outcomeDate', message: 'The EPA outcome comes after the gateway' });
    } else {
      dates.push(
        { id: 'rework', label: 'Amended report due, if AM1 was failed', date: addWeeks(outcome, rules.projectReworkWeeks), rule: 'rework', qualifier: 'no later than' },
        { id: 'resit', label: 'Re-sit', date: addMonths(outcome, rules.resitTypicalMonths), rule: 'resit', qualifier: 'typically' },
        { id: 'retake', label: 'Re-take', date: addMonths(outcome, rules.retakeTypicalMonths), rule: 'retake', qualifier: 'typically' },
        { id: 'deadline', label: 'All re-sits and re-takes finished', date: addMonths(outcome, rules.deadlineMonths), rule: 'deadline', qualifier: 'no later than' },
      );
    }
  }
  dates.sort((a, b) => compareDates(a.date, b.date));
  return { dates, errors, warnings };
}

const plannerDate = leaf(() => z.optional(savedDate()), 'date');
export const plannerShape = object({ startDate: plannerDate, gatewayDate: plannerDate, presentationDate: plannerDate, outcomeDate: plannerDate });
export type PlannerData = ShapeValue<typeof plannerShape>;

/** The planner's dates, saved so the plan is there next time. */
export const plannerFeature: FeatureDefinition<PlannerData> = {
  feature: 'planner',
  label: 'EPA planner dates',
  version: 1,
  shape: plannerShape,
  defaults: () => ({}),
  describe: (p) => (p.startDate ? `start date ${formatDate(p.startDate)}` : 'no dates yet'),
};

/**
 * Where today falls in a plan (its dates in order): which dates have passed, the next one to come,
 * and `todayAt`, the place in the list where today falls (after every passed date, before the rest).
 */
export function planStanding(dates: readonly PlannedDate[], today: string) {
  const upcoming = dates.filter((d) => compareDates(d.date, today) >= 0);
  const next = upcoming[0];
  return {
    today,
    todayAt: dates.filter((d) => compareDates(d.date, today) < 0).length,
    isPassed: (d: PlannedDate) => compareDates(d.date, today) < 0,
    isToday: (d: PlannedDate) => compareDates(d.date, today) === 0,
    upcoming,
    next: next ? { date: next, days: daysBetween(today, next.date) } : undefined,
  };
}
