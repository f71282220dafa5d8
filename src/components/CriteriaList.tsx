/**
 * Assessment criteria, each quoted word for word with the KSB codes it cites linked. A Preact
 * component rendered on the server only (no hydration), so that revision notes (MDX) can place the
 * same list inside their text as <AssessorCriteria />.
 */
import type { Criterion, Theme } from '../lib/standard';
import { paths, href } from '../lib/urls';
import './CriteriaList.css';

interface Props {
  criteria: readonly Criterion[];
  /** The KSB whose page this is: shown in bold, not linked. */
  current?: string | undefined;
  /** When given, each criterion names its theme (used on KSB pages). */
  themeOf?: ((criterion: Criterion) => Theme) | undefined;
  /** Give each criterion its permanent id as its anchor (only where each appears once on a page). */
  anchors?: boolean;
}

export function CitedKsbs({ codes, current }: { codes: readonly string[]; current?: string | undefined }) {
  return (
    <span class="cited">
      (
      {codes.map((code, i) => (
        <>
          {i > 0 && ', '}
          {code === current ? <strong>{code}</strong> : <a href={href(paths.ksb(code))}>{code}</a>}
        </>
      ))}
      )
    </span>
  );
}

export default function CriteriaList({ criteria, current, themeOf, anchors = false }: Props) {
  return (
    <ul class="criteria">
      {criteria.map((criterion) => {
        const theme = themeOf?.(criterion);
        return (
          <li id={anchors ? criterion.id : undefined} class="criterion" key={criterion.id}>
            {theme && (
              <p class="criterion__theme">
                <a href={href(paths.theme(theme))}>
                  {theme.name} ({theme.method.toUpperCase()})
                </a>
                {criterion.grade === 'distinction' ? ' · distinction' : ' · pass'}
              </p>
            )}
            <p class="criterion__text">
              <q>{criterion.text}</q> <CitedKsbs codes={criterion.ksbs} current={current} />
            </p>
            {criterion.note && (
              <p class="criterion__note">
                <span class="label">Note:</span> {criterion.note}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
