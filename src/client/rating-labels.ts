/**
 * The learner's saved self-ratings beside KSBs in static lists (KsbList). Loaded by
 * src/client/site.ts only when ratings have been saved, so pages without any skip the storage code.
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
