/** Section 4: gateway readiness, with the earliest gateway date from the start date. */
import { useEffect, useState } from 'preact/hooks';
import { ELIGIBILITY_TEXT_MAX, eligibilityFeature, englishMathsResult, gatewayTimeFor, OFF_THE_JOB_HOURS_MAX } from '../../lib/eligibility';
import { offTheJobFor, offTheJobQuestion, timeStanding, whoByStart, type AppliedRules } from '../../lib/rules';
import { formatDate, isDateInRange, todayIso } from '../../lib/dates';
import { DateInput, Radios, SavedStatus, TextField, YES_NO, YES_NO_UNSURE } from '../shared/fields';
import { ContinueLink } from './ContinueLink';
import { StorageNotices } from '../shared/StorageNotices';
import { useSavedState } from '../shared/useSavedState';
import { useDateField } from '../shared/useDateField';
import { useEarlyInput } from '../shared/useEarlyInput';
import { HeldUntilRead } from '../shared/ReadingNote';
import { evidenceFeature } from '../../lib/evidence/log';
import { formatHours, totalHours } from '../../lib/evidence/otj';
import { formatNumber, plural } from '../../lib/format';
import { beforeStandardWarning } from '../../lib/standard';
import { href, paths } from '../../lib/urls';
import './Gateway.css';

interface Props {
  nextHref: string;
  rules: AppliedRules;
  /** Where each rule's source and check date are shown (the page's "Rules and sources" section). */
  rulesHref: string;
  /** The first start date the standard takes (earliestStartOf): a start before it is on another standard. */
  earliestStart: string;
}

