/**
 * Self-ratings: how confident the learner is with each KSB, with an optional note of where they
 * showed it. Saved through the storage layer under st1398:v1:ratings.
 */
import { z } from 'zod/mini';
import { RATINGS } from './rating-scale';
import { savedKsbCode } from './storage/saved-fields';
import type { FeatureDefinition } from './storage/store';

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
  describe: (r) => {
    const n = Object.values(r.ksbs).filter((k) => k.rating).length;
    return `${n} ${n === 1 ? 'KSB' : 'KSBs'} rated`;
  },
};
