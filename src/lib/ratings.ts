/**
 * Self-ratings: how confident the learner is with each KSB, with an optional note of where they
 * showed it. Saved through the storage layer under st1398:v1:ratings.
 */
import { z } from 'zod/mini';
import { RATINGS } from './rating-scale';
import { savedDate, savedKsbCode, savedText } from './storage/saved-fields';
import { lazySchema, object, record } from './storage/shape';
import type { FeatureDefinition } from './storage/store';
import { plural } from './format';

export { RATING_LABEL, RATINGS, type Rating } from './rating-scale';

/** The longest evidence note the rating form accepts (and the schema). */
export const RATING_NOTE_MAX = 2000;

const ratingEntry = lazySchema(() =>
  z.object({
    rating: z.optional(z.enum(RATINGS)),
    note: z.optional(savedText(RATING_NOTE_MAX)),
    /** The day the rating last changed. */
    updated: z.optional(savedDate()),
  }),
);

/** A merge keeps the rating changed later (two devices rating one KSB differently: the newer answer wins). */
export const ratingsShape = object({ ksbs: record(savedKsbCode, ratingEntry, 'rating', { newest: (e) => e.updated }) });
export type Ratings = { ksbs: Record<string, z.infer<ReturnType<typeof ratingEntry>>> };

export const ratingsFeature: FeatureDefinition<Ratings> = {
  feature: 'ratings',
  label: 'Self-ratings',
  version: 1,
  shape: ratingsShape,
  defaults: () => ({ ksbs: {} }),
  describe: (r) => `${plural(Object.values(r.ksbs).filter((k) => k.rating).length, 'KSB')} rated`,
};
