/**
 * Fills the rating labels next to KSBs in static lists (KsbList) from the learner's saved
 * self-ratings. Loaded only when ratings have been saved (see RatingLabels.astro).
 */
import { createStore } from '../lib/storage/store';
import { RATING_LABEL, ratingsFeature } from '../lib/ratings';

export function showRatingLabels(root: ParentNode = document): void {
  const result = createStore(ratingsFeature).load();
  for (const slot of root.querySelectorAll<HTMLElement>('[data-rating-for]')) {
    const rating = result.data.ksbs[slot.dataset.ratingFor ?? '']?.rating;
    slot.textContent = rating ? RATING_LABEL[rating] : '';
    slot.className = rating ? `tag tag--rating tag--rating-${rating}` : 'rating-slot';
    if (rating) slot.setAttribute('title', 'Your self-rating');
  }
}
