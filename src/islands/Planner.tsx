/**
 * /epa/planner/: works out the EPA dates from the start date, the planned gateway date and, if
 * known, the presentation date and the outcome date. Each date shows the rule it comes from, and
 * they can be downloaded as a calendar (.ics). Today is marked where it falls among the dates. Invalid or impossible dates get a clear message.
 */
import { type DateParts, dateError, formatDate, partsToIso, todayIso } from '../lib/dates';
import { plural } from '../lib/format';
import { buildIcs, eventUid } from '../lib/ics';
import { plan, planStanding, plannerFeature, type PlannerInput, type PlannerRules, type RuleSource } from '../lib/planner';
import { DateInput, SavedStatus } from './shared/fields';
import { downloadText } from './shared/download';
import { StorageNotices } from './shared/StorageNotices';
import { useSavedState } from './shared/useSavedState';
import { useEarlyInput } from './shared/useEarlyInput';
import { useDateField, type DateField } from './shared/useDateField';
import '../styles/tags.css';
import './Planner.css';

interface Props {
  rules: PlannerRules;
  /** Each rule's words, quoted from the specification or the standard. */
  ruleText: Record<RuleSource, string>;
  sourceName: string;
}

type Field = keyof PlannerInput;
const FIELDS: Array<{ field: Field; legend: string; hint: string; optional: boolean }> = [
  { field: 'startDate', legend: 'When did your apprenticeship start?', hint: 'For example, 1 9 2025.', optional: false },
  { field: 'gatewayDate', legend: 'When do you plan to go through the gateway? (optional)', hint: 'Leave blank to use the earliest possible date.', optional: true },
  { field: 'presentationDate', legend: 'When is your presentation with questions? (optional)', hint: 'If the date has been set or proposed.', optional: true },
  { field: 'outcomeDate', legend: 'When were you told the outcome of your EPA? (optional)', hint: 'Only if you need to plan a re-sit or re-take.', optional: true },
];

export default function Planner({ rules, ruleText, sourceName }: Props) {
  const early = useEarlyInput();
  const saved = useSavedState(plannerFeature);
  // What is typed, which may be unfinished: only a complete real date, or a cleared field, is saved,
  // so starting to retype a date keeps the saved one until the new one is complete (useDateField).
  // A change saved elsewhere (another tab, an import) replaces what a field shows.
  const setField = (field: Field) => (iso: string | undefined) => saved.update((d) => ({ ...d, [field]: iso }));
  const fields: Record<Field, DateField> = {
    startDate: useDateField(saved.data.startDate, setField('startDate')),
    gatewayDate: useDateField(saved.data.gatewayDate, setField('gatewayDate')),
    presentationDate: useDateField(saved.data.presentationDate, setField('presentationDate')),
    outcomeDate: useDateField(saved.data.outcomeDate, setField('outcomeDate')),
  };
  const parts = Object.fromEntries(FIELDS.map(({ field }) => [field, fields[field].parts])) as Record<Field, DateParts>;

  const input: PlannerInput = {};
  const typingErrors: Partial<Record<Field, string>> = {};
  for (const { field } of FIELDS) {
    const p = parts[field];
    if (!p.day && !p.month && !p.year) continue;
    const iso = partsToIso(p);
    const problem = dateError(iso);
    if (problem) typingErrors[field] = problem;
    else input[field] = iso;
  }
  const result = plan(input, rules);
  const standing = planStanding(result.dates, todayIso());
  const errorFor = (field: Field) => typingErrors[field] ?? result.errors.find((e) => e.field === field && (field !== 'startDate' || Object.keys(input).length > 0 || typingErrors.startDate))?.message;
  const showDates = result.errors.length === 0 && Object.keys(typingErrors).length === 0 && result.dates.length > 0;

  const downloadCalendar = () => {
    const ics = buildIcs(
      // The dates still to come, exactly as listed: a passed date has no place in a calendar.
      standing.upcoming.map((d) => ({ uid: eventUid(d.id), date: d.date, summary: `EPA: ${d.label}`, description: d.explanation ?? ruleText[d.rule] })),
      { calendarName: 'EPA dates', now: new Date() },
    );
    downloadText('epa-dates.ics', ics, 'text/calendar;charset=utf-8');
  };

  return (
    <div ref={early} class="planner" data-ready={saved.ready ? 'true' : undefined}>
      <StorageNotices states={[saved]} />
      {FIELDS.map(({ field, legend, hint }) => (
        <DateInput key={field} id={field} legend={legend} hint={hint} parts={parts[field]} error={errorFor(field)} onChange={fields[field].onChange} />
      ))}
      <SavedStatus state={saved} />
      <section aria-labelledby="dates-heading" aria-live="polite">
        <h2 id="dates-heading">Your dates</h2>
        {!showDates ? (
          <p>{Object.keys(input).length === 0 ? 'Enter your start date to see your dates.' : 'Correct the dates above to see your plan.'}</p>
        ) : (
          <>
            {result.warnings.map((w) => (
              <p class="notice notice--warning" key={w}>
                {w}
              </p>
            ))}
            <p class="planner__next" data-next>
              {standing.next
                ? standing.next.days === 0
                  ? <>Today: <strong>{standing.next.date.label}</strong>.</>
                  : <>Next: <strong>{standing.next.date.label}</strong>, {formatDate(standing.next.date.date)}, in {plural(standing.next.days, 'day')}.</>
                : 'Every date in this plan has passed.'}
            </p>
            <ol class="timeline">
              {result.dates.map((d, i) => [
                i === standing.todayAt && <TodayMark key="today" today={standing.today} />,
                <li key={d.id} class={`timeline__item${standing.isPassed(d) ? ' timeline__item--passed' : ''}`} data-date={d.id} data-passed={standing.isPassed(d) ? 'true' : undefined}>
                  <p class="timeline__date">
                    {d.qualifier && <span class="timeline__qualifier">{d.qualifier} </span>}
                    <strong>{formatDate(d.date, { weekday: true })}</strong>
                    {standing.isPassed(d) && <span class="tag tag--not-started timeline__when">Passed</span>}
                    {standing.isToday(d) && <span class="tag tag--completed timeline__when">Today</span>}
                  </p>
                  <p class="timeline__label">{d.label}</p>
                  <blockquote class="quoted timeline__rule">
                    <p>{d.explanation ?? ruleText[d.rule]}</p>
                  </blockquote>
                </li>,
              ])}
              {standing.todayAt === result.dates.length && <TodayMark today={standing.today} />}
            </ol>
            <p class="muted">Rules quoted from {sourceName}. Your assessment organisation confirms the actual dates.</p>
            {standing.upcoming.length > 0 && (
              <button type="button" class="button" onClick={downloadCalendar}>
                Download the {plural(standing.upcoming.length, 'date')} still to come as a calendar (.ics)
              </button>
            )}
          </>
        )}
      </section>
    </div>
  );
}

/** Where today falls on the timeline: after the dates that have passed, before those to come. */
function TodayMark({ today }: { today: string }) {
  return (
    <li class="timeline__today" data-today={today}>
      <p>
        <strong>Today</strong>, {formatDate(today, { weekday: true })}
      </p>
    </li>
  );
}
