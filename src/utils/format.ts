/** Formatting for display, in British English. */

const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "2024-12-18" → "18 December 2024" */
export function formatIsoDate(iso: string): string {
  return longDate.format(new Date(`${iso}T00:00:00Z`));
}

/** 22000 → "£22,000" */
export function formatPounds(amount: number): string {
  return `£${amount.toLocaleString('en-GB')}`;
}

/** 1 → "1 KSB", 3 → "3 KSBs" */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
