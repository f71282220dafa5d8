/**
 * The learner's saved self-ratings beside KSBs in static lists (KsbList). Loaded by
 * src/client/site.ts only when ratings have been saved, so pages without any skip the storage code.
 * If the saved ratings could not all be read, the page says so (as an island would).
 */
import { loadNotice } from '../lib/storage/notices';
import { createStore } from '../lib/storage/store';
import { RATING_LABEL, ratingsFeature } from '../lib/ratings';
import { showStorageNotice } from './storage-notice';

export function showRatingLabels(root: ParentNode = document): void {
  const store = createStore(ratingsFeature);
  const result = store.load();
  showStorageNotice(loadNotice(ratingsFeature, result));
  for (const slot of root.querySelectorAll<HTMLElement>('[data-rating-for]')) {
    const rating = result.data.ksbs[slot.dataset.ratingFor ?? '']?.rating;
    slot.textContent = rating ? RATING_LABEL[rating] : '';
    slot.className = rating ? `tag tag--rating tag--rating-${rating}` : 'rating-slot';
    if (rating) slot.setAttribute('title', 'Your self-rating');
  }
}
