/**
 * The glossary's links to KSBs, derived rather than stored: a term is used by a KSB when the KSB's
 * revision note lists it, or when the KSB's statement contains the term or one of its aliases.
 */
import type { GlossaryTerm } from './content/schemas';
import { compareKsbCodes } from './standard';

export interface TermWithSlug extends GlossaryTerm {
  slug: string;
}

/** A letter or digit: a phrase found next to one is part of a longer word ("drift" in "adrift"). */
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
/** Case and runs of white space do not matter to a mention. */
const normalised = (text: string) => text.toLowerCase().replace(/\s+/g, ' ');
const isWordCharacter = (character: string | undefined) => character !== undefined && WORD_CHARACTER.test(character);

/**
 * Whole-word, case-insensitive containment ("drift" in "data drift", not in "adrift"). A plain
 * search with the two neighbours checked: a Unicode regular expression per phrase per KSB
 * statement was 18,000 patterns compiled and run, about a second of every build.
 */
export function mentions(text: string, phrase: string): boolean {
  const haystack = normalised(text);
  const needle = normalised(phrase).trim();
  if (!needle) return false;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    if (!isWordCharacter(haystack[at - 1]) && !isWordCharacter(haystack[at + needle.length])) return true;
  }
  return false;
}

export function ksbsUsingTerm(
  term: TermWithSlug,
  ksbs: ReadonlyArray<{ code: string; statement: string }>,
  notes: ReadonlyArray<{ ksb: string; terms: readonly string[] }>,
): string[] {
  const codes = new Set(notes.filter((n) => n.terms.includes(term.slug)).map((n) => n.ksb));
  const phrases = [term.term, ...(term.aliases ?? [])];
  for (const ksb of ksbs) {
    if (phrases.some((phrase) => mentions(ksb.statement, phrase))) codes.add(ksb.code);
  }
  return [...codes].sort(compareKsbCodes);
}

/** The letter a term is filed under in the A–Z. */
export function initialOf(term: string): string {
  const first = term.trim().charAt(0).toUpperCase();
  return /[A-Z]/.test(first) ? first : '#';
}
