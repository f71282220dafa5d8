/**
 * Readiness for the end-point assessment, worked out from three signals per KSB: the learner's
 * self-rating, their answer in the eligibility checklist ("can you evidence it in your current
 * role?") and their quiz mastery. The rules are deliberately simple so they can be stated on the
 * page (and they are: see /progress/):
 *
 * A KSB is
 * - "ready" when it is rated "Can evidence it" or "Confident", and its quiz mastery, if it has been
 *   practised, is at least 60%;
 * - "needs work" when it is rated "Not started" or "Developing", or practised with mastery below 60%,
 *   or marked "Not yet" in the eligibility checklist;
 * - "no signal yet" when it has not been rated or practised, and the checklist says nothing against it.
 *
 * A theme (or a method) is "ready" when all its KSBs are ready, "nearly ready" when at least 60% are,
 * and "not ready yet" otherwise.
 */
import type { KsbAnswer } from './eligibility';
import { WEAK_BELOW } from './quiz/engine';
import type { Rating } from './ratings';
import { plural } from './format';

export interface KsbSignals {
  code: string;
  rating?: Rating | undefined;
  evidence?: KsbAnswer | undefined;
  /** 0–1, or undefined when the KSB has not been practised in quizzes. */
  mastery?: number | undefined;
}

export type KsbReadiness = 'ready' | 'needs-work' | 'no-signal';
export type GroupReadiness = 'ready' | 'nearly' | 'not-yet';

export const KSB_READINESS_LABEL: Record<KsbReadiness, string> = { ready: 'Ready', 'needs-work': 'Needs work', 'no-signal': 'No signal yet' };
export const GROUP_READINESS_LABEL: Record<GroupReadiness, string> = { ready: 'Ready', nearly: 'Nearly ready', 'not-yet': 'Not ready yet' };
export const NEARLY_SHARE = 0.6;

export function ksbReadiness(s: KsbSignals): KsbReadiness {
  const practisedWeak = s.mastery !== undefined && s.mastery < WEAK_BELOW;
  if (s.rating === 'not-started' || s.rating === 'developing' || practisedWeak || s.evidence === 'not-yet') return 'needs-work';
  if (s.rating === 'confident' || s.rating === 'evidence') return 'ready';
  return 'no-signal';
}

export interface GroupAssessment {
  status: GroupReadiness;
  ready: number;
  total: number;
  /** Plain reasons, most important first: "3 KSBs not yet rated", "1 below 60% in quizzes". */
  reasons: string[];
}


export function groupReadiness(signals: readonly KsbSignals[]): GroupAssessment {
  const states = signals.map((s) => ({ s, r: ksbReadiness(s) }));
  const ready = states.filter((x) => x.r === 'ready').length;
  const total = signals.length;
  const share = total === 0 ? 0 : ready / total;
  const status: GroupReadiness = ready === total ? 'ready' : share >= NEARLY_SHARE ? 'nearly' : 'not-yet';
  const unrated = signals.filter((s) => !s.rating).length;
  const low = signals.filter((s) => s.rating === 'not-started' || s.rating === 'developing').length;
  const weakQuiz = signals.filter((s) => s.mastery !== undefined && s.mastery < WEAK_BELOW).length;
  const notPractised = signals.filter((s) => s.mastery === undefined).length;
  const notYet = signals.filter((s) => s.evidence === 'not-yet').length;
  const reasons = [
    weakQuiz && `${plural(weakQuiz, 'KSB', 'KSBs')} below 60% in quizzes`,
    low && `${plural(low, 'KSB', 'KSBs')} rated not started or developing`,
    notYet && `${plural(notYet, 'KSB', 'KSBs')} marked “not yet” in the eligibility checklist`,
    unrated && `${plural(unrated, 'KSB', 'KSBs')} not yet rated`,
    notPractised && `${plural(notPractised, 'KSB', 'KSBs')} not yet practised in quizzes`,
  ].filter((r): r is string => Boolean(r));
  if (reasons.length === 0) reasons.push(`All ${total} KSBs rated confident or better, with quiz mastery of at least 60%`);
  return { status, ready, total, reasons };
}

export interface NextStep {
  code: string;
  /** What to do, in a few words. */
  action: string;
  /** Why it helps. */
  why: string;
}

/**
 * The few KSBs that would raise readiness most: those in the groups closest to the next level
 * (fewest KSBs left to be ready), taking first the quickest fixes: an unrated KSB, then a weak quiz
 * score, then a low rating.
 */
export function nextSteps(groups: ReadonlyArray<{ name: string; signals: readonly KsbSignals[] }>, limit = 5): NextStep[] {
  const candidates: Array<NextStep & { weight: number }> = [];
  for (const group of groups) {
    const assessment = groupReadiness(group.signals);
    const remaining = assessment.total - assessment.ready;
    for (const s of group.signals) {
      if (ksbReadiness(s) === 'ready') continue;
      const closing = remaining === 1 ? `it is the last KSB ${group.name} needs` : `${group.name} has ${remaining} KSBs still to get ready`;
      let step: NextStep & { weight: number };
      if (!s.rating && s.mastery === undefined) step = { code: s.code, action: 'Rate it and take its quiz', why: `No signal yet; ${closing}.`, weight: 0 };
      else if (s.mastery !== undefined && s.mastery < WEAK_BELOW) step = { code: s.code, action: 'Revise it and retake its quiz', why: `Quiz mastery is ${Math.round(s.mastery * 100)}%; ${closing}.`, weight: 1 };
      else if (!s.rating) step = { code: s.code, action: 'Rate your confidence', why: `Not rated yet; ${closing}.`, weight: 0.5 };
      else step = { code: s.code, action: 'Gather evidence from your work', why: `Rated ${s.rating === 'developing' ? 'developing' : 'not started'}; ${closing}.`, weight: 2 };
      candidates.push({ ...step, weight: step.weight + remaining * 3 });
    }
  }
  return candidates
    .sort((a, b) => a.weight - b.weight)
    .slice(0, limit)
    .map(({ code, action, why }) => ({ code, action, why }));
}
