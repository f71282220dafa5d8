/** The gateway's time on programme: when the minimum months are complete. */
import { addMonths, isDateInRange } from '../dates';

/** The gateway rules the checklist applies (from the EPA specification, content/epa/requirements.yaml). */
export interface GatewayRules {
  minimumMonthsOnProgramme: number;
  minimumOffTheJobPercent: number;
}

/** The two numbers the checklist needs from the specification's gateway requirements. */
export function gatewayRulesOf(requirements: { gateway: GatewayRules }): GatewayRules {
  const { minimumMonthsOnProgramme, minimumOffTheJobPercent } = requirements.gateway;
  return { minimumMonthsOnProgramme, minimumOffTheJobPercent };
}

/** The first date on which the minimum time on programme has been completed. */
export function earliestGatewayDate(startDate: string, months: number): string | undefined {
  return isDateInRange(startDate) ? addMonths(startDate, months) : undefined;
}
