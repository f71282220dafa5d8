/**
 * The eligibility checklist's saved answers (st1398:v1:eligibility). Version 2 asks, for each KSB,
 * what the training provider actually asks: does your role give you the chance to develop and
 * evidence it before the end-point assessment? (Yes / With some changes to my role / No), with a
 * separate, optional "I can already do this" tick.
 */
import { z } from 'zod/mini';
import { savedDate, savedKsbCode, savedText } from '../storage/saved-fields';
import { lazySchema, leaf, object, record, type ShapeValue } from '../storage/shape';

const answer = <S extends z.ZodMiniType>(schema: () => S) => leaf(() => z.optional(schema()), 'answer');
const yesNo = answer(() => z.enum(['yes', 'no']));
const yesNoUnsure = answer(() => z.enum(['yes', 'no', 'unsure']));

/** Does your role give you the chance to develop and evidence this KSB before the EPA? */
export const OPPORTUNITY = ['yes', 'with-changes', 'no'] as const;
export type Opportunity = (typeof OPPORTUNITY)[number];
export const OPPORTUNITY_LABEL: Record<Opportunity, string> = { yes: 'Yes', 'with-changes': 'With some changes to my role', no: 'No' };

/** The answers of version 1 ("Can you evidence this KSB in your current role?"), kept after migration. */
export const EARLIER_ANSWERS = ['yes', 'partly', 'not-yet'] as const;
export type EarlierAnswer = (typeof EARLIER_ANSWERS)[number];
export const EARLIER_LABEL: Record<EarlierAnswer, string> = { yes: 'Yes', partly: 'Partly', 'not-yet': 'Not yet' };

/** The longest text each free-text answer takes (the fields enforce the same). */
export const ELIGIBILITY_TEXT_MAX = { ksbNote: 1000, scopingTitle: 300, scopingSummary: 3000, scopingScope: 3000 } as const;
const text = (max: number) => answer(() => savedText(max));
/** More off-the-job hours than any plan needs (a 24-month programme at 40 hours a week is about 4,000 hours). */
export const OFF_THE_JOB_HOURS_MAX = 5000;

const ksbEntry = lazySchema(() =>
  z.object({
    opportunity: z.optional(z.enum(OPPORTUNITY)),
    /** "I can already do this": for the gateway view and readiness, never for the applying verdict. */
    canAlready: z.optional(z.boolean()),
    note: z.optional(savedText(ELIGIBILITY_TEXT_MAX.ksbNote)),
    /** The answer given to version 1's question, kept so nothing the learner said is lost. */
    earlier: z.optional(z.enum(EARLIER_ANSWERS)),
  }),
);
export type KsbEntry = z.infer<ReturnType<typeof ksbEntry>>;

export const eligibilityShape = object({
  englishMaths: object({
    /** Age on the apprenticeship start date. */
    age: answer(() => z.enum(['16-18', '19+'])),
    level2: yesNo,
    /** Education, health and care plan or legacy statement. */
    ehcp: yesNo,
    /** British Sign Language is their primary language. */
    bsl: yesNo,
  }),
  role: object({
    mlRole: yesNoUnsure,
    employerSupport: yesNoUnsure,
    offTheJobTime: yesNoUnsure,
  }),
  ksbs: record(savedKsbCode, ksbEntry, 'KSB answer'),
  gateway: object({
    startDate: leaf(() => z.optional(savedDate()), 'start date'),
    /** The minimum off-the-job hours in the training plan (starts from 1 August 2025: the rule is in hours). */
    offTheJobHoursPlanned: leaf(() => z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(OFF_THE_JOB_HOURS_MAX))), 'off-the-job hours'),
    offTheJob: yesNoUnsure,
    employerConfirms: yesNoUnsure,
    englishMathsEvidence: yesNoUnsure,
    scopingTitle: text(ELIGIBILITY_TEXT_MAX.scopingTitle),
    scopingSummary: text(ELIGIBILITY_TEXT_MAX.scopingSummary),
    scopingScope: text(ELIGIBILITY_TEXT_MAX.scopingScope),
    unavailableDates: yesNo,
    reasonableAdjustments: yesNo,
    signatures: yesNo,
  }),
  summaryReviewed: leaf(() => z.optional(z.boolean()), 'answer'),
});
export type EligibilityAnswers = ShapeValue<typeof eligibilityShape>;

export function emptyAnswers(): EligibilityAnswers {
  return { englishMaths: {}, role: {}, ksbs: {}, gateway: {} };
}

/**
 * Version 1 → 2. The earlier question ("Can you evidence this KSB in your current role?") mixed
 * two things: whether the role gives the chance, and whether the learner can already do it. The
 * mapping keeps both where the answer tells them, and the earlier answer itself:
 * - Yes → the role gives the chance (Yes), and "I can already do this" is ticked;
 * - Partly → "With some changes to my role": it gives part of the chance, so no more is claimed;
 * - Not yet → unanswered: it cannot say whether the role gives the chance, so the learner is asked.
 * Notes are kept. An entry that cannot be read is carried over as it was (and set aside, kept).
 */
export const ELIGIBILITY_MIGRATION_NOTE =
  'This checklist now asks whether your role gives you the chance to develop and evidence each KSB, instead of whether you can evidence it already. Your earlier answers were carried over: “Yes” became “Yes” with “I can already do this” ticked; “Partly” became “With some changes to my role”; “Not yet” needs your new answer. Each earlier answer is still shown beside its KSB.';

export function migrateEligibilityV1(data: unknown): unknown {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return data;
  const { ksbs, ...rest } = data as { ksbs?: unknown };
  if (!ksbs || typeof ksbs !== 'object' || Array.isArray(ksbs)) return data;
  const next: Record<string, unknown> = {};
  for (const [code, entry] of Object.entries(ksbs)) {
    const { answer: old, ...others } = (entry ?? {}) as { answer?: unknown };
    if (old === undefined) next[code] = entry;
    else if (old === 'yes') next[code] = { ...others, opportunity: 'yes', canAlready: true, earlier: 'yes' };
    else if (old === 'partly') next[code] = { ...others, opportunity: 'with-changes', earlier: 'partly' };
    else if (old === 'not-yet') next[code] = { ...others, earlier: 'not-yet' };
    // An answer version 1 did not allow stays visible to the check, so it is set aside, not dropped.
    else next[code] = { ...others, earlier: old };
  }
  return { ...rest, ksbs: next };
}
