/**
 * The shape of a KSB code (K1–K31, S1–S34, B1–B5) and its form in URLs. The one definition: the
 * content schemas, the saved-progress schemas, the standard's lookups and every URL use it. Which
 * codes exist is the content's business (content/standard/ksbs.yaml), checked at build.
 */

/** A letter for the kind (Knowledge, Skill, Behaviour) and a number from 1, no leading zero. */
export const KSB_CODE_PATTERN = /^[KSB][1-9]\d*$/;

/** Whether a string is shaped like a KSB code ("K7", "S24", "B2"; not "k7" or "K07"). */
export function isKsbCode(value: string): boolean {
  return KSB_CODE_PATTERN.test(value);
}

/** "k7", " K7 " → "K7"; anything not shaped like a KSB code → undefined. */
export function normaliseKsbCode(value: string): string | undefined {
  const code = value.trim().toUpperCase();
  return isKsbCode(code) ? code : undefined;
}

/** A KSB code as it appears in a URL or file name: "S24" → "s24". */
export function ksbSlug(code: string): string {
  return code.toLowerCase();
}