export default function Gateway({ nextHref, rules, rulesHref, earliestStart }: Props) {
  const early = useEarlyInput();
  const saved = useSavedState(eligibilityFeature);
  const evidence = useSavedState(evidenceFeature);
  const shown = new Set(evidence.data.entries.flatMap((e) => e.ksbs)).size;
  const { data, ready, update } = saved;
  const g = data.gateway;
  const set = (change: Partial<typeof g>) => update((d) => ({ ...d, gateway: { ...d.gateway, ...change } }));
  // What is in the boxes, which may be half-typed; only a real date is saved (useDateField).
  const start = useDateField(g.startDate, (startDate) => set({ startDate }));
  const startValid = g.startDate !== undefined && isDateInRange(g.startDate);
  const beforeStandard = startValid ? beforeStandardWarning(g.startDate!, earliestStart) : undefined;
  const today = todayIso();
  const time = startValid ? gatewayTimeFor(rules.minimumDuration, g.startDate) : undefined;
  const standing = time ? timeStanding(time, today) : undefined;
  const otj = startValid ? offTheJobFor(rules.offTheJob, g.startDate!) : undefined;
  // What is in the hours box, which may be half-typed; only a whole number in range is saved.
  const [hoursText, setHoursText] = useState(() => (g.offTheJobHoursPlanned ? String(g.offTheJobHoursPlanned) : ''));
  useEffect(() => {
    if (Number(hoursText) !== g.offTheJobHoursPlanned) setHoursText(g.offTheJobHoursPlanned ? String(g.offTheJobHoursPlanned) : '');
  }, [g.offTheJobHoursPlanned]);
  const hoursError = hoursText.trim() !== '' && !validHours(hoursText) ? `Enter the hours as a whole number from 1 to ${formatNumber(OFF_THE_JOB_HOURS_MAX)}, for example 400` : undefined;
  const em = englishMathsResult(data.englishMaths);
  const evidenceHint =
    em.outcome === 'exempt-by-agreement'
      ? 'You told us you are aged 19 or over without level 2: you need confirmation that you are exempt.'
      : em.outcome === 'must-achieve'
        ? 'You told us you still need to achieve English and maths: you need the certificates before the EPA.'
        : 'Certificates at level 2 or above, or confirmation that you are exempt.';

  return (
    <div ref={early} class="checklist-form" data-ready={ready ? 'true' : undefined}>
      <StorageNotices states={[saved]} reads={[evidence]} />
      <h2>Time on programme</h2>
      <DateInput
        id="start-date"
        legend="When did your apprenticeship start?"
        hint="Or when it will start. For example, 1 9 2025."
        parts={start.parts}
        error={start.error}
        onChange={start.onChange}
      />
      <div aria-live="polite">
        {beforeStandard && (
          <p class="notice notice--warning" data-before-standard>
            {beforeStandard}
          </p>
        )}
        {time && standing && (
          <p class="result-line">
            Earliest gateway: <strong>{formatDate(time.earliest, { weekday: true })}</strong>, when you complete {time.version.months} months on programme
            (the minimum for {whoByStart(time.version)}).{' '}
            {standing.kind === 'not-yet' ? 'You have not reached it yet.' : 'You have reached it.'}
            {time.specificationEarliest && (
              <>
                {' '}
                The EPA specification says {time.version.stricterInSpecification} months (
                {formatDate(time.specificationEarliest)}): ask your assessment organisation which applies to you.
              </>
            )}
          </p>
        )}
      </div>
      {otj?.measure === 'published-hours' && (
        <TextField
          id="otj-hours"
          label="Minimum off-the-job hours in your training plan (optional)"
          hint="Since 1 August 2025 each standard has a published minimum number of off-the-job hours, less any reduction for prior learning. Your training plan gives your figure."
          value={hoursText}
          inputMode="numeric"
          width={6}
          error={hoursError}
          onInput={(text) => {
            setHoursText(text);
            if (text.trim() === '') set({ offTheJobHoursPlanned: undefined });
            else if (validHours(text)) set({ offTheJobHoursPlanned: Number(text.trim()) });
          }}
        />
      )}
      <Radios
        name="otj"
        legend={offTheJobQuestion(otj)}
        hint={
          otj ? (
            <>
              The rule for {whoByStart(otj)}. <a href={rulesHref}>Where this rule comes from</a>.
            </>
          ) : (
            'Enter your start date: the rule depends on it.'
          )
        }
        options={YES_NO_UNSURE}
        value={g.offTheJob}
        onChange={(offTheJob) => set({ offTheJob })}
      />

      {/* No count before the log is read: "0 work examples" would claim more than is known. The line is
          held in place meanwhile (hidden), so what follows does not move when the count comes. */}
      <div class="result-line" data-evidence-counts aria-busy={evidence.ready ? undefined : 'true'}>
        <HeldUntilRead ready={evidence.ready} what="evidence log">
          <p>
            From <a href={href(paths.evidence)}>your evidence log</a>
            {`: ${plural(evidence.data.entries.length, 'work example')} showing ${plural(shown, 'KSB')}, and ${formatHours(totalHours(evidence.data))} of off-the-job training logged.`}
          </p>
        </HeldUntilRead>
      </div>

      <h2>Confirmation and evidence</h2>
      <Radios
        name="employer-confirms"
        legend="Has your employer confirmed that you are working at or above the occupational standard?"
        hint="Your employer may take advice from your training provider, but the employer makes the decision."
        options={YES_NO_UNSURE}
        value={g.employerConfirms}
        onChange={(employerConfirms) => set({ employerConfirms })}
      />
      <Radios
        name="em-evidence"
        legend="Do you have your English and maths evidence, or confirmation that you are exempt?"
        hint={evidenceHint}
        options={YES_NO_UNSURE}
        value={g.englishMathsEvidence}
        onChange={(englishMathsEvidence) => set({ englishMathsEvidence })}
      />

      <h2>Project scoping document</h2>
      <p>For AM1 you submit a project scoping document at the gateway. It contains the project’s title, summary and scope.</p>
      <TextField id="scoping-title" label="Project title" value={g.scopingTitle} maxLength={ELIGIBILITY_TEXT_MAX.scopingTitle} onInput={(scopingTitle) => set({ scopingTitle })} />
      <TextField
        id="scoping-summary"
        label="Summary"
        hint="What the project is and why it matters to your employer."
        multiline
        value={g.scopingSummary}
        maxLength={ELIGIBILITY_TEXT_MAX.scopingSummary}
        onInput={(scopingSummary) => set({ scopingSummary })}
      />
      <TextField
        id="scoping-scope"
        label="Scope"
        hint="What is in and out of scope, with key performance indicators, aims and objectives."
        multiline
        value={g.scopingScope}
        maxLength={ELIGIBILITY_TEXT_MAX.scopingScope}
        onInput={(scopingScope) => set({ scopingScope })}
      />

      <h2>Gateway form</h2>
      <Radios
        name="unavailable"
        legend="Have you listed any dates you are unavailable during the EPA period?"
        options={YES_NO}
        value={g.unavailableDates}
        onChange={(unavailableDates) => set({ unavailableDates })}
        inline
      />
      <Radios
        name="adjustments"
        legend="Have you said whether you need any reasonable adjustments during the EPA?"
        options={YES_NO}
        value={g.reasonableAdjustments}
        onChange={(reasonableAdjustments) => set({ reasonableAdjustments })}
        inline
      />
      <Radios
        name="signatures"
        legend="Does the gateway form have the confirmation signatures that you are ready for the EPA?"
        options={YES_NO}
        value={g.signatures}
        onChange={(signatures) => set({ signatures })}
        inline
      />
      <SavedStatus state={saved} />
      <ContinueLink href={nextHref}>Continue to your summary</ContinueLink>
    </div>
  );
}

function validHours(text: string): boolean {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) && Number(trimmed) >= 1 && Number(trimmed) <= OFF_THE_JOB_HOURS_MAX;
}
