/**
 * The learner's state beside each listed KSB (KsbList on duty, theme, method and KSB pages), from
 * the one learner model, so a list never disagrees with the KSB's page, the quiz or /progress/.
 * Loaded by src/client/site.ts only when something the model reads has been saved. A KSB with no
 * evidence yet gets no label. If saved progress could not all be read, the page says so.
 */
import { STATE_LABEL } from '../lib/learner/model';
import { watchLearner } from '../lib/learner/watch';
import { showStorageNotice } from './storage-notice';

export function showStateLabels(root: ParentNode = document): () => void {
  return watchLearner(({ model, notices }) => {
    for (const notice of notices) showStorageNotice(notice);
    for (const slot of root.querySelectorAll<HTMLElement>('[data-state-for]')) {
      const state = model.get(slot.dataset.stateFor ?? '');
      const shown = state && state.state !== 'no-evidence' ? state : undefined;
      slot.className = shown ? `tag tag--state tag--state-${shown.state}` : 'state-slot';
      slot.textContent = shown ? STATE_LABEL[shown.state] : '';
      if (shown) slot.title = shown.summary;
      else slot.removeAttribute('title');
    }
  });
}
