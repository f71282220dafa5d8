/**
 * The source documents in ../shared/seeds, for tests that compare the content with them word for
 * word. When they are absent the comparing suites are skipped with a loud warning, except under
 * REQUIRE_SEEDS=1 (set by .ci/run), where their absence is a failure.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const SEEDS_DIR = resolve(process.env.SEEDS_DIR ?? resolve(process.cwd(), '../shared/seeds'));
export const seedsPresent = existsSync(resolve(SEEDS_DIR, '000_9d9212400e8b8d98.txt'));
export const seedsRequired = process.env.REQUIRE_SEEDS === '1';

if (!seedsPresent) {
  const message = `\n!!! ${SEEDS_DIR} not found: the word-for-word comparisons with the source documents are SKIPPED.\n!!! Put the shared/ folder beside the repository (or set SEEDS_DIR) to run them.\n`;
  if (seedsRequired) throw new Error(message);
  console.warn(message);
}

export function readSeed(name: string): string {
  return readFileSync(resolve(SEEDS_DIR, name), 'utf8');
}

/** Only runs of white space are normalised when comparing quoted text with its source. */
export const normaliseSpace = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The EPA specification's text with the artefacts of its conversion removed: the cell-paragraph
 * tags and the table header row that repeats at each page break.
 */
export function cleanSpecification(raw: string): string {
  return normaliseSpace(
    raw
      .replace(/<\/?p>/g, ' ')
      .replace(/Themes and KSBs\s+Pass Criteria\s+Distinction Criteria/g, ' ')
      .replace(/\*\*/g, ''),
  );
}

/**
 * True when `text` appears in `source`, either whole or in two consecutive-in-order pieces: a
 * criterion broken by a page break has the next table cell printed between its two halves.
 */
export function appearsInOrderedPieces(source: string, text: string): boolean {
  if (source.includes(text)) return true;
  const words = text.split(' ');
  // Each piece must be at least three words, so a stray common phrase cannot pass for a match.
  for (let cut = words.length - 3; cut >= 3; cut--) {
    const head = words.slice(0, cut).join(' ');
    const at = source.indexOf(head);
    if (at === -1) continue;
    return source.indexOf(words.slice(cut).join(' '), at + head.length) !== -1;
  }
  return false;
}
