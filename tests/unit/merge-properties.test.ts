/**
 * Property tests (fast-check) of the symmetric merge (imports use 'prefer-first', see ./merge-laws.ts): for every saved
 * feature, over any two valid values A and B, merged with `conflict: 'symmetric'`, merge(A, B) is
 * merge(B, A), merging twice changes nothing, no entry either holds is lost, and newer answers win
 * (./merge-laws.ts says how each is checked). The checklist, self-ratings, planner and report
 * helper are here; the features with lists kept to a limit (quiz, practice, evidence) are in
 * ./merge-properties-lists.test.ts, and the counterexamples they found in ./merge-examples.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EARLIER_ANSWERS, eligibilityFeature, OFF_THE_JOB_HOURS_MAX, OPPORTUNITY, type EligibilityAnswers } from '../../src/lib/eligibility';
import { plannerFeature, type PlannerData } from '../../src/lib/planner';
import { RATINGS, ratingsFeature, type Ratings } from '../../src/lib/ratings';
import { REPORT_LIMITS, reportFeature, type ReportData } from '../../src/lib/report';
import { FEATURES } from '../../src/lib/saved-progress';
import { dateArb, dictionaryOf, fieldAt, ksbCodeArb, listAt, mergeLaws, partial, recordAt, textArb, type Entries } from './merge-laws';

const RUNS = { numRuns: 300 };

it('covers every saved feature (quiz, practice and evidence in merge-properties-lists.test.ts)', () => {
  expect(FEATURES.map((f) => f.feature).sort()).toEqual(['eligibility', 'evidence', 'planner', 'practice', 'quiz', 'ratings', 'report']);
});

/* ─────────────────────────────── Eligibility ─────────────────────────────── */

const yesNo = fc.constantFrom('yes' as const, 'no' as const);
const yesNoUnsure = fc.constantFrom('yes' as const, 'no' as const, 'unsure' as const);

const eligibilityArb: fc.Arbitrary<EligibilityAnswers> = fc.record(
  {
    englishMaths: partial({ age: fc.constantFrom('16-18' as const, '19+' as const), level2: yesNo, ehcp: yesNo, bsl: yesNo }),
    role: partial({ mlRole: yesNoUnsure, employerSupport: yesNoUnsure, offTheJobTime: yesNoUnsure }),
    ksbs: dictionaryOf(ksbCodeArb, partial({ opportunity: fc.constantFrom(...OPPORTUNITY), canAlready: fc.boolean(), note: textArb, earlier: fc.constantFrom(...EARLIER_ANSWERS) })),
    gateway: partial({
      startDate: dateArb,
      offTheJobHoursPlanned: fc.integer({ min: 1, max: OFF_THE_JOB_HOURS_MAX }),
      offTheJob: yesNoUnsure,
      employerConfirms: yesNoUnsure,
      englishMathsEvidence: yesNoUnsure,
      scopingTitle: textArb,
      scopingSummary: textArb,
      scopingScope: textArb,
      unavailableDates: yesNo,
      reasonableAdjustments: yesNo,
      signatures: yesNo,
    }),
    summaryReviewed: fc.boolean(),
  },
  { requiredKeys: ['englishMaths', 'role', 'ksbs', 'gateway'], noNullPrototype: true },
) as fc.Arbitrary<EligibilityAnswers>;

/** Each answer of an object of answers ("gateway.startDate") is an entry of its own. */
const answersAt = (path: 'englishMaths' | 'role' | 'gateway', keys: readonly string[]): Array<Entries<EligibilityAnswers>> =>
  keys.map((key) => fieldAt(`${path}.${key}`, (d: EligibilityAnswers) => (d[path] as Record<string, unknown>)[key]));

describe('eligibility and gateway checklist: merge laws', () => {
  // No answer carries a time, so an answer both sides give differently is settled by the tie rule.
  mergeLaws(
    eligibilityFeature.shape,
    eligibilityArb,
    [
      ...answersAt('englishMaths', ['age', 'level2', 'ehcp', 'bsl']),
      ...answersAt('role', ['mlRole', 'employerSupport', 'offTheJobTime']),
      recordAt('ksbs', (d: EligibilityAnswers) => d.ksbs),
      ...answersAt('gateway', ['startDate', 'offTheJobHoursPlanned', 'offTheJob', 'employerConfirms', 'englishMathsEvidence', 'scopingTitle', 'scopingSummary', 'scopingScope', 'unavailableDates', 'reasonableAdjustments', 'signatures']),
      fieldAt('summaryReviewed', (d: EligibilityAnswers) => d.summaryReviewed),
    ],
    RUNS,
  );
});

/* ─────────────────────────────── Self-ratings ─────────────────────────────── */

const ratingsArb: fc.Arbitrary<Ratings> = fc.record({ ksbs: dictionaryOf(ksbCodeArb, partial({ rating: fc.constantFrom(...RATINGS), note: textArb, updated: dateArb })) }, { noNullPrototype: true });

describe('self-ratings: merge laws', () => {
  // A rating carries the day it last changed (`updated`): the one changed later wins.
  mergeLaws(ratingsFeature.shape, ratingsArb, [recordAt('ksbs', (d: Ratings) => d.ksbs, (e: Ratings['ksbs'][string]) => e.updated)], RUNS);
});

/* ─────────────────────────────── EPA planner ─────────────────────────────── */

const plannerArb: fc.Arbitrary<PlannerData> = partial({ startDate: dateArb, gatewayDate: dateArb, presentationDate: dateArb, outcomeDate: dateArb });

describe('EPA planner dates: merge laws', () => {
  mergeLaws(
    plannerFeature.shape,
    plannerArb,
    (['startDate', 'gatewayDate', 'presentationDate', 'outcomeDate'] as const).map((key) => fieldAt(key, (d: PlannerData) => d[key])),
    RUNS,
  );
});

/* ─────────────────────────────── AM1 report helper ─────────────────────────────── */

/** Ticked contents: items of the checklist (a few), each ticked once; sometimes more than the limit between two devices. */
const tickedArb = fc.oneof(
  fc.uniqueArray(fc.oneof(fc.constantFrom('Introduction', 'Project scope', 'Data', 'Model evaluation', 'Deployment', 'Reflection'), textArb), { maxLength: 6 }),
  fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { minLength: REPORT_LIMITS.checked / 2 - 5, maxLength: REPORT_LIMITS.checked }),
);

const reportArb: fc.Arbitrary<ReportData> = fc.record(
  { checked: tickedArb, text: fc.string({ maxLength: 40 }), mapping: dictionaryOf(ksbCodeArb, partial({ where: textArb, note: textArb })) },
  { requiredKeys: ['checked', 'mapping'], noNullPrototype: true },
) as fc.Arbitrary<ReportData>;

describe('AM1 report helper: merge laws', () => {
  mergeLaws(
    reportFeature.shape,
    reportArb,
    [listAt('checked', (d: ReportData) => d.checked, { limit: REPORT_LIMITS.checked }), fieldAt('text', (d: ReportData) => d.text), recordAt('mapping', (d: ReportData) => d.mapping)],
    // Ticked items are a set (the helper only asks whether an item is ticked) kept in the order
    // ticked; a symmetric merge gives them one fixed order, so merge(A, A) is A as a set.
    { ...RUNS, normalise: (d: ReportData) => ({ ...d, checked: [...d.checked].sort() }) },
  );
});
