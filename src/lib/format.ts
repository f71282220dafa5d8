/** Formatting for display, in British English. */

/** 22000 → "£22,000" */
export function formatPounds(amount: number): string {
  return `£${amount.toLocaleString('en-GB')}`;
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
