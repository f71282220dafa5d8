/**
 * The KSB step (section 3) of the checklist, one island around the page's own HTML: the running
 * count and a "next unanswered" button that stay in view, the filter, what the page must say about
 * saving, and below them the 70 KSBs by theme (KsbEvidenceGroup, passed in as children: Astro hands
 * them over as HTML that Preact never re-renders). The island saves what the learner answers there
 * and shows the saved answers in those controls (./ksb-step.ts), so starting it draws nothing: the
 * twelve islands, one per theme, that it replaces took most of the page's start on a phone (issue
 * #20). Its "Saved at" line is after the last theme (KsbEvidenceSaved). It is marked ready
 * (`data-ready`) once the saved answers are read and shown.
 */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ELIGIBILITY_MIGRATION_NOTE, eligibilityFeature, opportunityCounts, type KsbEntry } from '../../lib/eligibility';
import { Radios } from '../shared/fields';
import { HeldInline, HeldUntilRead } from '../shared/ReadingNote';
import { StorageNotices } from '../shared/StorageNotices';
import { useSavedState } from '../shared/useSavedState';
import { useEarlyInput } from '../shared/useEarlyInput';
import { showExplanation } from './KsbExplanation';
import { answerFrom, KSB_STEP, ksbOf, noteFieldOf, showAnswers, shownUnder, stepParts, type KsbFilter } from './ksb-step';
import '../../styles/ksb-list.css';
import './KsbEvidence.css';

interface Props {
  /** The KSBs' codes in the order of the themes below. */
  codes: string[];
  /** The themes and their KSBs, as the page is built (KsbEvidenceGroup). */
  children?: ComponentChildren;
}

export default function KsbEvidence({ codes, children }: Props) {
  const early = useEarlyInput();
  const saved = useSavedState(eligibilityFeature);
  const { data, ready, migratedFrom, update } = saved;
  const [filter, setFilter] = useState<KsbFilter>('all');
  const list = useRef<HTMLDivElement>(null);
  const parts = useRef<ReturnType<typeof stepParts>>();
  // Which answer each KSB's controls show, so a change redraws only the KSB it changed.
  const shownEntries = useRef(new Map<string, KsbEntry | undefined>());
  const counts = opportunityCounts(data, codes);
  const answered = codes.length - counts.unanswered;

  const save = (event: Event) => {
    const answer = answerFrom(event);
    if (answer) update((d) => ({ ...d, ksbs: { ...d.ksbs, [answer.code]: { ...d.ksbs[answer.code], ...answer.change } } }));
  };

  useLayoutEffect(() => {
    const root = list.current!;
    parts.current = stepParts(root);
    // A disclosure opened: a note's draws its field, "What this means" fetches the explanation.
    const drawOpened = (details: HTMLDetailsElement) => {
      const code = ksbOf(details);
      if (!code || !details.open) return;
      if (details.classList.contains(KSB_STEP.note)) noteFieldOf(details, code);
      else if (details.classList.contains(KSB_STEP.explain)) showExplanation(details, code);
    };
    // Toggle events do not bubble: they are caught on the way down.
    const opened = (event: Event) => {
      if (event.target instanceof HTMLDetailsElement) drawOpened(event.target);
    };
    root.addEventListener('toggle', opened, true);
    // Opened before this island started: drawn now.
    for (const details of root.querySelectorAll<HTMLDetailsElement>('details[open]')) drawOpened(details);
    return () => root.removeEventListener('toggle', opened, true);
  }, []);

  // Until the answers are read the controls stay as built, or as the learner set them (useEarlyInput saves that).
  useLayoutEffect(() => {
    if (ready && parts.current) showAnswers(parts.current, data.ksbs, filter, shownEntries.current);
  }, [ready, data.ksbs, filter]);

  const nextUnanswered = () => {
    const code = codes.find((c) => !data.ksbs[c]?.opportunity);
    if (!code || !parts.current) return;
    // A filter that hides unanswered KSBs is lifted first, so the KSB is there to move to.
    if (!shownUnder(filter, undefined)) {
      setFilter('all');
      showAnswers(parts.current, data.ksbs, 'all', shownEntries.current);
    }
    const first = parts.current.items.get(code)?.querySelector<HTMLInputElement>(`input[name="${KSB_STEP.radios(code)}"]`);
    first?.scrollIntoView({ block: 'center' });
    first?.focus();
  };
  const noneShown = ready && filter !== 'all' && codes.every((code) => !shownUnder(filter, data.ksbs[code]?.opportunity));

  return (
    <div ref={early} class="checklist-form ksb-evidence__top" data-ready={ready ? 'true' : undefined}>
      <StorageNotices states={[saved]} />
      {migratedFrom === 1 && (
        <div class="notice" role="status" data-migration-note>
          <p class="notice__title">The question has changed</p>
          <p>{ELIGIBILITY_MIGRATION_NOTE}</p>
        </div>
      )}
      <div class="ksb-evidence__bar" aria-live="polite">
        {/* No count until the answers are read: "0 of 70" would claim what no one has checked. It is
            held in place meanwhile (hidden), so the bar does not grow, and the 70 KSBs below it move,
            when the answers come. */}
        <HeldUntilRead ready={ready} what="saved answers">
          <p>
            <strong data-answered={ready ? answered : undefined}>{`${answered} of ${codes.length}`}</strong>
            {` answered: ${counts.yes} yes, ${counts.withChanges} with changes, ${counts.no} no`}
          </p>
        </HeldUntilRead>
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
            label: (
              <>
                {'Only unanswered '}
                <HeldInline ready={ready}>{`(${counts.unanswered})`}</HeldInline>
              </>
            ),
          },
          {
            value: 'gaps',
            label: (
              <>
                {'Only “with changes” or “no” '}
                <HeldInline ready={ready}>{`(${counts.withChanges + counts.no})`}</HeldInline>
              </>
            ),
          },
        ]}
        value={filter}
        onChange={setFilter}
        inline
      />
      {noneShown && <p class="empty-state">{filter === 'unanswered' ? 'You have answered every KSB.' : 'No KSB is marked “with changes” or “no”.'}</p>}
      <div ref={list} class="ksb-evidence__themes" onChange={save} onInput={save}>
        {children}
      </div>
    </div>
  );
}
