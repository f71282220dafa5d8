/**
 * Form fields in the GOV.UK pattern: a fieldset and legend for each question, a hint, and options
 * or inputs with their labels. Every control has a label; hints are tied with aria-describedby.
 */
import type { ComponentChildren } from 'preact';
import { formatTime, type DateParts } from '../../lib/dates';
import './fields.css';
import { formatNumber } from '../../lib/format';

export interface Option<V extends string> {
  value: V;
  label: ComponentChildren;
  hint?: string;
}

interface RadiosProps<V extends string> {
  name: string;
  legend: ComponentChildren;
  hint?: ComponentChildren;
  options: ReadonlyArray<Option<V>>;
  value: V | undefined;
  /** Without it, the radios are read by an island around them (the KSB step's, src/islands/eligibility/ksb-step.ts). */
  onChange?: (value: V) => void;
  /** Lay the options out side by side (for short answers such as Yes / No). */
  inline?: boolean;
  legendClass?: string;
}

export function Radios<V extends string>({ name, legend, hint, options, value, onChange, inline, legendClass }: RadiosProps<V>) {
  const help = fieldHelp(name, hint, undefined);
  return (
    <fieldset class="field" aria-describedby={help.describedBy}>
      <legend class={legendClass ?? 'field__legend'}>{legend}</legend>
      <HintAndError {...help} />
      <div class={inline ? 'choices choices--inline' : 'choices'}>
        {options.map((option) => {
          const id = `${name}-${option.value.replace(/[^A-Za-z0-9_-]/g, '-')}`;
          return (
            <div class="choice" key={option.value}>
              <input
                class="choice__input"
                type="radio"
                id={id}
                name={name}
                value={option.value}
                checked={value === option.value}
                onChange={onChange && (() => onChange(option.value))}
                aria-describedby={option.hint ? `${id}-hint` : undefined}
              />
              <label class="choice__label" for={id}>
                {option.label}
              </label>
              {option.hint && (
                <div class="choice__hint" id={`${id}-hint`}>
                  {option.hint}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

interface FieldHelp {
  hint: ComponentChildren | undefined;
  error: string | undefined;
  hintId: string | undefined;
  errorId: string | undefined;
  /** For aria-describedby on the control (or fieldset) the help belongs to. */
  describedBy: string | undefined;
}

function fieldHelp(id: string, hint: ComponentChildren | undefined, error: string | undefined): FieldHelp {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return { hint, error, hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined };
}

/** A field's hint, then its error message (the GOV.UK order), each with the id the control cites. */
function HintAndError({ hint, error, hintId, errorId }: FieldHelp) {
  return (
    <>
      {hint && (
        <div class="field__hint" id={hintId}>
          {hint}
        </div>
      )}
      {error && (
        <p class="field__error" id={errorId}>
          <span class="visually-hidden">Error:</span> {error}
        </p>
      )}
    </>
  );
}

interface TextProps {
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  value: string | undefined;
  onInput: (value: string) => void;
  multiline?: boolean;
  rows?: number;
  maxLength?: number;
  type?: 'text' | 'date' | 'password';
  /** For a passphrase: 'new-password' when making one, 'current-password' when entering one. */
  autoComplete?: 'new-password' | 'current-password' | 'off';
  /** 'numeric' for whole numbers (GOV.UK: a text input with a numeric keyboard, not type=number). */
  inputMode?: 'numeric';
  /** A narrower box for short answers, in characters. */
  width?: number;
  labelClass?: string;
  /** An error message shown above the input (GOV.UK error pattern). */
  error?: string | undefined;
}

export function TextField({ id, label, hint, value, onInput, multiline, rows = 4, maxLength, type = 'text', inputMode, width, labelClass, error, autoComplete }: TextProps) {
  const help = fieldHelp(id, hint, error);
  const common = {
    id,
    class: `${multiline ? 'textarea' : 'input'}${error ? ' input--error' : ''}`,
    style: width ? `max-width: calc(${width}ch + 1.5rem)` : undefined,
    inputMode,
    spellcheck: inputMode === 'numeric' ? false : undefined,
    value: value ?? '',
    maxLength,
    autoComplete,
    'aria-describedby': help.describedBy,
    'aria-invalid': error ? true : undefined,
    onInput: (event: Event) => onInput((event.currentTarget as HTMLInputElement | HTMLTextAreaElement).value),
  };
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label class={labelClass ?? 'field__label'} for={id}>
        {label}
      </label>
      <HintAndError {...help} />
      {multiline ? <textarea {...common} rows={rows} /> : <input {...common} type={type} />}
      {multiline && maxLength !== undefined && <CharacterCount length={(value ?? '').length} max={maxLength} />}
    </div>
  );
}

/**
 * How much a long text field still takes (the same limit as what is saved), so nothing typed is
 * ever cut off unseen. It speaks only near and at the limit.
 */
function CharacterCount({ length, max }: { length: number; max: number }) {
  const left = max - length;
  const near = left <= max * 0.1;
  return (
    <p class={`field__count${left <= 0 ? ' field__count--full' : ''}`} aria-live={near ? 'polite' : 'off'} data-characters-left={left}>
      {left <= 0
        ? `You have reached the limit of ${formatNumber(max)} characters: nothing more can be added here.`
        : `${formatNumber(left)} of ${formatNumber(max)} characters left`}
    </p>
  );
}

export const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
] as const satisfies ReadonlyArray<Option<'yes' | 'no'>>;

export const YES_NO_UNSURE = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'unsure', label: 'Not sure' },
] as const satisfies ReadonlyArray<Option<'yes' | 'no' | 'unsure'>>;

/** What SavedStatus reads from a saved state (useSavedState). */
export interface SaveState {
  savedAt: string | undefined;
  writable: boolean;
  problems: ReadonlyArray<{ kind: string }>;
}

/**
 * What the status line says: when the last change was saved, or that it was not. "Saved at" never
 * stands while the latest change was refused, while saving is paused, or when the browser keeps
 * nothing (the notice above it says why).
 */
function saveStatus({ savedAt, writable, problems }: SaveState): { text: string; saved: boolean } | undefined {
  if (problems.some((p) => p.kind === 'save-failed')) return { text: 'Your last change was not saved: the notice above says why.', saved: false };
  if (problems.some((p) => p.kind === 'unavailable')) return { text: 'Nothing is being saved in this browser: the notice above says why.', saved: false };
  if (!writable) return { text: 'Changes here are not being saved: the notice above says why.', saved: false };
  if (!savedAt) return undefined;
  return { text: `Saved at ${formatTime(new Date(savedAt))}`, saved: true };
}

export const saveStatusText = (state: SaveState): string | undefined => saveStatus(state)?.text;

/** A polite live region that says when the last change was saved, or that it was not. */
export function SavedStatus({ state }: { state: SaveState }) {
  const status = saveStatus(state);
  return (
    <p class={status?.saved === false ? 'saved-status saved-status--not-saved' : 'saved-status'} aria-live="polite">
      {status?.text ?? null}
    </p>
  );
}

interface DateInputProps {
  id: string;
  legend: ComponentChildren;
  hint?: ComponentChildren;
  parts: DateParts;
  onChange: (parts: DateParts) => void;
  error?: string | undefined;
}

/**
 * All three boxes as they are now, read from the page (not from the last render), so that quick
 * input, or input replayed after hydration, never loses a box.
 */
function readParts(scope: ParentNode, id: string): DateParts {
  const value = (part: keyof DateParts) => (scope.querySelector<HTMLInputElement>(`#${id}-${part}`) ?? document.getElementById(`${id}-${part}`) as HTMLInputElement | null)?.value ?? '';
  return { day: value('day'), month: value('month'), year: value('year') };
}

/**
 * The GOV.UK date input: day, month and year as three labelled text boxes in a fieldset. More
 * reliable to type and to read back with assistive technology than a browser date picker.
 */
export function DateInput({ id, legend, hint, parts, onChange, error }: DateInputProps) {
  const help = fieldHelp(id, hint, error);
  const box = (part: keyof DateParts, label: string) => (
    <div class="date-input__item">
      <label class="date-input__label" for={`${id}-${part}`}>
        {label}
      </label>
      <input
        class={`input date-input__input date-input__input--${part}${error ? ' input--error' : ''}`}
        id={`${id}-${part}`}
        name={`${id}-${part}`}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={parts[part]}
        aria-invalid={error ? true : undefined}
        onInput={(e) => onChange(readParts((e.currentTarget as HTMLInputElement).form ?? document, id))}
      />
    </div>
  );
  return (
    <fieldset class={error ? 'field field--error' : 'field'} aria-describedby={help.describedBy}>
      <legend class="field__legend">{legend}</legend>
      <HintAndError {...help} />
      <div class="date-input" id={id}>
        {box('day', 'Day')}
        {box('month', 'Month')}
        {box('year', 'Year')}
      </div>
    </fieldset>
  );
}
