/**
 * The eligibility and gateway-readiness checklist: its saved answers (./answers.ts), the English and
 * maths rule (./english-maths.ts), the gateway's time on programme (./gateway-date.ts), what the
 * answers mean (./verdicts.ts) and its sections (./sections.ts).
 */
import { formatDate } from '../dates';
import { plural } from '../format';
import type { FeatureDefinition } from '../storage/store';
import { eligibilityShape, emptyAnswers, migrateEligibilityV1, type EligibilityAnswers } from './answers';

export * from './answers';
export * from './english-maths';
export * from './gateway-date';
export * from './sections';
export * from './verdicts';

export const eligibilityFeature: FeatureDefinition<EligibilityAnswers> = {
  feature: 'eligibility',
  label: 'Eligibility and gateway checklist',
  version: 2,
  shape: eligibilityShape,
  defaults: emptyAnswers,
  migrations: { 1: migrateEligibilityV1 },
  describe: (a) => {
    const answered = Object.values(a.ksbs).filter((k) => k.opportunity).length;
    return `${plural(answered, 'KSB')} answered${a.gateway.startDate ? `, start date ${formatDate(a.gateway.startDate)}` : ''}`;
  },
};
