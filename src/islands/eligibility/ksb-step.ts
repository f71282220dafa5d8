/**
 * The KSB step (`/eligibility/ksbs/`) as the page is built, brought to life. The 70 KSBs, grouped by
 * theme, are the page's own HTML (KsbEvidenceGroup, rendered with the page and never hydrated: the
 * twelve theme islands they used to be took most of the page's start on a phone, issue #20). The
 * step's one island (KsbEvidence) reads what the learner answers from the events of these controls
 * (`answerFrom`) and shows the saved answers in them (`showAnswers`).
 */
import { EARLIER_LABEL, ELIGIBILITY_TEXT_MAX, OPPORTUNITY, type EligibilityAnswers, type KsbEntry, type Opportunity } from '../../lib/eligibility';
import { showHeldInline } from '../shared/ReadingNote';

export type KsbFilter = 'all' | 'unanswered' | 'gaps';

/** Whether a KSB with this answer is shown under the filter. */
export function shownUnder(filterNow: KsbFilter, opportunity: string | undefined): boolean {
  if (filterNow === 'unanswered') return !opportunity;
  if (filterNow === 'gaps') return opportunity === 'with-changes' || opportunity === 'no';
  return true;
}

/** The page's names for a KSB's controls and parts: written here once, for KsbEvidenceGroup and the island. */
export const KSB_STEP = {
  group: 'ksb-evidence__group',
  item: 'ksb-evidence__item',
  note: 'ksb-evidence__note',
  noteLabel: 'ksb-evidence__note-label',
  explain: 'ksb-evidence__explain',
  earlier: 'ksb-evidence__earlier',
  radios: (code: string) => `ksb-${code}`,
  canAlready: (code: string) => `can-${code}`,
  noteField: (code: string) => `note-${code}`,
  noteQuestion: (code: string) => `Where in your work could you develop or show ${code}? (optional)`,
} as const;

const isOpportunity = (value: string): value is Opportunity => (OPPORTUNITY as readonly string[]).includes(value);

/** The KSB an element of the step belongs to. */
export const ksbOf = (element: Element): string | undefined => element.closest<HTMLElement>(`.${KSB_STEP.item}`)?.dataset['ksb'];

/**
 * What the learner answered, when the event is one of a KSB's controls: a choice's "change" (a radio
 * or the tick), a note's "input".
 */
export function answerFrom(event: Event): { code: string; change: Partial<KsbEntry> } | undefined {
  const target = event.target;
  if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) return undefined;
  const code = ksbOf(target);
  if (!code) return undefined;
  if (target instanceof HTMLTextAreaElement)
    return event.type === 'input' && target.id === KSB_STEP.noteField(code) ? { code, change: { note: target.value } } : undefined;
  if (event.type !== 'change') return undefined;
  if (target.type === 'radio' && target.name === KSB_STEP.radios(code) && target.checked && isOpportunity(target.value)) {
    return { code, change: { opportunity: target.value } };
  }
  if (target.type === 'checkbox' && target.id === KSB_STEP.canAlready(code)) return { code, change: { canAlready: target.checked } };
  return undefined;
}

/** Sets a text without adding or removing a text node where one is there (hydration adopts the page; it does not rebuild it). */
function setText(element: Element, text: string): void {
  const node = element.firstChild;
  if (node instanceof Text && node === element.lastChild) {
    if (node.data !== text) node.data = text;
  } else element.textContent = text;
}

/**
 * A note's field: drawn only once its disclosure is opened or holds a note. A text field inside a
 * closed <details> costs the browser a layout of its own when the page finishes loading (Chromium's
 * form scan forces each one out of the skipped content), and with 70 that was the page's longest
 * task on a phone (issue #20).
 */
export function noteFieldOf(details: HTMLDetailsElement, code: string): HTMLTextAreaElement {
  const found = details.querySelector('textarea');
  if (found) return found;
  const label = document.createElement('label');
  label.className = 'field__label field__label--small';
  label.htmlFor = KSB_STEP.noteField(code);
  label.textContent = KSB_STEP.noteQuestion(code);
  const field = document.createElement('textarea');
  field.id = KSB_STEP.noteField(code);
  field.className = 'textarea';
  field.rows = 2;
  field.maxLength = ELIGIBILITY_TEXT_MAX.ksbNote;
  // In place of the question as built (a paragraph: there is no field yet to label).
  details.querySelector(':scope > p')?.remove();
  details.append(label, field);
  return field;
}

