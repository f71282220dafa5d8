/**
 * Section 5: two results in plain words, each with its reasons: "Can I apply?" (the role, the
 * employer, time to train, and the chance to evidence each KSB) and "Am I ready for the gateway?".
 * Then the KSBs to raise with the employer, a printable view and a CSV of the KSB answers. The
 * decision belongs to the employer and provider.
 */
import { useState } from 'preact/hooks';
import {
  applicationReadiness,
  eligibilityFeature,
  gatewayReadiness,
  ksbGaps,
  OPPORTUNITY_LABEL,
  REASON_PREFIX,
  VERDICT_LABEL,
  type Assessment,
} from '../../lib/eligibility';
import type { AppliedRules } from '../../lib/rules';
import { skillsScanCsv } from '../../lib/eligibility/skills-scan-csv';
import { todayIso } from '../../lib/dates';
import { downloadText } from '../shared/download';
import { HeldUntilRead } from '../shared/ReadingNote';
import { StorageNotices } from '../shared/StorageNotices';
import { useSavedState } from '../shared/useSavedState';
import type { KsbSummary } from '../../lib/eligibility/sections';
import { useEarlyInput } from '../shared/useEarlyInput';
import '../../styles/tags.css';
import './Summary.css';

interface Props {
  ksbs: KsbSummary[];
  checklistHref: string;
  rules: AppliedRules;
}

function Result({ title, assessment, id }: { title: string; assessment: Assessment; id: string }) {
  const order = { blocker: 0, gap: 1, unanswered: 2, met: 3 } as const;
  const reasons = [...assessment.reasons].sort((a, b) => order[a.kind] - order[b.kind]);
  return (
    <section class={`verdict verdict--${assessment.verdict}`} aria-labelledby={id}>
      <h2 id={id}>
        {title} <span class="verdict__label">{VERDICT_LABEL[assessment.verdict]}</span>
      </h2>
      <ul class="reasons">
        {reasons.map((reason) => (
          <li class={`reason reason--${reason.kind}`} key={reason.text}>
            <span class="reason__kind">{REASON_PREFIX[reason.kind]}</span>
            {reason.text}
          </li>
        ))}
      </ul>
    </section>
  );
}

export default function Summary({ ksbs, checklistHref, rules }: Props) {
  const early = useEarlyInput();
  const saved = useSavedState(eligibilityFeature);
  const { data, ready, update, reset } = saved;
  const [confirmingReset, setConfirmingReset] = useState(false);
  const [resetRefused, setResetRefused] = useState<string>();
  const codes = ksbs.map((k) => k.code);
  const byCode = new Map(ksbs.map((k) => [k.code, k]));
  const gaps = ksbGaps(data, codes);

  const downloadCsv = () => downloadText(`st1398-skills-scan-${todayIso()}.csv`, skillsScanCsv(ksbs, data), 'text/csv;charset=utf-8');

  return (
    <div ref={early} class="summary-island" data-ready={ready ? 'true' : undefined}>
      <StorageNotices states={[saved]} />
      {/* No verdict, count or "None" until the answers are read: each would claim what no one has checked. */}
      <HeldUntilRead ready={ready} what="saved answers">
        <Result title="Can I apply?" assessment={applicationReadiness(data, codes)} id="result-apply" />
        <Result title="Am I ready for the gateway?" assessment={gatewayReadiness(data, codes, todayIso(), rules)} id="result-gateway" />

        <section aria-labelledby="gaps-heading">
          <h2 id="gaps-heading">KSBs to raise with your employer ({gaps.length})</h2>
          {gaps.length === 0 ? (
            <p>None: you have not said that any KSB needs changes to your role, or that your role gives no chance to evidence it.</p>
          ) : (
            <ul class="gap-list">
              {gaps.map((gap) => (
                <li key={gap.code}>
                  <a href={byCode.get(gap.code)?.href}>{gap.code}</a> <span class={`tag tag--${gap.opportunity}`}>{OPPORTUNITY_LABEL[gap.opportunity]}</span>{' '}
                  {byCode.get(gap.code)?.statement}
                  {gap.note && <p class="gap-list__note">Your note: {gap.note}</p>}
                </li>
              ))}
            </ul>
          )}
        </section>
      </HeldUntilRead>

      <div class="button-row no-print">
        <button type="button" class="button" onClick={() => window.print()}>
          Print this summary
        </button>
        <button type="button" class="button button--secondary" onClick={downloadCsv}>
          Download your KSB answers (CSV)
        </button>
      </div>

      <div class="field no-print">
        <div class="choice">
          <input
            class="choice__input"
            type="checkbox"
            id="reviewed"
            checked={Boolean(data.summaryReviewed)}
            onChange={(e) => {
              // Read now: a change made before the saved answers were read is applied again later, when the event is gone.
              const summaryReviewed = (e.currentTarget as HTMLInputElement).checked;
              update((d) => ({ ...d, summaryReviewed }));
            }}
          />
          <label class="choice__label" for="reviewed">
            I have read my summary (marks this section as completed)
          </label>
        </div>
      </div>

      <section class="danger-zone no-print" aria-labelledby="reset-heading">
        <h2 id="reset-heading">Start again</h2>
        {resetRefused && (
          <p class="notice notice--warning" role="alert" data-reset-refused>
            {resetRefused}
          </p>
        )}
        {confirmingReset ? (
          <div role="alertdialog" aria-labelledby="reset-confirm" class="notice notice--warning">
            <p id="reset-confirm">
              <strong>Delete all your checklist answers?</strong> This cannot be undone. Export your progress first if you might want it back.
            </p>
            <div class="button-row">
              <button
                type="button"
                class="button button--warning"
                onClick={() => {
                  setConfirmingReset(false);
                  // Refused when the saved answers cannot be read here: nothing changes, and the page says why.
                  const result = reset();
                  if (result.ok) window.location.assign(checklistHref);
                  else setResetRefused(result.message);
                }}
              >
                Yes, delete my answers
              </button>
              <button type="button" class="button button--secondary" onClick={() => setConfirmingReset(false)} autoFocus>
                No, keep them
              </button>
            </div>
          </div>
        ) : (
          <button type="button" class="button button--secondary" onClick={() => setConfirmingReset(true)}>
            Delete all my answers
          </button>
        )}
      </section>
    </div>
  );
}
