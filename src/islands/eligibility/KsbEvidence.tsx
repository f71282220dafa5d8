/**
 * Section 3: for each of the 70 KSBs, does your role give you the chance to develop and evidence it
 * before the end-point assessment? (Yes / With some changes to my role / No), an optional "I can
 * already do this" tick, and a note. Grouped by the assessment theme, each KSB in plain English with
 * its explanation and the official statement one tap away, opened in place; a running count and a
 * "next unanswered" button stay in view.
 */
import { useState } from 'preact/hooks';
import {
  EARLIER_LABEL,
  ELIGIBILITY_MIGRATION_NOTE,
  ELIGIBILITY_TEXT_MAX,
  eligibilityFeature,
  OPPORTUNITY,
  OPPORTUNITY_LABEL,
  opportunityCounts,
  type KsbEntry,
} from '../../lib/eligibility';
import type { KsbSummary } from '../../lib/eligibility/sections';
import { Radios, SavedStatus } from '../shared/fields';
import { ContinueLink } from './ContinueLink';
import { KsbExplanation } from './KsbExplanation';
import { StorageNotices } from '../shared/StorageNotices';
import { useSavedState } from '../shared/useSavedState';
import { useEarlyInput } from '../shared/useEarlyInput';

export interface KsbGroup {
  id: string;
  title: string;
  ksbs: KsbSummary[];
}
import '../../styles/ksb-list.css';
import './KsbEvidence.css';

interface Props {
  groups: KsbGroup[];
  nextHref: string;
}

const OPTIONS = OPPORTUNITY.map((value) => ({ value, label: OPPORTUNITY_LABEL[value] }));
type Filter = 'all' | 'unanswered' | 'gaps';

export default function KsbEvidence({ groups, nextHref }: Props) {
  const early = useEarlyInput();
  const saved = useSavedState(eligibilityFeature);
  const { data, ready, update, savedAt, migratedFrom } = saved;
  const [filter, setFilter] = useState<Filter>('all');
  const all = groups.flatMap((g) => g.ksbs);
  const codes = all.map((k) => k.code);
  const set = (code: string, change: Partial<KsbEntry>) => update((d) => ({ ...d, ksbs: { ...d.ksbs, [code]: { ...d.ksbs[code], ...change } } }));
  const counts = opportunityCounts(data, codes);
  const answered = codes.length - counts.unanswered;
  const visible = (code: string) => {
    const opportunity = data.ksbs[code]?.opportunity;
    if (filter === 'unanswered') return !opportunity;
    if (filter === 'gaps') return opportunity === 'with-changes' || opportunity === 'no';
    return true;
  };
  const nextUnanswered = () => {
    const code = codes.find((c) => !data.ksbs[c]?.opportunity);
    if (!code) return;
    const first = document.querySelector<HTMLInputElement>(`input[name="ksb-${code}"]`);
    first?.scrollIntoView({ block: 'center' });
    first?.focus();
  };

  return (
    <div ref={early} class="checklist-form" data-ready={ready ? 'true' : undefined}>
      <StorageNotices states={[saved]} />
      {migratedFrom === 1 && (
        <div class="notice" role="status" data-migration-note>
          <p class="notice__title">The question has changed</p>
          <p>{ELIGIBILITY_MIGRATION_NOTE}</p>
        </div>
      )}
      <div class="ksb-evidence__bar" aria-live="polite">
        <p>
          <strong data-answered={answered}>{`${answered} of ${codes.length}`}</strong>
          {` answered: ${counts.yes} yes, ${counts.withChanges} with changes, ${counts.no} no`}
        </p>
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
          { value: 'unanswered', label: `Only unanswered (${counts.unanswered})` },
          { value: 'gaps', label: `Only “with changes” or “no” (${counts.withChanges + counts.no})` },
        ]}
        value={filter}
        onChange={setFilter}
        inline
      />
      {groups.map((group) => {
        const shown = group.ksbs.filter((k) => visible(k.code));
        if (shown.length === 0) return null;
        const groupCounts = opportunityCounts(data, group.ksbs.map((k) => k.code));
        return (
          <section class="ksb-evidence__group" key={group.id} aria-labelledby={`group-${group.id}`}>
            <h2 id={`group-${group.id}`}>
              {`${group.title} `}
              <span class="count">{`(${group.ksbs.length - groupCounts.unanswered} of ${group.ksbs.length} answered)`}</span>
            </h2>
            {shown.map((ksb) => {
              const entry = data.ksbs[ksb.code] ?? {};
              return (
                <div class="ksb-evidence__item" key={ksb.code} data-ksb={ksb.code}>
                  <Radios
                    name={`ksb-${ksb.code}`}
                    legend={
                      <>
                        <span class="ksb-code">{ksb.code}</span>
                        {` ${ksb.summary ?? ksb.statement}`}
                      </>
                    }
                    hint={
                      <>
                        <KsbExplanation code={ksb.code} />
                        <details class="ksb-evidence__statement">
                          <summary>
                            The official wording<span class="visually-hidden">{` of ${ksb.code}`}</span>
                          </summary>
                          <blockquote class="quoted">
                            <p>{ksb.statement}</p>
                          </blockquote>
                          <p>
                            <a href={ksb.href}>
                              {`More about ${ksb.code}: notes, criteria and a quiz`}
                              <span class="visually-hidden">{` (the ${ksb.code} page)`}</span>
                            </a>
                          </p>
                        </details>
                      </>
                    }
                    legendClass="field__legend field__legend--ksb"
                    options={OPTIONS}
                    value={entry.opportunity}
                    onChange={(opportunity) => set(ksb.code, { opportunity })}
                    inline
                  />
                  {entry.earlier && (
                    <p class="ksb-evidence__earlier">Your answer to the earlier question was “{EARLIER_LABEL[entry.earlier]}”.</p>
                  )}
                  <div class="choice choice--small">
                    <input
                      class="choice__input"
                      type="checkbox"
                      id={`can-${ksb.code}`}
                      checked={Boolean(entry.canAlready)}
                      onChange={(e) => set(ksb.code, { canAlready: (e.currentTarget as HTMLInputElement).checked })}
                    />
                    <label class="choice__label" for={`can-${ksb.code}`}>
                      I can already do this<span class="visually-hidden">{` (${ksb.code})`}</span>
                    </label>
                  </div>
                  <details class="ksb-evidence__note" open={Boolean(entry.note)}>
                    <summary>
                      {entry.note ? 'Your note' : 'Add a note'}
                      <span class="visually-hidden">{` for ${ksb.code}`}</span>
                    </summary>
                    <label class="field__label field__label--small" for={`note-${ksb.code}`}>
                      {`Where in your work could you develop or show ${ksb.code}? (optional)`}
                    </label>
                    <textarea
                      id={`note-${ksb.code}`}
                      class="textarea"
                      rows={2}
                      maxLength={ELIGIBILITY_TEXT_MAX.ksbNote}
                      value={entry.note ?? ''}
                      onInput={(e) => set(ksb.code, { note: (e.currentTarget as HTMLTextAreaElement).value })}
                    />
                  </details>
                </div>
              );
            })}
          </section>
        );
      })}
      {filter !== 'all' && groups.every((g) => g.ksbs.every((k) => !visible(k.code))) && (
        <p class="empty-state">{filter === 'unanswered' ? 'You have answered every KSB.' : 'No KSB is marked “with changes” or “no”.'}</p>
      )}
      <SavedStatus savedAt={savedAt} />
      <ContinueLink href={nextHref} />
    </div>
  );
}
