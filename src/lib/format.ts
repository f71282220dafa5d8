/** Formatting for display, in British English. */

/**
 * A number as British English writes it: 5000 → "5,000", 2.25 → "2.25", 12.345 with 1 digit →
 * "12.3". The same text as `value.toLocaleString('en-GB', { maximumFractionDigits })` (a property
 * test holds them equal), without Intl: starting Intl's number formatting takes 20–40 ms on each
 * page, which a phone's main thread feels (issue #20).
 */
export function formatNumber(value: number, maximumFractionDigits = 3): string {
  const shortest = Math.abs(value).toString();
  // Infinity, NaN, and the exponent forms (below 1e-6 or from 1e21), which counts never reach.
  if (!/^\d+(\.\d+)?$/.test(shortest)) return value.toLocaleString('en-GB', { maximumFractionDigits });
  // Intl rounds the shortest decimal that reads back as the value (2.675 → "2.68"), half away from
  // zero, not the binary value (which toFixed rounds to "2.67").
  const [whole, fraction = ''] = shortest.split('.') as [string, string?];
  let units = BigInt(whole + fraction.slice(0, maximumFractionDigits).padEnd(maximumFractionDigits, '0'));
  if ((fraction[maximumFractionDigits] ?? '0') >= '5') units += 1n;
  const text = units.toString().padStart(maximumFractionDigits + 1, '0');
  const wholeDigits = text.slice(0, text.length - maximumFractionDigits);
  const digits = text.slice(text.length - maximumFractionDigits).replace(/0+$/, '');
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  return `${sign}${wholeDigits.replace(/\B(?=(\d{3})+$)/g, ',')}${digits ? `.${digits}` : ''}`;
}

/** 22000 → "£22,000" */
export function formatPounds(amount: number): string {
  return `£${formatNumber(amount)}`;
}

/** A label inside a sentence: "Self-ratings" → "self-ratings", but "EPA planner dates" and "AM1 report helper" keep their capitals. */
export function inSentence(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

const pluralRules = new Intl.PluralRules('en-GB');

/** The word for a count: (1, 'KSB') → "KSB", (3, 'KSB') → "KSBs", (2, 'is', 'are') → "are". */
export function pluralWord(count: number, singular: string, pluralForm = `${singular}s`): string {
  return pluralRules.select(count) === 'one' ? singular : pluralForm;
}

/** A count and its word: 1 → "1 KSB", 3 → "3 KSBs", (2, 'quiz', 'quizzes') → "2 quizzes". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${pluralWord(count, singular, pluralForm)}`;
}
