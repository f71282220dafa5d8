/**
 * Every island, as built, claims nothing about what the learner has saved: the page is drawn before
 * anything is read (and with JavaScript off nothing ever is), so a count, a status or a verdict in
 * it would be a claim no one has checked. What an island holds until it has read (hidden, inert,
 * src/islands/shared/ReadingNote.tsx) is left out: it is never shown or read out.
 */
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { distBuilt, htmlPages, readPage } from '../support/dist';

/** What would claim something about saved data: counts, statuses and verdicts. */
const CLAIMS: Array<{ what: string; pattern: RegExp; inLabels?: false }> = [
  // "(3)", "(0 questions)"; not a year ("(2024)") or a length of time ("(99 minutes)").
  { what: 'a count in brackets', pattern: /\(\d{1,3}(?: questions?)?\)/ },
  { what: '"n of m"', pattern: /\b\d+ of \d+\b/ },
  // An option's label may be a status ("How confident are you? Not started"): that is not a claim.
  { what: 'a status', pattern: /^(?:Not started|In progress|Completed|Not yet mapped|Secure|Needs work|Nearly there)$/, inLabels: false },
  { what: 'a count of saved work', pattern: /\b\d+ (?:work examples?|hours? of|entries|words counted)\b/ },
  { what: 'an empty state', pattern: /\bNo (?:evidence|entries|KSB)\b[^.]*\byet\b|^None\b|Every KSB is mapped/ },
];

/** Not about saved data: a field's counter describes the field as it is shown. */
const NOT_CLAIMS = /characters left$/;
/**
 * The KSB finder's counts are of the standard's KSBs that the address's filters leave, and of
 * the filters in the address: nothing saved.
 */
const COUNTS_OF_THE_STANDARD = /component-url="[^"]*\/KsbFinder\./;

/** The text an island shows as built, one entry per text node, with whether it is in a label. */
function shownTexts(window: Window, islandHtml: string): Array<{ text: string; inLabel: boolean }> {
  const holder = window.document.createElement('div');
  holder.innerHTML = islandHtml;
  for (const held of holder.querySelectorAll('[inert], [aria-hidden="true"]')) held.remove();
  const texts: Array<{ text: string; inLabel: boolean }> = [];
  const walker = window.document.createTreeWalker(holder, 4 /* text */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.replace(/\s+/g, ' ').trim();
    if (text && !NOT_CLAIMS.test(text)) texts.push({ text, inLabel: Boolean(node.parentElement?.closest('label')) });
  }
  return texts;
}

describe.skipIf(!distBuilt)('islands as built', () => {
  it('claim no count, status or verdict about saved data on any page', () => {
    const window = new Window();
    const found: string[] = [];
    for (const page of htmlPages()) {
      const html = readPage(page);
      for (const [island] of html.matchAll(/<astro-island\b[\s\S]*?<\/astro-island>/g)) {
        if (COUNTS_OF_THE_STANDARD.test(island.slice(0, island.indexOf('>')))) continue;
        for (const { text, inLabel } of shownTexts(window, island)) {
          for (const claim of CLAIMS) if (claim.pattern.test(text) && !(inLabel && claim.inLabels === false)) found.push(`${page}: ${claim.what}: “${text}”`);
        }
      }
    }
    void window.happyDOM.close();
    expect([...new Set(found)]).toEqual([]);
  });
});
