/**
 * Every KSB as a small square coloured by its state, one row per theme: where the gaps are, at a
 * glance. The picture is hidden from screen readers; each row says the same in words.
 */
import { STATE_LABEL, type KsbState, type KsbStateName } from '../../lib/learner/model';
import { href, paths } from '../../lib/urls';
import '../../styles/tags.css';
import './StateMap.css';

export interface MapRow {
  id: string;
  label: string;
  states: KsbState[];
}

const ORDER: KsbStateName[] = ['needs-work', 'too-little', 'no-evidence', 'secure'];

export function StateMap({ rows }: { rows: MapRow[] }) {
  return (
    <figure class="state-map" aria-labelledby="state-map-caption">
      <figcaption id="state-map-caption">Every KSB by theme: where you stand</figcaption>
      <ul class="state-map__legend" aria-hidden="true">
        {ORDER.map((s) => (
          <li key={s}>
            <span class={`state-map__cell state-map__cell--${s}`} /> {STATE_LABEL[s]}
          </li>
        ))}
      </ul>
      <ul class="state-map__rows">
        {rows.map((row) => {
          const words = ORDER.map((s) => [s, row.states.filter((x) => x.state === s).length] as const)
            .filter(([, n]) => n > 0)
            .map(([s, n]) => `${n} ${STATE_LABEL[s].toLowerCase()}`)
            .join(', ');
          return (
            <li key={row.id} class="state-map__row">
              <span class="state-map__label">{row.label}</span>
              <span class="state-map__cells" aria-hidden="true">
                {row.states.map((s) => (
                  <a key={s.code} class={`state-map__cell state-map__cell--${s.state}`} href={href(paths.ksb(s.code))} tabIndex={-1} title={`${s.code}: ${STATE_LABEL[s.state]}`}>
                    <span>{s.code}</span>
                  </a>
                ))}
              </span>
              <span class="visually-hidden">: {words}.</span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
