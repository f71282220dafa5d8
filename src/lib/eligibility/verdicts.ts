/**
 * What the checklist's answers mean: each section's status, whether someone can apply, and whether
 * they are ready for the gateway. The thresholds that are this site's own judgement (NEARLY) are
 * named here and stated on the page.
 *
 * The applying verdict follows what the training provider asks: can the learner develop and
 * evidence each KSB in their role before the end-point assessment? The specification sets no
 * pre-requisite knowledge or skills, so not yet having a skill never counts against an applicant.
 */
import { formatDate } from '../dates';
import { plural, pluralWord } from '../format';
import type { EligibilityAnswers, Opportunity } from './answers';
import { englishMathsQuestions, englishMathsResult } from './english-maths';
import { gatewayTimeFor } from './gateway-date';
import { offTheJobFor, offTheJobShort, timeStanding, whoByStart, type AppliedRules } from '../rules';
import type { SectionId } from './sections';

/* ──────────────────────────── Section statuses ──────────────────────────── */

/** GOV.UK task list statuses. */
export type SectionStatus = 'not-started' | 'in-progress' | 'completed';

export const STATUS_LABEL: Record<SectionStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  completed: 'Completed',
};

const filled = (value: unknown) => value !== undefined && value !== '' && value !== null;
const statusOf = (answered: number, total: number): SectionStatus =>
  answered === 0 ? 'not-started' : answered >= total ? 'completed' : 'in-progress';

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
  const ksbs = statusOf(ksbCodes.filter((c) => a.ksbs[c]?.opportunity).length, ksbCodes.length);
  const gateway = statusOf(GATEWAY_FIELDS.filter((f) => filled(a.gateway[f]?.toString().trim())).length, GATEWAY_FIELDS.length);
  const started = [english, role, ksbs, gateway].some((s) => s !== 'not-started');
  const summary: SectionStatus = a.summaryReviewed ? 'completed' : started ? 'in-progress' : 'not-started';
  return { 'english-and-maths': english, role, ksbs, gateway, summary };
}

export function completedCount(statuses: Record<SectionId, SectionStatus>): number {
  return Object.values(statuses).filter((s) => s === 'completed').length;
}

/* ──────────────────────────────── Results ──────────────────────────────── */

/**
 * Never more than the answers show: nothing answered is "not started", some questions unanswered
 * is "not finished" (never "nearly"), and only a complete set of answers can be nearly or ready.
 */
export type Verdict = 'not-started' | 'incomplete' | 'ready' | 'nearly' | 'not-yet';

export const VERDICT_LABEL: Record<Verdict, string> = {
  'not-started': 'Not started',
  incomplete: 'Not finished',
  ready: 'Ready',
  nearly: 'Nearly ready',
  'not-yet': 'Not ready yet',
};

/** How each kind of reason is introduced where a verdict's reasons are listed. */
export const REASON_PREFIX = { blocker: 'To resolve: ', gap: 'To do: ', unanswered: 'Not answered: ', met: 'Done: ' } as const;

export interface Reason {
  /** Whether this reason holds the result back: a blocker, something to do, an unanswered question, or met. */
  kind: 'blocker' | 'gap' | 'unanswered' | 'met';
  text: string;
}

export interface Assessment {
  verdict: Verdict;
  reasons: Reason[];
}

/**
 * This site's own thresholds for "nearly" (not the standard's: the employer and provider decide).
 * Applying: at most this many KSBs the role gives no chance to evidence (the employer may be able
 * to arrange them), with no role question answered "No".
 * Gateway: the minimum months fall due within this many days, and at most this many KSBs are not
 * yet ones the learner says they can already do.
 */
export const NEARLY = { maxKsbsWithoutChanceToApply: 5, gatewayWithinDays: 92, maxKsbGapsAtGateway: 3 } as const;

export interface OpportunityCounts {
  yes: number;
  withChanges: number;
  no: number;
  unanswered: number;
  /** Ticked "I can already do this" (whatever the role offers). */
  canAlready: number;
}

