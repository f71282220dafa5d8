/**
 * How the checklist's answers are kept (st1398:v1:eligibility): its own module, so that pages which
 * only read the answers into the learner model (progress, quiz, evidence, saved data) load the answers'
 * shape, not what the answers mean (./verdicts.ts and the rules it applies) (issue #20).
 */
import { formatDate } from '../dates';
import { plural } from '../format';
import type { FeatureDefinition } from '../storage/store';
import { eligibilityShape, emptyAnswers, migrateEligibilityV1, type EligibilityAnswers } from './answers';

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
