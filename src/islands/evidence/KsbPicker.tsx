/**
 * Choosing the KSBs an entry shows: search by code or words, suggestions from what the entry says,
 * and each chosen KSB with its theme and method. Adding or removing one is announced.
 */
import { useState } from 'preact/hooks';
import { searchKsbs, suggestKsbs, type EvidenceKsb } from '../../lib/evidence/coverage';
import { compareKsbCodes } from '../../lib/standard';

interface Props {
  id: string;
  ksbs: readonly EvidenceKsb[];
  chosen: readonly string[];
  /** What the entry says so far, for suggestions. */
  text: string;
  onChange: (codes: string[]) => void;
}

const MAX_RESULTS = 8;

export function KsbPicker({ id, ksbs, chosen, text, onChange }: Props) {
  const [query, setQuery] = useState('');
  const [said, setSaid] = useState('');
  const byCode = new Map(ksbs.map((k) => [k.code, k]));
  const results = searchKsbs(ksbs, query).filter((k) => !chosen.includes(k.code));
  const suggestions = suggestKsbs(ksbs, text, chosen);
  const add = (code: string) => {
    onChange([...chosen, code].sort(compareKsbCodes));
    setSaid(`${code} added. ${chosen.length + 1} chosen.`);
  };
  const remove = (code: string) => {
    onChange(chosen.filter((c) => c !== code));
    setSaid(`${code} removed. ${chosen.length - 1} chosen.`);
  };
  const option = (k: EvidenceKsb) => (
    <li key={k.code}>
      <button type="button" class="ksb-picker__add" onClick={() => add(k.code)}>
        <span class="visually-hidden">Add </span>
        <span class="ksb-picker__code">{k.code}</span> <span class="ksb-picker__statement">{k.statement}</span>
      </button>
    </li>
  );
  return (
    <fieldset class="field ksb-picker" aria-describedby={`${id}-hint`}>
      <legend class="field__legend">KSBs this shows</legend>
      <div class="field__hint" id={`${id}-hint`}>
        Choose the knowledge, skills and behaviours this work is evidence of. Pick the few it shows best: an assessor asks you to talk about each one.
      </div>
      {chosen.length > 0 ? (
        <ul class="ksb-picker__chosen" aria-label="Chosen KSBs">
          {chosen.map((code) => {
            const k = byCode.get(code);
            return (
              <li key={code} class="ksb-picker__chip" data-ksb={code}>
                <span>
                  <strong>{code}</strong>
                  {k && <span class="ksb-picker__where"> {k.methodCode}: {k.theme}</span>}
                </span>
                <button type="button" class="ksb-picker__remove" onClick={() => remove(code)} aria-label={`Remove ${code}`}>
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p class="ksb-picker__none">None chosen yet.</p>
      )}
      {suggestions.length > 0 && (
        <div class="ksb-picker__group">
          <p class="ksb-picker__heading" id={`${id}-suggested`}>
            Suggested from what you wrote
          </p>
          <ul class="ksb-picker__list" aria-labelledby={`${id}-suggested`}>
            {suggestions.map(option)}
          </ul>
        </div>
      )}
      <label class="field__label" for={`${id}-search`}>
        Find a KSB by code or words
      </label>
      <input
        id={`${id}-search`}
        class="input"
        type="search"
        autoComplete="off"
        spellcheck={false}
        value={query}
        placeholder="For example S24, or drift"
        aria-describedby={`${id}-enter`}
        onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            const first = results[0];
            if (first) {
              add(first.code);
              setQuery('');
            }
          }
        }}
      />
      <p class="visually-hidden" id={`${id}-enter`}>
        Enter adds the first match.
      </p>
      {query.trim() !== '' && (
        <div class="ksb-picker__group">
          <p class="ksb-picker__heading" id={`${id}-found`}>
            {results.length === 0 ? 'No KSB matches.' : results.length > MAX_RESULTS ? `The first ${MAX_RESULTS} of ${results.length} matches` : 'Matches'}
          </p>
          {results.length > 0 && (
            <ul class="ksb-picker__list" aria-labelledby={`${id}-found`}>
              {results.slice(0, MAX_RESULTS).map(option)}
            </ul>
          )}
        </div>
      )}
      <p class="visually-hidden" aria-live="polite">
        {said || null}
      </p>
    </fieldset>
  );
}
