/**
 * What to do next, ordered by need, each with its reason and a link that starts the right action:
 * 1. questions answered wrong while certain (the most dangerous gaps before a discussion),
 * 2. questions answered wrong, 3. KSBs rated Not started or Developing, 4. questions due for
 * review, 5. KSBs whose answers bear them out but which want a work example for the discussion,
 * 6. KSBs never tried. Within each, KSBs of the method assessed first come first (from the
 * planner's dates, where saved), then the standard's order. At most MAX_NEXT_STEPS.
 */
import { plural } from '../format';
import type { MethodId } from '../content/schemas';
import { RATING_LABEL } from '../rating-scale';
import type { KsbState, LearnerModel } from './model';
import { MAX_NEXT_STEPS } from './thresholds';

export type StepKind = 'certain-wrong' | 'wrong' | 'low-rating' | 'due' | 'example' | 'untried';
/** Where the step's link goes: a part of the KSB's page, or a new entry for it in the evidence log. */
export type StepTarget = 'quiz' | 'notes' | 'rating' | 'evidence';

export interface NextStep {
  code: string;
  kind: StepKind;
  action: string;
  why: string;
  target: StepTarget;
}

const ORDER: StepKind[] = ['certain-wrong', 'wrong', 'low-rating', 'due', 'example', 'untried'];

function stepFor(s: KsbState): NextStep | undefined {
  const q = s.quiz;
  if (q.certainWrong.length) {
    return { code: s.code, kind: 'certain-wrong', target: 'quiz', action: 'Retake its quiz', why: `You were certain of ${plural(q.certainWrong.length, 'answer')}, but wrong: the most important gap to close before an assessor asks.` };
  }
  if (q.wrong.length) return { code: s.code, kind: 'wrong', target: 'quiz', action: 'Retake its quiz', why: `${plural(q.wrong.length, 'question')} last answered wrong.` };
  if (s.rating === 'not-started' || s.rating === 'developing') {
    return { code: s.code, kind: 'low-rating', target: 'notes', action: 'Read its revision notes', why: `You rated it ${RATING_LABEL[s.rating]}.` };
  }
  if (q.due) return { code: s.code, kind: 'due', target: 'quiz', action: 'Review its questions', why: `${plural(q.due, 'question')} due for review today.` };
  if (s.awaitsExample) {
    return { code: s.code, kind: 'example', target: 'evidence', action: 'Log a work example', why: 'Your answers bear it out; the professional discussion asks for a real example from your work.' };
  }
  if (q.tried === 0 && q.bank > 0) return { code: s.code, kind: 'untried', target: 'quiz', action: 'Try its quiz', why: 'None of its questions tried yet.' };
  return undefined;
}

export interface NextStepOptions {
  /** Each KSB's assessment method, and the methods in the order the learner meets them. */
  methodOf: ReadonlyMap<string, MethodId>;
  methodsFirst?: readonly MethodId[] | undefined;
  /** The standard's order of KSB codes. */
  order: readonly string[];
  limit?: number;
}

export function nextSteps(model: LearnerModel, options: NextStepOptions): NextStep[] {
  const methodRank = (code: string) => {
    const m = options.methodOf.get(code);
    const i = m && options.methodsFirst ? options.methodsFirst.indexOf(m) : -1;
    return i === -1 ? 0 : i;
  };
  const position = new Map(options.order.map((c, i) => [c, i]));
  return [...model.values()]
    .map(stepFor)
    .filter((s): s is NextStep => s !== undefined)
    .sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) || methodRank(a.code) - methodRank(b.code) || (position.get(a.code) ?? 0) - (position.get(b.code) ?? 0))
    .slice(0, options.limit ?? MAX_NEXT_STEPS);
}

/**
 * The order the learner meets the two methods, from the planner's dates where saved: the
 * professional discussion (AM2) can be from two weeks after the gateway; the presentation (AM1)
 * comes after the report. With a presentation date, whichever is earlier; with only a gateway or
 * start date, AM2; with nothing saved, no preference.
 */
export function methodsFirst(dates: { discussion?: string | undefined; presentation?: string | undefined }): MethodId[] | undefined {
  if (dates.presentation && dates.discussion) return dates.presentation < dates.discussion ? ['am1', 'am2'] : ['am2', 'am1'];
  if (dates.discussion) return ['am2', 'am1'];
  return undefined;
}
