/**
 * The self-rating scale and its labels, on their own so that pages which only show ratings need
 * not load the validation code (src/lib/ratings.ts) that saving them requires.
 */
export const RATINGS = ['not-started', 'developing', 'confident', 'evidence'] as const;
export type Rating = (typeof RATINGS)[number];

export const RATING_LABEL: Record<Rating, string> = {
  'not-started': 'Not started',
  developing: 'Developing',
  confident: 'Confident',
  evidence: 'Can evidence it',
};
