/**
 * Self-ratings: how confident the learner is with each KSB, with an optional note of where they
 * showed it. Saved through the storage layer under st1398:v1:ratings.
 */
import { z } from 'zod/mini';
import { RATINGS } from './rating-scale';
import { savedKsbCode } from './storage/saved-fields';
import { createStore, type FeatureDefinition } from './storage/store';
import type { Rating } from './rating-scale';
import { plural } from './format';

export { RATING_LABEL, RATINGS, type Rating } from './rating-scale';

export const ratingsSchema = z.object({
  ksbs: z.record(
    savedKsbCode,
    z.object({ rating: z.optional(z.enum(RATINGS)), note: z.optional(z.string().check(z.maxLength(2000))), updated: z.optional(z.string()) }),
  ),
});
export type Ratings = z.infer<typeof ratingsSchema>;

export const ratingsFeature: FeatureDefinition<Ratings> = {
  feature: 'ratings',
  label: 'Self-ratings',
  version: 1,
  schema: ratingsSchema,
  defaults: () => ({ ksbs: {} }),
  describe: (r) => `${plural(Object.values(r.ksbs).filter((k) => k.rating).length, 'KSB')} rated`,
};

export type RatingsByKsb = Record<string, Rating | undefined>;

/** Each KSB's saved rating, by code. */
export function ratingsByKsb(ratings: Ratings): RatingsByKsb {
  return Object.fromEntries(Object.entries(ratings.ksbs).map(([code, entry]) => [code, entry?.rating]));
}

/** Calls `listener` with the saved ratings now and whenever another tab changes them. */
export function watchRatings(listener: (ratings: RatingsByKsb) => void): () => void {
  const store = createStore(ratingsFeature);
  listener(ratingsByKsb(store.load().data));
  return store.subscribe((result) => listener(ratingsByKsb(result.data)));
}
