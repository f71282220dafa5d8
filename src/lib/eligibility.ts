/**
 * The eligibility and gateway-readiness checklist: its saved answers, and every rule that turns
 * them into statuses and results. The rules quote their sources in comments; the thresholds that
 * are this site's own judgement (what counts as "nearly") are named constants, stated on the page.
 */
import { z } from 'zod/mini';
import { addMonths, compareDates, daysBetween, formatDate, isDateInRange } from './dates';
import { plural, pluralWord } from './format';
import { savedDate, savedKsbCode, savedText } from './storage/saved-fields';
import { leaf, object, record } from './storage/shape';
import type { SectionId } from './eligibility-sections';
import type { FeatureDefinition } from './storage/store';

export type { SectionId };

/* ───────────────────────────── Saved answers ───────────────────────────── */

const answer = <S extends z.ZodMiniType>(schema: S) => leaf(z.optional(schema), 'answer');
const yesNo = answer(z.enum(['yes', 'no']));
const yesNoUnsure = answer(z.enum(['yes', 'no', 'unsure']));
export const KSB_ANSWERS = ['yes', 'partly', 'not-yet'] as const;
export type KsbAnswer = (typeof KSB_ANSWERS)[number];
/** The longest text each free-text answer takes (the fields enforce the same). */
export const ELIGIBILITY_TEXT_MAX = { ksbNote: 1000, scopingTitle: 300, scopingSummary: 3000, scopingScope: 3000 } as const;
const text = (max: number) => answer(savedText(max));