export function opportunityCounts(a: EligibilityAnswers, codes: readonly string[]): OpportunityCounts {
  const counts: OpportunityCounts = { yes: 0, withChanges: 0, no: 0, unanswered: 0, canAlready: 0 };
  for (const code of codes) {
    const entry = a.ksbs[code];
    if (entry?.opportunity === 'yes') counts.yes++;
    else if (entry?.opportunity === 'with-changes') counts.withChanges++;
    else if (entry?.opportunity === 'no') counts.no++;
    else counts.unanswered++;
    if (entry?.canAlready) counts.canAlready++;
  }
  return counts;
}

/** KSBs whose role answer is "With some changes" or "No", in the given order: what to raise with the employer. */
export function ksbGaps(a: EligibilityAnswers, codes: readonly string[]): Array<{ code: string; opportunity: Exclude<Opportunity, 'yes'>; note?: string }> {
  return codes.flatMap((code) => {
    const entry = a.ksbs[code];
    return entry?.opportunity === 'with-changes' || entry?.opportunity === 'no'
      ? [{ code, opportunity: entry.opportunity, ...(entry.note ? { note: entry.note } : {}) }]
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

const listOf = (codes: string[]) => (codes.length <= 8 ? codes.join(', ') : `${codes.slice(0, 8).join(', ')} and ${codes.length - 8} more`);

/** Whether someone can apply: the role, the employer, time to train, and the chance to evidence each KSB. */
export function applicationReadiness(a: EligibilityAnswers, codes: readonly string[]): Assessment {
  const roleAnswered = Object.values(a.role).some(filled);
  const counts = opportunityCounts(a, codes);
  const emAnswered = Object.values(a.englishMaths).some(filled);
  if (!roleAnswered && counts.unanswered === codes.length && !emAnswered) {
    return { verdict: 'not-started', reasons: [{ kind: 'gap', text: 'Answer the questions about your role, English and maths and the KSBs to see whether the apprenticeship fits you.' }] };
  }
  const reasons: Reason[] = [];
  for (const [key, met, check, blocker] of ROLE_QUESTIONS) {
    const answer = a.role[key];
    if (answer === 'yes') reasons.push({ kind: 'met', text: met });
    else if (answer === 'no') reasons.push({ kind: 'blocker', text: blocker });
    else reasons.push({ kind: answer === undefined ? 'unanswered' : 'gap', text: check });
  }
  const noChance = codes.filter((c) => a.ksbs[c]?.opportunity === 'no');
  const withChanges = codes.filter((c) => a.ksbs[c]?.opportunity === 'with-changes');
  if (counts.yes === codes.length) reasons.push({ kind: 'met', text: `Your role gives you the chance to develop and evidence all ${codes.length} KSBs.` });
  if (noChance.length) {
    reasons.push({
      kind: noChance.length > NEARLY.maxKsbsWithoutChanceToApply ? 'blocker' : 'gap',
      text: `Your role gives you no chance to evidence ${plural(noChance.length, 'KSB')} (${listOf(noChance)}). Ask your employer whether they can arrange it, for example through a project, a secondment or a change of duties.`,
    });
  }
  if (withChanges.length) {
    reasons.push({ kind: 'gap', text: `${plural(withChanges.length, 'KSB')} ${pluralWord(withChanges.length, 'needs', 'need')} some changes to your role (${listOf(withChanges)}): agree them with your employer before you start.` });
  }
  if (counts.unanswered > 0) reasons.push({ kind: 'unanswered', text: `${plural(counts.unanswered, 'KSB')} not answered yet.` });
  const em = englishMathsResult(a.englishMaths);
  if (em.outcome === 'must-achieve') reasons.push({ kind: 'gap', text: 'You will need to achieve English and maths before the end-point assessment (you can still apply).' });
  if (em.outcome === 'answer-questions') reasons.push({ kind: 'unanswered', text: 'Answer the English and maths questions.' });
  return { verdict: verdictOf(reasons), reasons };
}

/**
 * Whether an apprentice is ready for the EPA gateway (EPA specification, "EPA Gateway"): the
 * minimum months on programme, the off-the-job training, the employer's confirmation, English and
 * maths evidence or exemption, the gateway form and the project scoping document, and the KSBs the
 * apprentice says they can already do.
 */
export function gatewayReadiness(a: EligibilityAnswers, codes: readonly string[], today: string, rules: AppliedRules): Assessment {
  const g = a.gateway;
  const counts = opportunityCounts(a, codes);
  if (!Object.values(g).some(filled) && counts.canAlready === 0) {
    return { verdict: 'not-started', reasons: [{ kind: 'gap', text: 'Answer the gateway questions when you are getting close to the end-point assessment.' }] };
  }
  const reasons: Reason[] = [];
  // The minimum time on programme and the off-the-job rule both depend on the start date.
  const time = gatewayTimeFor(rules.minimumDuration, g.startDate);
  if (!time) reasons.push({ kind: 'unanswered', text: 'Enter your apprenticeship start date to see when you complete the minimum time on programme.' });
  else {
    const standing = timeStanding(time, today);
    if (standing.kind === 'complete') reasons.push({ kind: 'met', text: `You have completed at least ${standing.months} months on programme.` });
    else if (standing.kind === 'legal-minimum-only') {
      reasons.push({
        kind: 'gap',
        text: `You have completed the minimum of ${standing.months} months for ${whoByStart(time.version)}, but the EPA specification says ${standing.specificationMonths} months (${formatDate(standing.specificationDate)}): ask your assessment organisation which applies to you.`,
      });
    } else {
      reasons.push({
        kind: standing.days <= NEARLY.gatewayWithinDays ? 'gap' : 'blocker',
        text: `You complete ${standing.months} months on programme on ${formatDate(standing.date)} (in ${plural(standing.days, 'day')}).`,
      });
    }
  }
  const otj = time ? offTheJobFor(rules.offTheJob, g.startDate!) : undefined;
  const requirement = otj ? offTheJobShort(otj, g.offTheJobHoursPlanned) : 'the off-the-job training your apprenticeship requires';
  const check = (answer: 'yes' | 'no' | 'unsure' | undefined, met: string, missing: string, hard = false) => {
    if (answer === 'yes') reasons.push({ kind: 'met', text: met });
    else reasons.push({ kind: answer === undefined ? 'unanswered' : answer === 'no' && hard ? 'blocker' : 'gap', text: missing });
  };
  check(g.offTheJob, `You have completed ${requirement}.`, `Before the gateway you must complete ${requirement}.`, true);
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
  else reasons.push({ kind: form.some((x) => x === undefined) ? 'unanswered' : 'gap', text: 'Complete the gateway form: dates you are unavailable, any reasonable adjustments, and the confirmation signatures.' });
  const notYet = codes.length - counts.canAlready;
  // The learner's own view, and it says so: only quiz answers make a KSB secure on the progress page.
  if (notYet === 0) reasons.push({ kind: 'met', text: `You say you can already do all ${codes.length} KSBs (your own view: your progress page shows which your quiz answers bear out).` });
  else if (counts.canAlready === 0) {
    reasons.push({ kind: 'unanswered', text: 'In the KSB section, tick “I can already do this” for each KSB you can now do.' });
  } else {
    reasons.push({
      kind: notYet <= NEARLY.maxKsbGapsAtGateway ? 'gap' : 'blocker',
      text: `${plural(notYet, 'KSB')} not yet ticked “I can already do this” (you have ticked ${counts.canAlready} of ${codes.length}).`,
    });
  }
  return { verdict: verdictOf(reasons), reasons };
}

function verdictOf(reasons: Reason[]): Verdict {
  if (reasons.some((r) => r.kind === 'blocker')) return 'not-yet';
  if (reasons.some((r) => r.kind === 'unanswered')) return 'incomplete';
  if (reasons.some((r) => r.kind === 'gap')) return 'nearly';
  return 'ready';
}
