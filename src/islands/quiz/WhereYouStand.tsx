/** A KSB's state from the learner model, with the evidence it rests on and its reasons. */
import { STATE_LABEL, type KsbState } from '../../lib/learner/model';
import { href, paths } from '../../lib/urls';
import '../../styles/tags.css';

export function StateTag({ state }: { state: KsbState }) {
  return <span class={`tag tag--state tag--state-${state.state}`}>{STATE_LABEL[state.state]}</span>;
}

export function WhereYouStand({ state, link = false }: { state: KsbState; link?: boolean }) {
  return (
    <div class="where-you-stand" data-state={state.state} data-ksb={state.code}>
      <p>
        <strong>{link ? <a href={href(paths.ksb(state.code))}>{state.code}</a> : state.code}</strong>: <StateTag state={state} /> {state.summary}
      </p>
      {state.state !== 'no-evidence' && (
        <ul class="where-you-stand__reasons">
          {state.reasons.map((r) => (
            <li key={r}>{r.charAt(0).toUpperCase() + r.slice(1)}.</li>
          ))}
        </ul>
      )}
    </div>
  );
}
