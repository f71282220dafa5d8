/**
 * The KSB step (section 3) of the checklist: above the themes' islands (KsbEvidenceGroup), the
 * running count and a "next unanswered" button that stay in view, the filter the themes follow,
 * and what the page must say about saving (its "Saved at" line is after the last theme:
 * KsbEvidenceSaved). It is marked ready (`data-ready`) once the saved answers
 * are read and every theme below has started.
 */
import { ELIGIBILITY_MIGRATION_NOTE, eligibilityFeature, opportunityCounts } from '../../lib/eligibility';
import { Radios } from '../shared/fields';
import { ReadingNote } from '../shared/ReadingNote';
import { StorageNotices } from '../shared/StorageNotices';
import { useSavedState } from '../shared/useSavedState';
import { useEarlyInput } from '../shared/useEarlyInput';
import { RENDER_LATER_ATTRIBUTE } from '../../lib/render-later.mjs';
import { shownUnder, useKsbStep, type KsbFilter } from './ksb-step';
import '../../styles/ksb-list.css';
import './KsbEvidence.css';

interface Props {
  /** The KSBs' codes in the order of the themes below. */
  codes: string[];
  /** How many theme islands follow. */
  groups: number;
}

export default function KsbEvidence({ codes, groups }: Props) {
  const early = useEarlyInput();
  const saved = useSavedState(eligibilityFeature);
  const { data, ready, migratedFrom } = saved;
  const { filter, setFilter, startedGroups } = useKsbStep();
  const counts = opportunityCounts(data, codes);
  const answered = codes.length - counts.unanswered;
  const nextUnanswered = () => {
    const code = codes.find((c) => !data.ksbs[c]?.opportunity);
    if (!code) return;
    const first = document.querySelector<HTMLInputElement>(`input[name="ksb-${code}"]`);
    // In the page's first moments it may not be drawn yet (src/lib/render-later.mjs): draw it now.
    first?.closest(`[${RENDER_LATER_ATTRIBUTE}]`)?.removeAttribute(RENDER_LATER_ATTRIBUTE);
    first?.scrollIntoView({ block: 'center' });
    first?.focus();
  };
  const noneShown = filter !== 'all' && codes.every((code) => !shownUnder(filter, data.ksbs[code]?.opportunity));

  return (
    <div ref={early} class="checklist-form ksb-evidence__top" data-ready={ready && startedGroups === groups ? 'true' : undefined}>
      <StorageNotices states={[saved]} />
      {migratedFrom === 1 && (
        <div class="notice" role="status" data-migration-note>
          <p class="notice__title">The question has changed</p>
          <p>{ELIGIBILITY_MIGRATION_NOTE}</p>
        </div>
      )}
      <div class="ksb-evidence__bar" aria-live="polite">
        {/* No count until the answers are read: "0 of 70" would claim what no one has checked. */}
        {ready ? (
          <p>
            <strong data-answered={answered}>{`${answered} of ${codes.length}`}</strong>
            {` answered: ${counts.yes} yes, ${counts.withChanges} with changes, ${counts.no} no`}
          </p>
        ) : (
          <ReadingNote what="saved answers" />
        )}
        {counts.unanswered > 0 && (
          <button type="button" class="button button--secondary button--small" onClick={nextUnanswered}>
            Next unanswered
          </button>
        )}
      </div>
      <Radios
        name="filter"
        legend="Show"
        legendClass="field__legend field__legend--small"
        options={[
          { value: 'all', label: 'All KSBs' },
          {
            value: 'unanswered',
            label: ready ? `Only unanswered (${counts.unanswered})` : 'Only unanswered',
          },
          {
            value: 'gaps',
            label: ready ? `Only “with changes” or “no” (${counts.withChanges + counts.no})` : 'Only “with changes” or “no”',
          },
        ]}
        value={filter}
        onChange={(next: KsbFilter) => setFilter(next)}
        inline
      />
      {noneShown && <p class="empty-state">{filter === 'unanswered' ? 'You have answered every KSB.' : 'No KSB is marked “with changes” or “no”.'}</p>}
    </div>
  );
}
