/**
 * Adding or editing one evidence entry: a title, when, the story (situation, task, what you did,
 * result, what you learnt; each optional, with hints), where the evidence lives, its KSBs and any
 * off-the-job hours. Errors follow the GOV.UK pattern: a summary first, each field's message
 * beside it, and focus on the summary.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { dateError, isoToParts, partsToIso, compareDates, type DateParts } from '../../lib/dates';
import type { EvidenceKsb } from '../../lib/evidence/coverage';
import { EVIDENCE_LIMITS, STORY_HINT, STORY_LABEL, STORY_PARTS, type EvidenceEntry, type StoryPart } from '../../lib/evidence/log';
import { parseHours } from '../../lib/evidence/otj';
import { DateInput, TextField } from '../shared/fields';
import { KsbPicker } from './KsbPicker';

export type EntryDraft = Omit<EvidenceEntry, 'id' | 'created' | 'updated'>;

interface Props {
  /**
   * The entry being edited as it is saved now, or undefined for a new one. The form holds it as it
   * was when opened: if another tab changes or deletes it meanwhile, the form says so.
   */
  entry: EvidenceEntry | undefined;
  ksbs: readonly EvidenceKsb[];
  /** KSBs chosen already for a new entry (from the coverage grid). */
  presetKsbs?: string[] | undefined;
  /** `opened`: the entry as it was when the form opened (undefined when adding one). */
  onSave: (draft: EntryDraft, opened: EvidenceEntry | undefined) => void;
  onCancel: () => void;
}

type Errors = Partial<Record<'title' | 'date' | 'end' | 'hours', string | undefined>>;
const empty: DateParts = { day: '', month: '', year: '' };
const blank = (p: DateParts) => !p.day && !p.month && !p.year;

