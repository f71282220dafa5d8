/**
 * Off-the-job hours: what the target is worked out from (the rule for the start date, the dates
 * and hours the learner gives, or the figure from their training plan), the total against it,
 * ahead or behind where they should be by today, hours by month, and the activities logged.
 */
import { useEffect, useState } from 'preact/hooks';
import { dateError, formatDate, isoToParts, partsToIso, todayIso } from '../../lib/dates';
import type { EvidenceKsb } from '../../lib/evidence/coverage';
import { byDateDesc, EVIDENCE_LIMITS, type EvidenceLog, type OtjActivity } from '../../lib/evidence/log';
import { formatHours, hoursByMonth, otjPace, otjTarget, parseHours, totalHours, type OtjPlan } from '../../lib/evidence/otj';
import { whoByStart, type OffTheJobRule } from '../../lib/rules';
import { href, paths } from '../../lib/urls';
import { DateInput, TextField } from '../shared/fields';
import { HeldUntilRead } from '../shared/ReadingNote';
import { useDateField } from '../shared/useDateField';
import { KsbPicker } from './KsbPicker';
import { formatNumber } from '../../lib/format';

interface Props {
  log: EvidenceLog;
  /** The plan as used: the learner's own figures, else the checklist's and planner's. */
  plan: OtjPlan;
  /** Where each figure of the plan came from when not typed here ("your checklist"). */
  fallbackFrom: Partial<Record<keyof OtjPlan, string>>;
  rule: OffTheJobRule;
  ksbs: readonly EvidenceKsb[];
  setPlan: (change: Partial<EvidenceLog['plan']>) => void;
  addActivity: (activity: Omit<OtjActivity, 'id' | 'created' | 'updated'>) => void;
  deleteActivity: (id: string) => void;
  /** True until the log is read: no total, target or pace is claimed before. */
  reading?: boolean;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const monthName = (m: string) => `${MONTHS[Number(m.slice(5)) - 1]} ${m.slice(0, 4)}`;

/** A plan date: shows what is saved once read, and saves only a complete real date or a cleared field (useDateField). */
function PlanDate({ id, legend, hint, value, onChange }: { id: string; legend: string; hint: string; value: string | undefined; onChange: (iso: string | undefined) => void }) {
  const field = useDateField(value, onChange);
  return <DateInput id={id} legend={legend} hint={hint} parts={field.parts} error={field.error} onChange={field.onChange} />;
}

function NumberField({ id, label, hint, value, max, whole, onChange }: { id: string; label: string; hint: string; value: number | undefined; max: number; whole?: boolean; onChange: (n: number | undefined) => void }) {
  const [text, setText] = useState(value ? String(value) : '');
  const parse = (t: string) => {
    const n = Number(t.trim().replace(',', '.'));
    return t.trim() !== '' && Number.isFinite(n) && n > 0 && n <= max && (!whole || Number.isInteger(n)) ? n : undefined;
  };
  // What is saved, once read, and whenever it changes (another tab, an import); not on every keystroke.
  useEffect(() => {
    if (parse(text) !== value) setText(value ? String(value) : '');
  }, [value]);
  const error = text.trim() !== '' && parse(text) === undefined ? `Enter a ${whole ? 'whole ' : ''}number above 0 and up to ${formatNumber(max)}` : undefined;
  return (
    <TextField
      id={id}
      label={label}
      hint={hint}
      value={text}
     
      error={error}
      onInput={(t) => {
        setText(t);
        if (t.trim() === '') onChange(undefined);
        else if (parse(t) !== undefined) onChange(parse(t));
      }}
    />
  );
}

export function OffTheJob({ log, plan, fallbackFrom, rule, ksbs, setPlan, addActivity, deleteActivity, reading = false }: Props) {
  const today = todayIso();
  const logged = totalHours(log);
  const { version, target } = otjTarget(rule, plan);
  const pace = target.kind === 'missing' ? undefined : otjPace(target.hours, logged, plan, today);
  const months = hoursByMonth(log);
  const most = Math.max(1, ...months.map((m) => m.hours));
  const from = (key: keyof OtjPlan) => (fallbackFrom[key] ? ` Left empty, the figure from ${fallbackFrom[key]} is used.` : '');
  const [adding, setAdding] = useState(false);
  const [draft, setDraft] = useState({ date: isoToParts(today), hours: '', what: '', ksbs: [] as string[] });
  const [errors, setErrors] = useState<{ date?: string | undefined; hours?: string | undefined; what?: string | undefined }>({});

  const save = (e: Event) => {
    e.preventDefault();
    const date = partsToIso(draft.date);
    const hours = parseHours(draft.hours, EVIDENCE_LIMITS.hours);
    const next = {
      date: dateError(date),
      hours: hours === undefined ? `Enter hours as a number above 0, in quarter hours, for example 3 or 1.5` : undefined,
      what: draft.what.trim() ? undefined : 'Say what the training was',
    };
    setErrors(next);
    if (next.date || next.hours || next.what) {
      document.getElementById(next.date ? 'activity-date-day' : next.hours ? 'activity-hours' : 'activity-what')?.focus();
      return;
    }
    addActivity({ date: date!, hours: hours!, what: draft.what.trim(), ksbs: draft.ksbs });
    setDraft({ date: isoToParts(today), hours: '', what: '', ksbs: [] });
    setAdding(false);
  };

  return (
    <div class="otj">
      <div class="otj__summary" aria-live="polite" data-otj-total={reading ? undefined : logged}>
        {/* Held in place (hidden) as it reads with nothing saved until everything it reads is read. */}
        <HeldUntilRead ready={!reading} what="evidence log">
          <p class="otj__total">
            <strong>{formatHours(logged)}</strong>
            {target.kind === 'missing' ? ' of off-the-job training logged.' : ' of off-the-job training logged against a target of '}
            {target.kind !== 'missing' && (
              <>
                <strong>{formatHours(target.hours)}</strong>
                {target.kind === 'plan' ? ' (from your training plan).' : ' (an estimate).'}
              </>
            )}
          </p>
          {target.kind === 'estimate' && (
            <p>
              The rule for {whoByStart(version!)}: {target.percent}% of your paid hours. That is {target.percent}% of {formatHours(target.weeklyHours)} a week
              {target.capped ? ' (a longer week counts as this many)' : ''} for the {formatNumber(target.weeks, 1)} weeks from your
              start to your planned end. Your training plan’s figure, which leaves out statutory leave, is the one that counts: enter it below if you have it.
            </p>
          )}
          {target.kind === 'missing' && (
            <p class="otj__ask">
              {`${
                version?.measure === 'published-hours'
                ? `For ${whoByStart(version)}, the target is the published minimum of off-the-job hours for the standard, which your training plan gives (less any reduction for prior learning). This site states no figure for ST1398: enter yours from your training plan to see how you are doing.`
                : version
                  ? `For ${whoByStart(version)}, the target is ${version.percent}% of your paid hours: enter your planned end date and the hours you work a week, or the figure from your training plan.`
                  : 'The target depends on when you started: enter your start date, and the figure from your training plan if you have it.'
              } `}
              <a href={href(paths.rule('off-the-job'))}>The rule and its sources</a>.
            </p>
          )}
          {pace && pace.kind === 'not-started' && <p>Your training starts on {formatDate(pace.startDate)}.</p>}
          {pace && (pace.kind === 'ahead' || pace.kind === 'behind' || pace.kind === 'on-track') && (
            <p class={`otj__pace otj__pace--${pace.kind}`} data-pace={pace.kind}>
              {pace.kind === 'on-track'
                ? `On track: by today you would expect about ${formatHours(pace.expected)}.`
                : pace.kind === 'ahead'
                  ? `Ahead by ${formatHours(pace.difference)}: by today you would expect about ${formatHours(pace.expected)}.`
                  : `Behind by ${formatHours(-pace.difference)}: by today you would expect about ${formatHours(pace.expected)}. Talk to your employer and tutor about time for training.`}{' '}
              ({Math.round(pace.share * 100)}% of the way from your start to your planned end.)
            </p>
          )}
          {pace && pace.kind === 'ended' && <p>Your planned end date has passed. {pace.remaining > 0 ? `${formatHours(pace.remaining)} short of the target.` : 'The target is met.'}</p>}
        </HeldUntilRead>
      </div>

      {months.length > 0 && (
        <table class="otj-chart">
          <caption>Off-the-job hours by month</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">Hours</th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.month}>
                <th scope="row">{monthName(m.month)}</th>
                <td>
                  <span class="otj-chart__bar" style={{ inlineSize: `${(m.hours / most) * 100}%` }} aria-hidden="true" />
                  <span class="otj-chart__value">{formatNumber(m.hours, 2)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <details class="otj__plan" open={target.kind === 'missing'}>
        <summary>Your dates, hours and target</summary>
        <PlanDate id="plan-start" legend="When did your apprenticeship start?" hint={`For example, 1 9 2025.${from('startDate')}`} value={log.plan.startDate} onChange={(startDate) => setPlan({ startDate })} />
        <PlanDate id="plan-end" legend="When does your training end?" hint={`Your planned gateway, the end of your practical period.${from('endDate')}`} value={log.plan.endDate} onChange={(endDate) => setPlan({ endDate })} />
        <NumberField id="plan-weekly" label="Hours you work a week (paid)" hint="Used only to estimate the target under the percentage rule. For example 37.5." value={log.plan.weeklyHours} max={EVIDENCE_LIMITS.weeklyHours} onChange={(weeklyHours) => setPlan({ weeklyHours })} />
        <NumberField id="plan-hours" label="Off-the-job hours in your training plan" hint={`The figure your training plan gives; it replaces any estimate.${from('plannedHours')}`} value={log.plan.plannedHours} max={EVIDENCE_LIMITS.plannedHours} whole onChange={(plannedHours) => setPlan({ plannedHours })} />
      </details>

      <h3>Training activities</h3>
      <p>Log training that is not a piece of work: a course, a workshop, study time, shadowing. Hours attached to evidence entries count too.</p>
      {!adding ? (
        <button type="button" class="button button--secondary" id="add-activity" onClick={() => setAdding(true)}>
          Log training
        </button>
      ) : (
        <form class="activity-form" onSubmit={save} noValidate aria-label="Log training">
          <DateInput id="activity-date" legend="Date" parts={draft.date} error={errors.date} onChange={(date) => setDraft((d) => ({ ...d, date }))} />
          <TextField id="activity-hours" label="Hours" hint="For example 3 or 1.5." value={draft.hours} error={errors.hours} onInput={(hours) => setDraft((d) => ({ ...d, hours }))} />
          <TextField id="activity-what" label="What it was" hint="For example “MLOps course, module 3: model registries”." value={draft.what} maxLength={EVIDENCE_LIMITS.what} error={errors.what} onInput={(what) => setDraft((d) => ({ ...d, what }))} />
          <KsbPicker id="activity-ksbs" ksbs={ksbs} chosen={draft.ksbs} text={draft.what} onChange={(codes) => setDraft((d) => ({ ...d, ksbs: codes }))} />
          <div class="button-row">
            <button type="submit" class="button">
              Save training
            </button>
            <button type="button" class="button button--secondary" onClick={() => setAdding(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {log.activities.length > 0 && (
        <ul class="activities">
          {[...log.activities].sort(byDateDesc).map((a) => (
            <li key={a.id} class="activity" data-activity={a.id}>
              <span>
                <strong id={`activity-${a.id}`}>{a.what}</strong>
                <span class="entry__meta">
                  {' '}
                  {formatDate(a.date)} · {formatHours(a.hours)}
                  {a.ksbs.length > 0 && ` · ${a.ksbs.join(', ')}`}
                </span>
              </span>
              <button type="button" class="button button--secondary button--small" onClick={() => deleteActivity(a.id)} aria-describedby={`activity-${a.id}`}>
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