export const eligibilityShape = object({
  englishMaths: object({
    /** Age on the apprenticeship start date. */
    age: answer(z.enum(['16-18', '19+'])),
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
  ksbs: record(savedKsbCode, z.object({ answer: z.optional(z.enum(KSB_ANSWERS)), note: z.optional(savedText(ELIGIBILITY_TEXT_MAX.ksbNote)) }), 'KSB answer'),
  gateway: object({
    startDate: leaf(z.optional(savedDate), 'start date'),
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
  summaryReviewed: leaf(z.optional(z.boolean()), 'answer'),
});
export const eligibilitySchema = eligibilityShape.schema;

export type EligibilityAnswers = z.infer<typeof eligibilitySchema>;

export function emptyAnswers(): EligibilityAnswers {
  return { englishMaths: {}, role: {}, ksbs: {}, gateway: {} };
}

/* ──────────────────────────── Section statuses ──────────────────────────── */

/** GOV.UK task list statuses. */
export type SectionStatus = 'not-started' | 'in-progress' | 'completed' | 'cannot-start';

export const STATUS_LABEL: Record<SectionStatus, string> = {
  'not-started': 'Not yet started',
  'in-progress': 'In progress',
  completed: 'Completed',
  'cannot-start': 'Cannot start yet',
};

const filled = (value: unknown) => value !== undefined && value !== '' && value !== null;
const statusOf = (answered: number, total: number): SectionStatus =>
  answered === 0 ? 'not-started' : answered >= total ? 'completed' : 'in-progress';

/** The English and maths questions that apply to these answers (EHCP and BSL only matter without level 2). */
export function englishMathsQuestions(a: EligibilityAnswers['englishMaths']): Array<keyof EligibilityAnswers['englishMaths']> {
  return a.level2 === 'no' ? ['age', 'level2', 'ehcp', 'bsl'] : ['age', 'level2'];
}

export const GATEWAY_FIELDS = [
  'startDate',
  'offTheJob',
  'employerConfirms',
  'englishMathsEvidence',
  'scopingTitle',
  'scopingSummary',
  'scopingScope',
  'unavailableDates',
  'reasonableAdjustments',
  'signatures',
] as const satisfies ReadonlyArray<keyof EligibilityAnswers['gateway']>;

export function sectionStatuses(a: EligibilityAnswers, ksbCodes: readonly string[]): Record<SectionId, SectionStatus> {
  const em = englishMathsQuestions(a.englishMaths);
  const english = statusOf(em.filter((q) => filled(a.englishMaths[q])).length, em.length);
  const role = statusOf(Object.values(a.role).filter(filled).length, 3);
  const ksbs = statusOf(ksbCodes.filter((c) => a.ksbs[c]?.answer).length, ksbCodes.length);
  const gateway = statusOf(GATEWAY_FIELDS.filter((f) => filled(a.gateway[f]?.toString().trim())).length, GATEWAY_FIELDS.length);
  const othersDone = [english, role, ksbs, gateway].every((s) => s === 'completed');
  const summary: SectionStatus = !othersDone ? 'cannot-start' : a.summaryReviewed ? 'completed' : 'not-started';
  return { 'english-and-maths': english, role, ksbs, gateway, summary };
}

export function completedCount(statuses: Record<SectionId, SectionStatus>): number {
  return Object.values(statuses).filter((s) => s === 'completed').length;
}

/* ──────────────────────────── English and maths ──────────────────────────── */

export interface EnglishMathsResult {
  /** Which of the specification's two rules applies. */
  rule: 'aged16to18' | 'aged19plus' | undefined;
  /** What the person needs to do, in plain words. */
  outcome: 'met' | 'must-achieve' | 'exempt-by-agreement' | 'answer-questions';
  actions: string[];
}

/**
 * The EPA specification (May 2025) rule, by age on the start date:
 * - 16–18 without level 2 English and maths: must achieve it before the EPA; with an EHCP or legacy
 *   statement the minimum is Entry Level 3; BSL is an alternative to English for BSL users.
 * - 19+ without level 2: exempt, by prior agreement between apprentice and employer.
 */
export function englishMathsResult(a: EligibilityAnswers['englishMaths']): EnglishMathsResult {
  const rule = a.age === '16-18' ? 'aged16to18' : a.age === '19+' ? 'aged19plus' : undefined;
  if (!a.age || !a.level2) return { rule, outcome: 'answer-questions', actions: [] };
  if (a.level2 === 'yes') {
    return {
      rule,
      outcome: 'met',
      actions: ['Keep your level 2 English and maths certificates: they are evidence you submit at the gateway.'],
    };
  }
  if (a.age === '19+') {
    return {
      rule,
      outcome: 'exempt-by-agreement',
      actions: [
        'Agree the exemption with your employer before you start, and keep a record of it.',
        'At the gateway, submit confirmation that you are exempt from achieving English and maths qualifications.',
      ],
    };
  }
  const actions = [
    a.ehcp === 'yes'
      ? 'Achieve English and maths at Entry Level 3 or above before you take the end-point assessment (the minimum for those with an education, health and care plan or a legacy statement).'
      : 'Achieve level 2 English and maths before you take the end-point assessment.',
  ];
  if (a.bsl === 'yes') actions.push('A British Sign Language qualification can count instead of the English qualification, because BSL is your primary language.');
  actions.push('Ask your training provider how this will fit into your programme.');
  return { rule, outcome: 'must-achieve', actions };
}

/* ──────────────────────────────── Gateway ──────────────────────────────── */

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

/* ──────────────────────────────── Results ──────────────────────────────── */

export type Verdict = 'ready' | 'nearly' | 'not-yet';

export const VERDICT_LABEL: Record<Verdict, string> = { ready: 'Ready', nearly: 'Nearly ready', 'not-yet': 'Not ready yet' };

export interface Reason {
  /** Whether this reason holds the result back. */
  kind: 'blocker' | 'gap' | 'met';
  text: string;
}

export interface Assessment {
  verdict: Verdict;
  reasons: Reason[];
}

/**
 * This site's own thresholds for "nearly" (not the standard's: the employer and provider decide).
 * Applying: at most this many KSBs answered "Not yet", with none of the role questions answered "No".
 * Gateway: the 12 months fall due within this many days, and at most this many KSBs are not "Yes".
 */
export const NEARLY = { maxKsbsNotYetToApply: 7, gatewayWithinDays: 92, maxKsbGapsAtGateway: 3 } as const;

export interface KsbCounts {
  yes: number;
  partly: number;
  notYet: number;
  unanswered: number;
}

export function ksbCounts(a: EligibilityAnswers, codes: readonly string[]): KsbCounts {
  const counts: KsbCounts = { yes: 0, partly: 0, notYet: 0, unanswered: 0 };
  for (const code of codes) {
    const answer = a.ksbs[code]?.answer;
    if (answer === 'yes') counts.yes++;
    else if (answer === 'partly') counts.partly++;
    else if (answer === 'not-yet') counts.notYet++;
    else counts.unanswered++;
  }
  return counts;
}

/** KSBs answered "Partly" or "Not yet", in the given order: the gaps to work on. */
export function ksbGaps(a: EligibilityAnswers, codes: readonly string[]): Array<{ code: string; answer: 'partly' | 'not-yet'; note?: string }> {
  return codes.flatMap((code) => {
    const entry = a.ksbs[code];
    return entry?.answer === 'partly' || entry?.answer === 'not-yet'
      ? [{ code, answer: entry.answer, ...(entry.note ? { note: entry.note } : {}) }]
      : [];
  });
}

/** Per role question: the reason when answered yes, when unsure or unanswered, and when no. */
const ROLE_QUESTIONS: Array<[keyof EligibilityAnswers['role'], string, string, string]> = [
  [
    'mlRole',
    'You work in a machine learning engineering role.',
    'Check whether your role is a machine learning engineering role (compare it with the typical job titles).',
    'You are not in a machine learning engineering role yet: the apprenticeship is for people doing this job.',
  ],
  [
    'employerSupport',
    'Your employer will support the apprenticeship.',
    'Check that your employer will support the apprenticeship.',
    'Your employer has not agreed to support the apprenticeship: an employer is required.',
  ],
  [
    'offTheJobTime',
    'You will have time for off-the-job training.',
    'Check that you will have time for off-the-job training.',
    'You do not have time for off-the-job training: it is a requirement of every apprenticeship.',
  ],
];

/** Whether someone is ready to apply: they are in the role, with an employer, and can evidence the KSBs. */
export function applicationReadiness(a: EligibilityAnswers, codes: readonly string[]): Assessment {
  const reasons: Reason[] = [];
  for (const [key, met, check, blocker] of ROLE_QUESTIONS) {
    const answer = a.role[key];
    if (answer === 'yes') reasons.push({ kind: 'met', text: met });
    else if (answer === 'no') reasons.push({ kind: 'blocker', text: blocker });
    else reasons.push({ kind: 'gap', text: check });
  }
  const counts = ksbCounts(a, codes);
  if (counts.yes === codes.length) reasons.push({ kind: 'met', text: `You can evidence all ${codes.length} KSBs in your current role.` });
  else {
    if (counts.notYet > NEARLY.maxKsbsNotYetToApply) reasons.push({ kind: 'blocker', text: `${counts.notYet} KSBs are "Not yet": too many to evidence in your current role.` });
    else if (counts.notYet > 0) reasons.push({ kind: 'gap', text: `${plural(counts.notYet, 'KSB')} ${pluralWord(counts.notYet, 'is', 'are')} "Not yet".` });
    if (counts.partly > 0) reasons.push({ kind: 'gap', text: `${plural(counts.partly, 'KSB')} ${pluralWord(counts.partly, 'is', 'are')} "Partly".` });
    if (counts.unanswered > 0) reasons.push({ kind: 'gap', text: `${plural(counts.unanswered, 'KSB')} ${pluralWord(counts.unanswered, 'is', 'are')} not answered yet.` });
  }
  const em = englishMathsResult(a.englishMaths);
  if (em.outcome === 'must-achieve') reasons.push({ kind: 'gap', text: 'You will need to achieve English and maths before the end-point assessment (you can still apply).' });
  if (em.outcome === 'answer-questions') reasons.push({ kind: 'gap', text: 'Answer the English and maths questions.' });
  return { verdict: verdictOf(reasons), reasons };
}

/**
 * Whether an apprentice is ready for the EPA gateway (EPA specification, "EPA Gateway"): at least
 * 12 months on programme, at least 20% off-the-job training, the employer's confirmation, English and
 * maths evidence or exemption, the gateway form and the project scoping document.
 */
export function gatewayReadiness(a: EligibilityAnswers, codes: readonly string[], today: string, rules: GatewayRules): Assessment {
  const g = a.gateway;
  const reasons: Reason[] = [];
  const months = `${rules.minimumMonthsOnProgramme} months on programme`;
  const offTheJob = `${rules.minimumOffTheJobPercent}%`;
  const earliest = g.startDate ? earliestGatewayDate(g.startDate, rules.minimumMonthsOnProgramme) : undefined;
  if (!earliest) reasons.push({ kind: 'gap', text: `Enter your apprenticeship start date to see when you complete ${months}.` });
  else if (compareDates(today, earliest) >= 0) reasons.push({ kind: 'met', text: `You have completed at least ${months}.` });
  else {
    const days = daysBetween(today, earliest);
    reasons.push({
      kind: days <= NEARLY.gatewayWithinDays ? 'gap' : 'blocker',
      text: `You complete ${months} on ${formatDate(earliest)} (in ${plural(days, 'day')}).`,
    });
  }
  const check = (answer: 'yes' | 'no' | 'unsure' | undefined, met: string, missing: string, hard = false) => {
    if (answer === 'yes') reasons.push({ kind: 'met', text: met });
    else reasons.push({ kind: answer === 'no' && hard ? 'blocker' : 'gap', text: missing });
  };
  check(g.offTheJob, `At least ${offTheJob} of your programme has been off-the-job training.`, `At least ${offTheJob} of your time on programme must be off-the-job training.`, true);
  check(g.employerConfirms, 'Your employer confirms you are working at or above the occupational standard.', 'Your employer must confirm that you are working at or above the occupational standard: the employer makes this decision.');
  check(g.englishMathsEvidence, 'You have evidence of English and maths, or confirmation of your exemption.', 'Gather your English and maths certificates, or confirmation that you are exempt.');
  const scoping = [g.scopingTitle, g.scopingSummary, g.scopingScope].every((s) => filled(s?.trim()));
  reasons.push(
    scoping
      ? { kind: 'met', text: 'Your project scoping document has a title, summary and scope.' }
      : { kind: 'gap', text: 'Write your project scoping document: the project’s title, summary and scope.' },
  );
  const form = [g.unavailableDates, g.reasonableAdjustments, g.signatures];
  if (form.every((x) => x === 'yes')) reasons.push({ kind: 'met', text: 'Your gateway form is complete.' });
  else reasons.push({ kind: 'gap', text: 'Complete the gateway form: dates you are unavailable, any reasonable adjustments, and the confirmation signatures.' });
  const counts = ksbCounts(a, codes);
  const notYes = codes.length - counts.yes;
  if (notYes === 0) reasons.push({ kind: 'met', text: `You can evidence all ${codes.length} KSBs.` });
  else reasons.push({ kind: notYes <= NEARLY.maxKsbGapsAtGateway ? 'gap' : 'blocker', text: `${plural(notYes, 'KSB')} ${pluralWord(notYes, 'is', 'are')} not yet fully evidenced.` });
  return { verdict: verdictOf(reasons), reasons };
}

function verdictOf(reasons: Reason[]): Verdict {
  if (reasons.some((r) => r.kind === 'blocker')) return 'not-yet';
  if (reasons.some((r) => r.kind === 'gap')) return 'nearly';
  return 'ready';
}

/* ──────────────────────────────── Storage ──────────────────────────────── */

export const eligibilityFeature: FeatureDefinition<EligibilityAnswers> = {
  feature: 'eligibility',
  label: 'Eligibility and gateway checklist',
  version: 1,
  shape: eligibilityShape,
  defaults: emptyAnswers,
  describe: (a) => {
    const answered = Object.values(a.ksbs).filter((k) => k.answer).length;
    return `${plural(answered, 'KSB')} answered${a.gateway.startDate ? `, start date ${formatDate(a.gateway.startDate)}` : ''}`;
  },
};