export function EntryForm({ entry: current, ksbs, presetKsbs, onSave, onCancel }: Props) {
  // The entry as it was when the form opened: what the fields start from and what Save compares with.
  const [entry] = useState(current);
  const gone = entry !== undefined && current === undefined;
  const changed = entry !== undefined && current !== undefined && current.updated !== entry.updated;
  const [title, setTitle] = useState(entry?.title ?? '');
  const [date, setDate] = useState<DateParts>(entry ? isoToParts(entry.date) : empty);
  const [end, setEnd] = useState<DateParts>(entry?.end ? isoToParts(entry.end) : empty);
  const [story, setStory] = useState<Partial<Record<StoryPart, string>>>(() => Object.fromEntries(STORY_PARTS.map((p) => [p, entry?.[p] ?? ''])));
  const [where, setWhere] = useState(entry?.where ?? '');
  const [chosen, setChosen] = useState<string[]>(entry?.ksbs ?? presetKsbs ?? []);
  const [hours, setHours] = useState(entry?.otjHours ? String(entry.otjHours) : '');
  const [errors, setErrors] = useState<Errors>({});
  const summary = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [shown, setShown] = useState(0);

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (shown) summary.current?.focus();
  }, [shown]);

  const submit = (event: Event) => {
    event.preventDefault();
    const next: Errors = {};
    if (!title.trim()) next.title = 'Enter a title for this piece of work';
    const from = partsToIso(date);
    if (blank(date)) next.date = 'Enter the date of this work, or the first day it ran';
    else next.date = dateError(from);
    const to = blank(end) ? undefined : partsToIso(end);
    if (!blank(end)) next.end = dateError(to) ?? (from && to && compareDates(to, from) < 0 ? 'The end date must be the same as or after the start date' : undefined);
    const otj = hours.trim() === '' ? undefined : parseHours(hours, EVIDENCE_LIMITS.hours);
    if (hours.trim() !== '' && otj === undefined) next.hours = `Enter hours as a number above 0, in quarter hours, up to ${EVIDENCE_LIMITS.hours}, for example 3 or 1.5`;
    const found = Object.fromEntries(Object.entries(next).filter(([, v]) => v)) as Errors;
    setErrors(found);
    if (Object.keys(found).length) {
      setShown((n) => n + 1);
      return;
    }
    const draft: EntryDraft = { title: title.trim(), date: from!, ksbs: chosen };
    if (to && to !== from) draft.end = to;
    for (const p of STORY_PARTS) if (story[p]?.trim()) draft[p] = story[p]!.trim();
    if (where.trim()) draft.where = where.trim();
    if (otj !== undefined) draft.otjHours = otj;
    onSave(draft, entry);
  };

  const errorList = Object.entries(errors) as Array<[keyof Errors, string]>;
  const fieldFor: Record<keyof Errors, string> = { title: 'entry-title', date: 'entry-date-day', end: 'entry-end-day', hours: 'entry-hours' };
  const allText = [title, ...STORY_PARTS.map((p) => story[p] ?? '')].join(' ');

  return (
    <form class="entry-form" onSubmit={submit} noValidate aria-labelledby="entry-form-heading">
      <h3 id="entry-form-heading" tabIndex={-1} ref={heading}>
        {entry ? `Edit “${entry.title}”` : 'Add an entry'}
      </h3>
      {(gone || changed) && (
        <p class="notice notice--warning" role="status" data-entry-elsewhere={gone ? 'deleted' : 'changed'}>
          {gone
            ? 'This entry has been deleted in another tab. What is in this form is not lost: saving it adds it as a new entry.'
            : 'This entry has been changed in another tab since you opened it. Saving keeps what is in this form as the entry, and keeps the other version as a copy on “Your saved data”, where you can restore or download it.'}
        </p>
      )}
      {errorList.length > 0 && (
        <div class="error-summary" role="alert" tabIndex={-1} ref={summary} aria-labelledby="entry-errors-title">
          <h4 id="entry-errors-title" class="error-summary__title">
            There is a problem
          </h4>
          <ul>
            {errorList.map(([field, message]) => (
              <li key={field}>
                <a href={`#${fieldFor[field]}`}>{message}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <TextField id="entry-title" label="Title" hint="A few words you and your tutor will recognise, for example “Drift alerts for the churn model”." value={title} maxLength={EVIDENCE_LIMITS.title} error={errors.title} onInput={setTitle} />
      <DateInput id="entry-date" legend="When was it?" hint="The day, or the first day if it ran over a while. For example, 14 3 2026." parts={date} error={errors.date} onChange={setDate} />
      <DateInput id="entry-end" legend="Until (optional)" hint="The last day, if it ran over more than one day." parts={end} error={errors.end} onChange={setEnd} />
      <details class="entry-form__story" open>
        <summary>The story: situation, task, what you did, result, what you learnt</summary>
        <p class="entry-form__intro">Each part is optional. Assessors ask for what you did yourself and why, so that part matters most.</p>
        {STORY_PARTS.map((p) => (
          <TextField
            key={p}
            id={`entry-${p}`}
            label={STORY_LABEL[p]}
            hint={STORY_HINT[p]}
            multiline
            rows={p === 'action' ? 5 : 3}
            maxLength={EVIDENCE_LIMITS.story}
            value={story[p]}
            onInput={(value) => setStory((s) => ({ ...s, [p]: value }))}
          />
        ))}
      </details>
      <TextField
        id="entry-where"
        label="Where the evidence is (optional)"
        hint="A repository, a document’s name, a ticket or a dashboard. Nothing is uploaded: this is a note of where to find it."
        value={where}
        maxLength={EVIDENCE_LIMITS.where}
        onInput={setWhere}
      />
      <KsbPicker id="entry-ksbs" ksbs={ksbs} chosen={chosen} text={allText} onChange={setChosen} />
      <TextField
        id="entry-hours"
        label="Off-the-job training hours in this work (optional)"
        hint="Only new learning within your paid hours that counts as off-the-job training (see “Does this count as off-the-job?”). For example 3 or 1.5."
        value={hours}
       
        error={errors.hours}
        onInput={setHours}
      />
      <div class="button-row">
        <button type="submit" class="button">
          {entry ? 'Save changes' : 'Save entry'}
        </button>
        <button type="button" class="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
