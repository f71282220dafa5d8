/**
 * The learner's state beside each listed KSB (KsbList on duty, theme, method and KSB pages), from
 * the one learner model, so a list never disagrees with the KSB's page, the quiz or /progress/.
 * Loaded by src/client/site.ts only when something the model reads has been saved. A KSB with no
 * evidence yet gets no label; once there is an evidence log, one with no logged example says so.
 * If saved progress could not all be read, the page says so.
 */
import { STATE_LABEL } from '../lib/learner/state-names';
import { watchLearner } from '../lib/learner/watch';
import { showStorageNotice } from './storage-notice';
import { href, paths } from '../lib/urls';

/**
 * Once the learner keeps an evidence log, a listed KSB that no entry shows says so, with a link to
 * log one (before that, every KSB would say it, which tells nothing).
 */
function markNoExample(slot: HTMLElement, code: string, show: boolean): void {
  let marker = slot.parentElement?.querySelector<HTMLAnchorElement>(`a[data-no-example-for="${code}"]`) ?? null;
  if (!show) {
    marker?.remove();
    return;
  }
  if (!marker) {
    marker = document.createElement('a');
    marker.dataset.noExampleFor = code;
    marker.className = 'tag tag--no-example';
    marker.href = href(paths.evidenceFor(code));
    marker.textContent = 'No evidence logged yet';
    slot.after(' ', marker);
  }
}

export function showStateLabels(root: ParentNode = document): () => void {
  return watchLearner(({ model, notices }) => {
    for (const notice of notices) showStorageNotice(notice);
    // No labels until the model can count the quiz answers too.
    if (!model) return;
    const keepsLog = [...model.values()].some((s) => s.examples > 0);
    for (const slot of root.querySelectorAll<HTMLElement>('[data-state-for]')) {
      const state = model.get(slot.dataset.stateFor ?? '');
      markNoExample(slot, slot.dataset.stateFor ?? '', keepsLog && state !== undefined && state.examples === 0);
      const shown = state && state.state !== 'no-evidence' ? state : undefined;
      slot.className = shown ? `tag tag--state tag--state-${shown.state}` : 'state-slot';
      slot.textContent = shown ? STATE_LABEL[shown.state] : '';
      if (shown) slot.title = shown.summary;
      else slot.removeAttribute('title');
    }
  });
}
