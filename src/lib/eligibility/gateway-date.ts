/** The gateway's time on programme: when the minimum months are complete, for a learner's start date. */
import { isDateInRange } from '../dates';
import { timeOnProgramme, type MinimumDurationRule, type TimeOnProgramme } from '../rules';

export type { AppliedRules } from '../rules';

/** The minimum time on programme for a start date, or undefined when the date is not a valid one. */
export function gatewayTimeFor(rule: MinimumDurationRule, startDate: string | undefined): TimeOnProgramme | undefined {
  return startDate !== undefined && isDateInRange(startDate) ? timeOnProgramme(rule, startDate) : undefined;
}
