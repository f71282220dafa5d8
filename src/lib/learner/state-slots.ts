/**
 * How a KSB list's state slots are filled (what marks them: state-slot-names.ts). What a slot says
 * comes from shown-state.ts, which the finder's search results also use, so no two lists disagree.
 * Free of the model's code (only its type), so the finder's island can label its list without
 * loading the model.
 */
import { STATE_LABEL } from './state-names';
import { keepsEvidenceLog, NO_EXAMPLE_CLASS, NO_EXAMPLE_LABEL, shownState, stateSlotClass } from './shown-state';
import type { LearnerModel } from './model';
import { STATE_SLOT_ATTRIBUTE } from './state-slot-names';
import { href, paths } from '../urls';

export { FINDER_STATE_SLOT_ATTRIBUTE, STATE_SLOT_ATTRIBUTE } from './state-slot-names';

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
    marker.className = NO_EXAMPLE_CLASS;
    marker.href = href(paths.evidenceFor(code));
    marker.textContent = NO_EXAMPLE_LABEL;
    slot.after(' ', marker);
  }
}

/**
 * Labels every slot under `root` that names a KSB in `attribute` (KsbList's `data-state-for`, or the
 * KSB finder's own slots) with what the model says of it (src/lib/learner/shown-state.ts).
 */
export function labelStateSlots(root: ParentNode, model: LearnerModel, attribute: string = STATE_SLOT_ATTRIBUTE): void {
  const keepsLog = keepsEvidenceLog(model);
  for (const slot of root.querySelectorAll<HTMLElement>(`[${attribute}]`)) {
    const code = slot.getAttribute(attribute) ?? '';
    const { state, noExample } = shownState(model, code, keepsLog);
    markNoExample(slot, code, noExample);
    slot.className = stateSlotClass(state);
    slot.textContent = state ? STATE_LABEL[state.state] : '';
    if (state) slot.title = state.summary;
    else slot.removeAttribute('title');
  }
}
