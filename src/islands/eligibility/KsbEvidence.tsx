/**
 * Section 3: can you evidence each KSB in your current role? All 70, grouped Knowledge / Skills /
 * Behaviours, each Yes / Partly / Not yet with an optional note, with counts and quick filters.
 */
import { useState } from 'preact/hooks';
import { eligibilityFeature, KSB_ANSWERS, ksbCounts, type KsbAnswer } from '../../lib/eligibility';
import { KIND_GROUP_LABEL, KSB_KINDS } from '../../lib/standard';
import { Radios, SavedStatus } from '../shared/fields';
import { ContinueLink } from './ContinueLink';
import { StorageNotices } from '../shared/StorageNotices';
import { useSavedState } from '../shared/useSavedState';
import type { KsbSummary } from '../../lib/eligibility-sections';
import '../../styles/ksb-list.css';
import './KsbEvidence.css';

interface Props {
  ksbs: KsbSummary[];
  nextHref: string;
}

const ANSWER_LABEL: Record<KsbAnswer, string> = { yes: 'Yes', partly: 'Partly', 'not-yet': 'Not yet' };
const OPTIONS = KSB_ANSWERS.map((value) => ({ value, label: ANSWER_LABEL[value] }));
type Filter = 'all' | 'unanswered' | 'gaps';

export default function KsbEvidence({ ksbs, nextHref }: Props) {
  const { data, ready, update, problems, dismiss, savedAt } = useSavedState(eligibilityFeature);
  const [filter, setFilter] = useState<Filter>('all');
  const codes = ksbs.map((k) => k.code);
  const set = (code: string, change: { answer?: KsbAnswer; note?: string }) =>
    update((d) => ({ ...d, ksbs: { ...d.ksbs, [code]: { ...d.ksbs[code], ...change } } }));
  const counts = ksbCounts(data, codes);
  const visible = (code: string) => {
    const answer = data.ksbs[code]?.answer;
    if (filter === 'unanswered') return !answer;
    if (filter === 'gaps') return answer === 'partly' || answer === 'not-yet';
    return true;
  };
  const shown = ksbs.filter((k) => visible(k.code));

  return (
    <div class="checklist-form" data-ready={ready ? 'true' : undefined}>
      <StorageNotices problems={problems} onDismiss={dismiss} />
      <div class="ksb-evidence__summary" aria-live="polite">
        <p>
          <strong>{codes.length - counts.unanswered} of {codes.length}</strong> answered: {counts.yes} yes, {counts.partly} partly,{' '}
          {counts.notYet} not yet.
        </p>
      </div>
      <Radios
        name="filter"
        legend="Show"
        legendClass="field__legend field__legend--small"
        options={[
          { value: 'all', label: 'All KSBs' },
          { value: 'unanswered', label: `Only unanswered (${counts.unanswered})` },
          { value: 'gaps', label: `Only gaps: partly or not yet (${counts.partly + counts.notYet})` },
        ]}
        value={filter}
        onChange={setFilter}
        inline
      />
      {shown.length === 0 && (
        <p class="empty-state">{filter === 'unanswered' ? 'You have answered every KSB.' : 'No KSBs are marked partly or not yet.'}</p>
      )}
      {KSB_KINDS.map((kind) => {
        const group = shown.filter((k) => k.kind === kind);
        if (group.length === 0) return null;
        const all = ksbs.filter((k) => k.kind === kind);
        const groupCounts = ksbCounts(data, all.map((k) => k.code));
        return (
          <section class="ksb-evidence__group" key={kind} aria-labelledby={`group-${kind}`}>
            <h2 id={`group-${kind}`}>
              {KIND_GROUP_LABEL[kind]}{' '}
              <span class="count">
                ({all.length - groupCounts.unanswered} of {all.length} answered; {groupCounts.yes} yes)
              </span>
            </h2>
            {group.map((ksb) => {
              const entry = data.ksbs[ksb.code] ?? {};
              return (
                <div class="ksb-evidence__item" key={ksb.code} data-ksb={ksb.code}>
                  <Radios
                    name={`ksb-${ksb.code}`}
                    legend={
                      <>
                        <span class="ksb-code">{ksb.code}</span> {ksb.statement}
                      </>
                    }
                    legendClass="field__legend field__legend--ksb"
                    options={OPTIONS}
                    value={entry.answer}
                    onChange={(answer) => set(ksb.code, { answer })}
                    inline
                  />
                  <details class="ksb-evidence__note" open={Boolean(entry.note)}>
                    <summary>{entry.note ? 'Your note' : 'Add a note'}<span class="visually-hidden"> for {ksb.code}</span></summary>
                    <label class="field__label field__label--small" for={`note-${ksb.code}`}>
                      Where in your work could you show {ksb.code}? (optional)
                    </label>
                    <textarea
                      id={`note-${ksb.code}`}
                      class="textarea"
                      rows={2}
                      maxLength={1000}
                      value={entry.note ?? ''}
                      onInput={(e) => set(ksb.code, { note: (e.currentTarget as HTMLTextAreaElement).value })}
                    />
                  </details>
                  <p class="ksb-evidence__link">
                    <a href={ksb.href}>
                      What {ksb.code} means<span class="visually-hidden">: the {ksb.code} page</span>
                    </a>
                  </p>
                </div>
              );
            })}
          </section>
        );
      })}
      <SavedStatus savedAt={savedAt} />
      <ContinueLink href={nextHref} />
    </div>
  );
}
