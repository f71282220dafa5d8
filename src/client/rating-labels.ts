/**
 * The learner's saved self-ratings, for pages that only show them: the labels next to KSBs in
 * static lists (KsbList) and in the KSB finder. Loaded (by src/scripts/site.ts and
 * useSavedRatings) only when ratings have been saved, so pages without any skip the storage code.
 */
import { createStore } from '../lib/storage/store';
import { RATING_LABEL, ratingsFeature, type Rating, type Ratings } from '../lib/ratings';

export type RatingsByKsb = Record<string, Rating | undefined>;

/** Calls `listener` with the saved ratings now and whenever another tab changes them. */
export function watchRatings(listener: (ratings: RatingsByKsb) => void): () => void {
  const store = createStore(ratingsFeature);
  const toMap = (ksbs: Ratings['ksbs']): RatingsByKsb =>
    Object.fromEntries(Object.entries(ksbs).map(([code, entry]) => [code, entry?.rating]));
  listener(toMap(store.load().data.ksbs));
  return store.subscribe((result) => listener(toMap(result.data.ksbs)));
}

export function showRatingLabels(root: ParentNode = document): void {
  const result = createStore(ratingsFeature).load();
  for (const slot of root.querySelectorAll<HTMLElement>('[data-rating-for]')) {
    const rating = result.data.ksbs[slot.dataset.ratingFor ?? '']?.rating;
    slot.textContent = rating ? RATING_LABEL[rating] : '';
    slot.className = rating ? `tag tag--rating tag--rating-${rating}` : 'rating-slot';
    if (rating) slot.setAttribute('title', 'Your self-rating');
  }
}
