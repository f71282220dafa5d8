/**
 * This site's own judgements in the learner model: not the standard's, and stated on /progress/ and
 * in the README. Change one here and every page follows.
 */

/** Questions of a KSB that must have been answered before its quiz evidence can say "secure". */
export const MIN_QUESTIONS_TO_TELL = 3;

/** FSRS's estimated recall (averaged over a KSB's answered questions) below which it needs work. */
export const RECALL_THRESHOLD = 0.7;

/** A theme or method is "nearly ready" when at least this share of its KSBs are secure. */
export const NEARLY_SHARE = 0.6;

/** "What to do next" lists at most this many steps. */
export const MAX_NEXT_STEPS = 5;
