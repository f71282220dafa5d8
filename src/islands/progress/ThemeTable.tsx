/**
 * One theme's KSBs: each with its short title, where the learner stands and the evidence it rests
 * on. KSBs with no evidence yet are folded away so the ones that matter stand out. Readable at
 * 390 px: three columns, the KSB's words under its code.
 */
import { STATE_LABEL, type KsbState } from '../../lib/learner/model';
import { pluralWord } from '../../lib/format';
import { RATING_LABEL } from '../../lib/rating-scale';
import { href, paths } from '../../lib/urls';
import type { ProgressKsb } from '../../lib/learner/progress-groups';
import { useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { ScrollTable } from '../shared/ScrollTable';

type KsbInfo = ProgressKsb;

function Row({ k, s }: { k: KsbInfo; s: KsbState }) {
  return (
    <tr role="row" data-ksb={k.code} data-state={s.state}>
      <th scope="row" role="rowheader">
        <a href={href(paths.ksb(k.code))}>{k.code}</a>
        <span class="progress-table__title">{k.summary ?? k.statement}</span>
      </th>
      <td role="cell">
        <span class={`tag tag--state tag--state-${s.state}`}>{STATE_LABEL[s.state]}</span>
      </td>
      <td role="cell">
        {s.summary}
        {s.rating && <span class="progress-table__rating"> Rated {RATING_LABEL[s.rating]}.</span>}
        {s.state === 'needs-work' && <span class="progress-table__why"> Why: {s.reasons.join('; ')}.</span>}
      </td>
    </tr>
  );
}

export function ThemeTable({ label, ksbs, model }: { label: string; ksbs: KsbInfo[]; model: Map<string, KsbState> }) {
  const withState = ksbs.map((k) => ({ k, s: model.get(k.code) })).filter((x): x is { k: KsbInfo; s: KsbState } => x.s !== undefined);
  const shown = withState.filter((x) => x.s.state !== 'no-evidence');
  const untouched = withState.filter((x) => x.s.state === 'no-evidence');
  const table = (rows: typeof withState, caption: string) => (
    <ScrollTable label={caption}>
      {/* Explicit roles keep the table a table to screen readers when a phone's layout stacks its rows. */}
      <table class="progress-table" role="table">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr role="row">
            <th scope="col" role="columnheader">KSB</th>
            <th scope="col" role="columnheader">Where you stand</th>
            <th scope="col" role="columnheader">Evidence</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ k, s }) => (
            <Row key={k.code} k={k} s={s} />
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
  return (
    <>
      {shown.length > 0 && table(shown, `${label}: KSBs with evidence`)}
      {untouched.length > 0 && (
        <Folded
          summary={`${untouched.length === withState.length ? 'All' : untouched.length} ${pluralWord(untouched.length, 'KSB')} with no evidence yet: ${untouched.map((x) => x.k.code).join(', ')}`}
        >
          {() => table(untouched, `${label}: KSBs with no evidence yet`)}
        </Folded>
      )}
    </>
  );
}

/**
 * A closed disclosure whose table is drawn when first opened: a new learner's 70 untouched rows
 * would otherwise be built, hydrated and laid out on every visit though nobody sees them.
 */
function Folded({ summary, children }: { summary: string; children: () => ComponentChildren }) {
  const [opened, setOpened] = useState(false);
  return (
    <details class="progress-untouched" onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && setOpened(true)}>
      <summary>{summary}</summary>
      {opened && children()}
    </details>
  );
}
