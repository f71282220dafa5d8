// @vitest-environment happy-dom
/**
 * What a KSB list shows beside each KSB (src/lib/learner/shown-state.ts, state-slots.ts): the
 * state's label, none while there is no evidence, and "No evidence logged yet" only once the learner
 * keeps an evidence log. The site's labels and the KSB finder's slots are filled by one function, and
 * filling a list again (the model changed) leaves no stale label or marker behind.
 */
import { describe, expect, it } from 'vitest';
import type { KsbState, LearnerModel } from '../../src/lib/learner/model';
import { keepsEvidenceLog, NO_EXAMPLE_LABEL, shownState } from '../../src/lib/learner/shown-state';
import { FINDER_STATE_SLOT_ATTRIBUTE, labelStateSlots, STATE_SLOT_ATTRIBUTE } from '../../src/lib/learner/state-slots';
import { STATE_LABEL } from '../../src/lib/learner/state-names';
import { href, paths } from '../../src/lib/urls';

const state = (code: string, name: KsbState['state'], examples = 0) => ({ code, state: name, summary: `${code}: ${name}`, examples }) as unknown as KsbState;
const model = (...states: KsbState[]): LearnerModel => new Map(states.map((s) => [s.code, s]));

function list(attribute: string, codes: string[]): HTMLElement {
  const ul = document.createElement('ul');
  ul.innerHTML = codes
    .map((c) => `<li data-ksb="${c}"><span class="ksb-statement">Statement of ${c}. <span class="state-slot" ${attribute}="${c}"></span></span></li>`)
    .join('');
  return ul;
}
const slotOf = (root: HTMLElement, attribute: string, code: string) => root.querySelector<HTMLElement>(`[${attribute}="${code}"]`)!;
const markerOf = (root: HTMLElement, code: string) => root.querySelector(`a[data-no-example-for="${code}"]`);

describe('shownState', () => {
  it('labels a state with evidence, never "no evidence", and a KSB the model does not know not at all', () => {
    const m = model(state('K1', 'secure'), state('K2', 'no-evidence'), state('S1', 'needs-work'));
    expect(shownState(m, 'K1').state?.state).toBe('secure');
    expect(shownState(m, 'S1').state?.state).toBe('needs-work');
    expect(shownState(m, 'K2').state).toBeUndefined();
    expect(shownState(m, 'B9')).toEqual({ state: undefined, noExample: false });
  });

  it('says no entry shows a KSB only once the learner keeps an evidence log', () => {
    const without = model(state('K1', 'too-little'), state('K2', 'secure'));
    expect(keepsEvidenceLog(without)).toBe(false);
    expect(shownState(without, 'K1').noExample).toBe(false);
    const withLog = model(state('K1', 'too-little'), state('K2', 'secure', 2));
    expect(keepsEvidenceLog(withLog)).toBe(true);
    expect(shownState(withLog, 'K1').noExample).toBe(true);
    expect(shownState(withLog, 'K2').noExample).toBe(false);
  });
});

describe('labelStateSlots', () => {
  it('fills the slots it is told to, with the words and title of each state, and only those', () => {
    const m = model(state('K1', 'secure', 1), state('K2', 'no-evidence'), state('S1', 'needs-work'));
    const site = list(STATE_SLOT_ATTRIBUTE, ['K1', 'K2', 'S1']);
    const finder = list(FINDER_STATE_SLOT_ATTRIBUTE, ['K1', 'K2', 'S1']);
    document.body.append(site, finder);
    labelStateSlots(document.body, m, FINDER_STATE_SLOT_ATTRIBUTE);
    // The site's slots are left to the site script.
    expect(site.querySelectorAll('.tag')).toHaveLength(0);
    expect(slotOf(finder, FINDER_STATE_SLOT_ATTRIBUTE, 'K1').textContent).toBe(STATE_LABEL.secure);
    expect(slotOf(finder, FINDER_STATE_SLOT_ATTRIBUTE, 'K1').className).toBe('tag tag--state tag--state-secure');
    expect(slotOf(finder, FINDER_STATE_SLOT_ATTRIBUTE, 'K1').title).toBe('K1: secure');
    expect(slotOf(finder, FINDER_STATE_SLOT_ATTRIBUTE, 'K2').textContent).toBe('');
    expect(slotOf(finder, FINDER_STATE_SLOT_ATTRIBUTE, 'S1').textContent).toBe(STATE_LABEL['needs-work']);
    expect(markerOf(finder, 'K2')?.textContent).toBe(NO_EXAMPLE_LABEL);
    expect(markerOf(finder, 'K2')?.getAttribute('href')).toBe(href(paths.evidenceFor('K2')));
    expect(markerOf(finder, 'K1')).toBeNull();
    labelStateSlots(document.body, m);
    expect(slotOf(site, STATE_SLOT_ATTRIBUTE, 'S1').textContent).toBe(STATE_LABEL['needs-work']);
    site.remove();
    finder.remove();
  });

  it('relabelled from a newer model, leaves no stale label, title or marker', () => {
    const root = list(STATE_SLOT_ATTRIBUTE, ['K1', 'K2']);
    labelStateSlots(root, model(state('K1', 'needs-work'), state('K2', 'too-little', 1)));
    expect(markerOf(root, 'K1')).not.toBeNull();
    labelStateSlots(root, model(state('K1', 'no-evidence'), state('K2', 'too-little')));
    const k1 = slotOf(root, STATE_SLOT_ATTRIBUTE, 'K1');
    expect([k1.textContent, k1.className, k1.hasAttribute('title')]).toEqual(['', 'state-slot', false]);
    expect(root.querySelectorAll('a[data-no-example-for]')).toHaveLength(0);
    // Labelling twice adds no second marker.
    const withLog = model(state('K1', 'secure'), state('K2', 'secure', 3));
    labelStateSlots(root, withLog);
    labelStateSlots(root, withLog);
    expect(root.querySelectorAll('a[data-no-example-for="K1"]')).toHaveLength(1);
  });
});
