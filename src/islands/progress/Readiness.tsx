/**
 * Readiness by method and theme: the picture of every KSB, then each method and theme with its
 * status and its KSBs' states. The learner's progress page and a shared report both show it, from
 * the same learner model, so they can never disagree.
 */
import { GROUP_STATUS_LABEL, groupReadiness, type KsbState, type LearnerModel } from '../../lib/learner/model';
import type { ProgressMethod } from '../../lib/learner/progress-groups';
import { StateMap } from './StateMap';
import { ThemeTable } from './ThemeTable';

export function statesOf(model: LearnerModel, codes: ReadonlyArray<{ code: string }>): KsbState[] {
  return codes.map((k) => model.get(k.code)).filter((s): s is KsbState => s !== undefined);
}

/** Its parts, in order: the picture of every KSB, then each method. */
export const readinessParts = (methods: ProgressMethod[]) => 1 + methods.length;

/** `drawn`: how many of its parts to draw (all unless given; see useStages). */
export function Readiness({ methods, model, drawn = readinessParts(methods) }: { methods: ProgressMethod[]; model: LearnerModel; drawn?: number }) {
  return (
    <>
      {drawn > 0 && (
        <StateMap rows={methods.flatMap((m) => m.themes.map((t) => ({ id: t.id, label: `${t.name} (${m.id.toUpperCase()})`, states: statesOf(model, t.ksbs) })))} />
      )}
      {methods.slice(0, Math.max(0, drawn - 1)).map((method) => {
        const assessment = groupReadiness(statesOf(model, method.themes.flatMap((t) => t.ksbs)));
        return (
          <section class="progress-method" key={method.id} aria-labelledby={`method-${method.id}`}>
            <h2 id={`method-${method.id}`}>
              <a href={method.href}>{method.name}</a>: <span class={`readiness readiness--${assessment.status}`}>{GROUP_STATUS_LABEL[assessment.status]}</span>
            </h2>
            <p>
              {assessment.secure} of {assessment.total} KSBs secure: {assessment.reasons.join(', ')}.
            </p>
            {method.themes.map((theme) => {
              const t = groupReadiness(statesOf(model, theme.ksbs));
              return (
                <section class="progress-theme laid-out-when-near" key={theme.id} aria-label={`${theme.name} (${method.id.toUpperCase()})`}>
                  <h3 id={`theme-${theme.id}`}>
                    <a href={theme.href}>{theme.name}</a>: <span class={`readiness readiness--${t.status}`}>{GROUP_STATUS_LABEL[t.status]}</span>
                  </h3>
                  <p class="progress-theme__reasons">
                    {t.secure} of {t.total} secure: {t.reasons.join(', ')}.
                  </p>
                  <ThemeTable label={`${theme.name} (${method.id.toUpperCase()})`} ksbs={theme.ksbs} model={model} />
                </section>
              );
            })}
          </section>
        );
      })}
    </>
  );
}
