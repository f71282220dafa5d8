/** Formatting for display, in British English. */

/** 22000 → "£22,000" */
export function formatPounds(amount: number): string {
  return `£${amount.toLocaleString('en-GB')}`;
}

/** 1 → "1 KSB", 3 → "3 KSBs" */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
