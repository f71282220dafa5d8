/**
 * A saved date typed in three boxes (day, month, year): what the boxes hold may be half-typed, and
 * only a complete real date in range, or all three boxes cleared, is saved. Starting to retype a
 * saved date leaves it saved until the new one is complete. The boxes follow the saved date when it
 * changes (read after the page starts, another tab, an import), but not while it stays the same, so
 * what is being typed is never cleared by a change to anything else.
 */
import { useEffect, useState } from 'preact/hooks';
import { dateError, isDateInRange, isoToParts, partsToIso, type DateParts } from '../../lib/dates';

export interface DateField {
  /** What the boxes hold. */
  parts: DateParts;
  /** Why a complete date cannot be used (not a real date, or out of range); nothing while it is half-typed. */
  error: string | undefined;
  onChange: (parts: DateParts) => void;
}

export const isBlank = (p: DateParts) => !p.day && !p.month && !p.year;

/** The date to save for what the boxes hold: `undefined` when cleared, `false` when there is nothing to save yet. */
export function dateToSave(parts: DateParts): string | undefined | false {
  if (isBlank(parts)) return undefined;
  const iso = partsToIso(parts);
  return iso && isDateInRange(iso) ? iso : false;
}

export function useDateField(saved: string | undefined, save: (iso: string | undefined) => void): DateField {
  const [parts, setParts] = useState(() => isoToParts(saved));
  useEffect(() => {
    if (partsToIso(parts) !== saved) setParts(isoToParts(saved));
    // Only when the saved date changes, not on every keystroke.
  }, [saved]);
  const complete = Boolean(parts.day && parts.month && parts.year.length === 4);
  return {
    parts,
    error: complete ? dateError(partsToIso(parts)) : undefined,
    onChange: (next) => {
      setParts(next);
      const iso = dateToSave(next);
      if (iso !== false && iso !== saved) save(iso);
    },
  };
}
