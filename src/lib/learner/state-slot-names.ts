/**
 * The attributes that mark where a KSB list shows a KSB's state (the slot holds the KSB's code).
 * The site script labels `data-state-for` slots (src/client/state-labels.ts); the KSB finder on
 * /ksbs/ labels its own list, whose slots carry the other name, so that the two never both do.
 * Free of imports: the site script on every page reads the first.
 */
export const STATE_SLOT_ATTRIBUTE = 'data-state-for';
export const FINDER_STATE_SLOT_ATTRIBUTE = 'data-finder-state-for';
