/**
 * The KSB step (section 3), one theme: for each of its KSBs, does your role give you the chance to
 * develop and evidence it before the end-point assessment? (Yes / With some changes to my role /
 * No), an optional "I can already do this" tick, and a note; each KSB in plain English with its
 * explanation and the official statement one tap away, opened in place. One island per theme, so
 * each starts quickly (issue #20); the bar above them (KsbEvidence) holds the count and the filter.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import {
  EARLIER_LABEL,
  ELIGIBILITY_TEXT_MAX,
  eligibilityFeature,
  OPPORTUNITY,
  OPPORTUNITY_LABEL,
  opportunityCounts,
  type KsbEntry,
} from '../../lib/eligibility';
import type { KsbSummary } from '../../lib/eligibility/sections';
import { RENDER_LATER_ATTRIBUTE } from '../../lib/render-later.mjs';
import { Radios } from '../shared/fields';
import { useEarlyInput } from '../shared/useEarlyInput';
import { useSavedState } from '../shared/useSavedState';
import { KsbExplanation } from './KsbExplanation';
import { shownUnder, useGroupStarted, useKsbStep } from './ksb-step';
import '../../styles/ksb-list.css';
import './KsbEvidence.css';

export interface KsbGroup {
  id: string;
  title: string;
  ksbs: KsbSummary[];
}

interface Props {
  group: KsbGroup;
  /** How many of its KSBs are drawn with the page; the rest are drawn just after (the first screen's are). */
  drawnAtOnce: number;
}

const OPTIONS = OPPORTUNITY.map((value) => ({
  value,
  label: OPPORTUNITY_LABEL[value],
}));

/**
 * "Add a note": the note's field exists only while its disclosure is open (or holds a note). A text
 * field inside a closed <details> costs the browser a layout of its own when the page finishes
 * loading (Chromium's form scan forces each one out of the skipped content), and with 70 of them
 * that was the page's longest task on a phone (issue #20). Opened before this island was ready,
 * the field appears as soon as it is.
 */
function KsbNote({ code, note, onInput }: { code: string; note: string | undefined; onInput: (note: string) => void }) {
  const details = useRef<HTMLDetailsElement>(null);
  const [opened, setOpened] = useState(false);
  useLayoutEffect(() => {
    if (details.current?.open) setOpened(true);
  }, []);
  const shown = opened || Boolean(note);
  const question = `Where in your work could you develop or show ${code}? (optional)`;
  return (
    <details
      ref={details}
      class="ksb-evidence__note"
      open={shown}
      onToggle={(e) => {
        if ((e.currentTarget as HTMLDetailsElement).open) setOpened(true);
      }}
    >
      <summary>
        {note ? 'Your note' : 'Add a note'}
        <span class="visually-hidden">{` for ${code}`}</span>
      </summary>
      {shown ? (
        <>
          <label class="field__label field__label--small" for={`note-${code}`}>
            {question}
          </label>
          <textarea
            id={`note-${code}`}
            class="textarea"
            rows={2}
            maxLength={ELIGIBILITY_TEXT_MAX.ksbNote}
            value={note ?? ''}
            onInput={(e) => onInput((e.currentTarget as HTMLTextAreaElement).value)}
          />
        </>
      ) : (
        <p class="field__label field__label--small">{question}</p>
      )}
    </details>
  );
}

export default function KsbEvidenceGroup({ group, drawnAtOnce }: Props) {
  const early = useEarlyInput();
  // No `data-ready` of its own: the page is ready when the bar says so, once every theme has started.
  const { data, ready, update } = useSavedState(eligibilityFeature);
  const { filter } = useKsbStep();
  useGroupStarted();
  const set = (code: string, change: Partial<KsbEntry>) =>
    update((d) => ({
      ...d,
      ksbs: { ...d.ksbs, [code]: { ...d.ksbs[code], ...change } },
    }));
  const shown = group.ksbs.filter((k) => shownUnder(filter, data.ksbs[k.code]?.opportunity));
  const counts = opportunityCounts(
    data,
    group.ksbs.map((k) => k.code),
  );
  return (
    <section ref={early} class="ksb-evidence__group" aria-labelledby={`group-${group.id}`} hidden={shown.length === 0}>
      <h2 id={`group-${group.id}`}>
        {`${group.title} `}
        {ready && <span class="count">{`(${group.ksbs.length - counts.unanswered} of ${group.ksbs.length} answered)`}</span>}
      </h2>
      {shown.map((ksb, index) => {
        const entry = data.ksbs[ksb.code] ?? {};
        return (
          <div
            class="ksb-evidence__item"
            key={ksb.code}
            data-ksb={ksb.code}
            // Below the first screen: drawn one a frame once the page has loaded (src/lib/render-later.mjs).
            {...(index >= drawnAtOnce && { [RENDER_LATER_ATTRIBUTE]: '' })}
          >
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
                      The official wording
                      <span class="visually-hidden">{` of ${ksb.code}`}</span>
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
            {entry.earlier && <p class="ksb-evidence__earlier">Your answer to the earlier question was “{EARLIER_LABEL[entry.earlier]}”.</p>}
            <div class="choice choice--small">
              <input
                class="choice__input"
                type="checkbox"
                id={`can-${ksb.code}`}
                checked={Boolean(entry.canAlready)}
                onChange={(e) =>
                  set(ksb.code, {
                    canAlready: (e.currentTarget as HTMLInputElement).checked,
                  })
                }
              />
              <label class="choice__label" for={`can-${ksb.code}`}>
                I can already do this
                <span class="visually-hidden">{` (${ksb.code})`}</span>
              </label>
            </div>
            <KsbNote code={ksb.code} note={entry.note} onInput={(note) => set(ksb.code, { note })} />
          </div>
        );
      })}
    </section>
  );
}