/** Shows one KSB's saved answer in its controls. */
function showEntry(item: HTMLElement, code: string, entry: KsbEntry): void {
  for (const radio of item.querySelectorAll<HTMLInputElement>(`input[name="${KSB_STEP.radios(code)}"]`)) radio.checked = radio.value === entry.opportunity;
  const can = item.querySelector<HTMLInputElement>(`#${KSB_STEP.canAlready(code)}`);
  if (can) can.checked = Boolean(entry.canAlready);

  // Version 1's answer, kept beside the new question.
  let earlier = item.querySelector(`.${KSB_STEP.earlier}`);
  if (entry.earlier) {
    if (!earlier) {
      earlier = document.createElement('p');
      earlier.className = KSB_STEP.earlier;
      item.querySelector('fieldset')?.after(earlier);
    }
    setText(earlier, `Your answer to the earlier question was “${EARLIER_LABEL[entry.earlier]}”.`);
  } else earlier?.remove();

  const details = item.querySelector<HTMLDetailsElement>(`.${KSB_STEP.note}`);
  if (!details) return;
  const label = details.querySelector(`.${KSB_STEP.noteLabel}`);
  if (label) setText(label, entry.note ? 'Your note' : 'Add a note');
  // A note is shown; a note emptied leaves its field open where the learner is typing.
  if (entry.note) details.open = true;
  if (details.open || entry.note) {
    const field = noteFieldOf(details, code);
    if (field.value !== (entry.note ?? '')) field.value = entry.note ?? '';
  }
}

/** A theme as the page has it: its section, its heading and its KSBs' codes. */
interface StepGroup {
  element: HTMLElement;
  heading: HTMLElement | null;
  codes: string[];
}

/** The step's KSBs and themes as the page has them, read once. */
export function stepParts(list: ParentNode): { items: Map<string, HTMLElement>; groups: StepGroup[] } {
  const items = new Map<string, HTMLElement>();
  for (const item of list.querySelectorAll<HTMLElement>(`.${KSB_STEP.item}`)) {
    const code = item.dataset['ksb'];
    if (code) items.set(code, item);
  }
  const groups = [...list.querySelectorAll<HTMLElement>(`.${KSB_STEP.group}`)].map((element) => ({
    element,
    heading: element.querySelector('h2'),
    codes: [...element.querySelectorAll<HTMLElement>(`.${KSB_STEP.item}`)].flatMap((item) => item.dataset['ksb'] ?? []),
  }));
  return { items, groups };
}

/** A theme's count in its heading. */
export const groupCount = (answered: number, of: number) => `(${answered} of ${of} answered)`;

/**
 * Shows the saved answers in the step and the KSBs the filter leaves: each KSB's controls (only
 * those whose answer changed since `shown`, which it updates), each theme's count of answered, and
 * which KSBs and themes are in view.
 */
export function showAnswers(
  parts: ReturnType<typeof stepParts>,
  answers: EligibilityAnswers['ksbs'],
  filter: KsbFilter,
  shown: Map<string, KsbEntry | undefined>,
): void {
  for (const [code, item] of parts.items) {
    const entry = answers[code];
    if (!shown.has(code) || shown.get(code) !== entry) {
      showEntry(item, code, entry ?? {});
      shown.set(code, entry);
    }
    item.hidden = !shownUnder(filter, entry?.opportunity);
  }
  for (const { element, heading, codes } of parts.groups) {
    const answered = codes.filter((code) => answers[code]?.opportunity).length;
    element.hidden = codes.every((code) => parts.items.get(code)?.hidden);
    // No count as built: "0 of 6" would claim what no one has checked. The page holds it there,
    // hidden (so the heading does not grow when it is shown: KsbEvidenceGroup), shown once read.
    const count = heading?.querySelector('.count');
    if (count) {
      showHeldInline(count);
      setText(count, groupCount(answered, codes.length));
    }
  }
}
