/**
 * /progress/: where the learner stands on all 70 KSBs, from the learner model (src/lib/learner):
 * an at-a-glance summary (overall and per method, what is due today, the next assessment date),
 * how well their certainty matches their answers, what to do next, a picture of every KSB by theme,
 * and each theme's KSBs with the evidence behind each state. A CSV of everything, and print.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import { compareTimes, formatDate, todayIso } from '../lib/dates';
import { inSentence, plural } from '../lib/format';
import { calibration, describeCalibration, GROUP_STATUS_LABEL, groupReadiness } from '../lib/learner/model';
import { progressCsv } from '../lib/learner/progress-csv';
import { methodsFirst, nextSteps, type NextStep } from '../lib/learner/next-steps';
import { plan, plannerFeature, type PlannerData, type PlannerRules } from '../lib/planner';
import { dueQuestions } from '../lib/quiz/engine';
import { nextTask } from '../lib/next-task';
import { href, paths } from '../lib/urls';
import { downloadText } from './shared/download';
import { StorageNotices } from './shared/StorageNotices';
import { useEarlyInput } from './shared/useEarlyInput';
import { useLearner } from './shared/useLearner';
import { useSavedState, type SavedState } from './shared/useSavedState';
import type { ProgressMethod } from '../lib/learner/progress-groups';
import { Readiness, readinessParts, statesOf } from './progress/Readiness';
import { Stages } from './shared/Stages';
import { useWanted } from './shared/useWanted';
import '../styles/tags.css';
import './ProgressDashboard.css';

const STEP_ANCHOR: Record<Exclude<NextStep['target'], 'evidence'>, string> = { quiz: '#quiz', notes: '#in-plain-english', rating: '#rating' };
/** Where a step's link goes. */
const stepHref = (step: NextStep) =>
  step.kind === 'due'
    ? `${href(paths.quiz)}?mode=due`
    : step.target === 'evidence'
      ? href(paths.evidenceFor(step.code))
      : `${href(paths.ksb(step.code))}${STEP_ANCHOR[step.target]}`;

interface Props {
  methods: ProgressMethod[];
  plannerRules: PlannerRules;
}

export default function ProgressDashboard(props: Props) {
  const early = useEarlyInput();
  const learner = useLearner();
  const planner = useSavedState(plannerFeature);
  const ready = learner.ready && planner.ready;
  if (!ready) {
    // Until everything saved and the question list are read, no state is claimed (the page as built,
    // and the first render, which must match it). The space is held so nothing below jumps.
    return (
      <div ref={early} class="progress progress--reading" aria-busy="true">
        <StorageNotices states={[]} reads={[...learner.states, planner]} />
        <p role="status">Your progress shows here once this page has read what you have saved in this browser.</p>
      </div>
    );
  }
  if (learner.bankFailed || learner.unread.length > 0) {
    // Every state rests on the question list (which questions test each KSB, which KSBs each
    // criterion, so each mock mark, covers) and on everything saved. Without one of them no state is
    // claimed, not even from the ratings alone: it could read "no evidence" for a KSB answered often.
    return (
      <div ref={early} class="progress" data-ready="true">
        <StorageNotices states={[]} reads={[...learner.states, planner]} />
        <div class="notice notice--warning" role="alert" data-withheld={learner.bankFailed ? 'question-list' : 'unread'}>
          <h2 class="notice__title">Your progress cannot be worked out just now</h2>
          {learner.bankFailed ? (
            <>
              <p>
                The question list did not download (are you offline?), and every KSB’s state rests on it: which questions test each KSB, and which KSBs your
                mock-assessment marks count towards. Nothing you saved has changed.
              </p>
              <p>
                <button type="button" class="button" onClick={learner.retryBank}>
                  Try again
                </button>
              </p>
            </>
          ) : (
            <p>
              Your {learner.unread.map(inSentence).join(' and ')} could not be read on this page (the notice above says why and what to do), and every KSB’s
              state rests on all you saved. Nothing you saved has changed.
            </p>
          )}
        </div>
      </div>
    );
  }
  return <Dashboard {...props} learner={learner} planner={planner} early={early} />;
}

