/**
 * The glossary's links to KSBs, derived rather than stored: a term is used by a KSB when the KSB's
 * revision note lists it, or when the KSB's statement contains the term or one of its aliases.
 */
import type { GlossaryTerm } from './content/schemas';
import { compareKsbCodes } from './standard';

export interface TermWithSlug extends GlossaryTerm {
  slug: string;
}

/** Whole-word, case-insensitive containment ("drift" in "data drift", not in "adrift"). */
function mentions(text: string, phrase: string): boolean {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'iu').test(text);
}

export function ksbsUsingTerm(
  term: TermWithSlug,
  ksbs: ReadonlyArray<{ code: string; statement: string }>,
  notes: ReadonlyArray<{ ksb: string; terms: readonly string[] }>,
): string[] {
  const codes = new Set(notes.filter((n) => n.terms.includes(term.slug)).map((n) => n.ksb));
  for (const ksb of ksbs) {
    if ([term.term, ...(term.aliases ?? [])].some((phrase) => mentions(ksb.statement, phrase))) codes.add(ksb.code);
  }
  return [...codes].sort(compareKsbCodes);
}

/** The letter a term is filed under in the A–Z. */
export function initialOf(term: string): string {
  const first = term.trim().charAt(0).toUpperCase();
  return /[A-Z]/.test(first) ? first : '#';
}
