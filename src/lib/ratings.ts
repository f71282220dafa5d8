/**
 * Self-ratings: how confident the learner is with each KSB, with an optional note of where they
 * showed it. Saved through the storage layer under st1398:v1:ratings.
 */
import { z } from 'zod/mini';
import type { FeatureDefinition } from './storage/store';

export const RATINGS = ['not-started', 'developing', 'confident', 'evidence'] as const;
export type Rating = (typeof RATINGS)[number];

export const RATING_LABEL: Record<Rating, string> = {
  'not-started': 'Not started',
  developing: 'Developing',
  confident: 'Confident',
  evidence: 'Can evidence it',
};

export const ratingsSchema = z.object({
  ksbs: z.record(
    z.string().check(z.regex(/^[KSB]\d{1,2}$/)),
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