function Dashboard({
  methods,
  plannerRules,
  learner,
  planner,
  early,
}: Props & { learner: ReturnType<typeof useLearner>; planner: SavedState<PlannerData>; early: ReturnType<typeof useEarlyInput> }) {
  const { model } = learner;
  // The summary first. The picture of every KSB and each method's tables, all below the first screen,
  // once wanted (scrolled to, the keyboard used, or printed: useWanted), in a task each (issue #20).
  const readinessHolder = useRef<HTMLDivElement>(null);
  const [readinessWanted, wantReadinessAtOnce] = useWanted(readinessHolder);
  const atOnce = readinessWanted === 'at-once';
  const parts = atOnce ? 1 : readinessParts(methods);
  const [allDrawn, setAllDrawn] = useState(false);
  // Computed again only when what they read changes: marking the page ready (allDrawn) re-renders
  // this component, and must not redo every KSB's next step, due count and table (issue #20).
  const { ksbs, overall, steps, due, upcoming, cal } = useMemo(() => {
    const now = new Date();
    const ksbs = methods.flatMap((m) => m.themes.flatMap((t) => t.ksbs));
    const states = statesOf(model, ksbs);
    const planned = plan(planner.data, plannerRules);
    const dateOf = (id: string) => planned.dates.find((d) => d.id === id)?.date;
    const order = methodsFirst({ discussion: dateOf('discussion'), presentation: planner.data.presentationDate });
    const methodOf = new Map(methods.flatMap((m) => m.themes.flatMap((t) => t.ksbs.map((k) => [k.code, m.id] as const))));
    return {
      ksbs,
      overall: groupReadiness(states),
      steps: nextSteps(model, { methodOf, methodsFirst: order, order: ksbs.map((k) => k.code) }),
      due: learner.bank ? dueQuestions(learner.bank.questions, learner.quiz.data, now).length : 0,
      upcoming: planned.dates.filter((d) => d.date >= todayIso(now)).sort((a, b) => compareTimes(a.date, b.date))[0],
      cal: calibration(learner.quiz.data),
    };
  }, [methods, model, planner.data, plannerRules, learner.bank, learner.quiz.data]);
  // The same element while the model is the same, so Preact leaves the drawn tables alone when
  // only the summary or the ready mark changes.
  const readiness = useMemo(
    () =>
      readinessWanted && (
        <Stages parts={parts} onDrawn={() => setAllDrawn(true)}>
          {(drawn) => <Readiness methods={methods} model={model} {...(atOnce ? {} : { drawn })} />}
        </Stages>
      ),
    [methods, model, parts, readinessWanted],
  );
  // Printed from the button: everything drawn first (window.print() would run before Preact renders).
  const printReport = () => {
    wantReadinessAtOnce();
    void nextTask().then(() => window.print());
  };

  const downloadCsv = () =>
    downloadText(
      `st1398-progress-${todayIso()}.csv`,
      progressCsv(methods, model, (code) => learner.ratings.data.ksbs[code]?.note),
      'text/csv;charset=utf-8',
    );

  return (
    <div ref={early} class="progress" data-ready={allDrawn || !readinessWanted ? 'true' : undefined}>
      <StorageNotices states={[]} reads={[...learner.states, planner]} />

      <section class="progress-glance" aria-labelledby="glance-heading">
        <h2 id="glance-heading">At a glance</h2>
        <dl class="glance">
          <div data-glance="overall">
            <dt>All {overall.total} KSBs</dt>
            <dd>
              <span class={`readiness readiness--${overall.status}`}>{GROUP_STATUS_LABEL[overall.status]}</span>: {overall.reasons.join(', ')}
            </dd>
          </div>
          {methods.map((m) => {
            const g = groupReadiness(
              statesOf(
                model,
                m.themes.flatMap((t) => t.ksbs),
              ),
            );
            return (
              <div key={m.id} data-glance={m.id}>
                <dt>{m.name}</dt>
                <dd>
                  <span class={`readiness readiness--${g.status}`}>{GROUP_STATUS_LABEL[g.status]}</span>: {g.secure} of {g.total} secure
                </dd>
              </div>
            );
          })}
          <div data-glance="due">
            <dt>Due for review today</dt>
            <dd>{due ? <a href={`${href(paths.quiz)}?mode=due`}>{plural(due, 'question')}</a> : 'Nothing'}</dd>
          </div>
          <div data-glance="next-date">
            <dt>Next date</dt>
            <dd>
              {upcoming ? (
                <>
                  {upcoming.label}: {formatDate(upcoming.date)}
                </>
              ) : (
                <a href={href(paths.planner)}>Plan your dates</a>
              )}
            </dd>
          </div>
        </dl>
        <p class="calibration" data-calibration>
          {describeCalibration(cal)}
        </p>
      </section>

      <section class="no-print" aria-labelledby="next-heading">
        <h2 id="next-heading">What to do next</h2>
        {steps.length === 0 ? (
          <p>
            Nothing stands out: {overall.status === 'ready' ? 'every KSB is secure. Keep your reviews going.' : 'answer more questions to see where to focus.'}
          </p>
        ) : (
          <ol class="next-steps">
            {steps.map((step) => (
              <li key={step.code} data-step={step.kind}>
                <a href={stepHref(step)}>
                  {step.code}: {step.action}
                </a>
                . {step.why}
              </li>
            ))}
          </ol>
        )}
        <div class="button-row">
          <button type="button" class="button" onClick={printReport}>
            Print a readiness report
          </button>
          <button type="button" class="button button--secondary" onClick={downloadCsv}>
            Download all {ksbs.length} KSBs (CSV)
          </button>
          <a class="button button--secondary" href={href(paths.myDataSection('share'))}>
            Share with your tutor
          </a>
        </div>
      </section>

      <div ref={readinessHolder} class={readinessWanted && allDrawn ? undefined : 'held-until-drawn'} data-readiness-waiting={readinessWanted ? undefined : ''}>
        {readiness}
      </div>
    </div>
  );
}
