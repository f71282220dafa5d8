/**
 * Keeps input made before an island hydrated. The page is real HTML with real form controls, so a
 * learner can tap a radio, tick a box or type before the island's code has loaded; the browser
 * keeps that state in the controls, except a textarea's text, which Preact resets as it hydrates:
 * the page's inline script (src/client/early-click.mjs) keeps that on the field. When the island
 * mounts, this replays it all as the events the island listens to (its handlers then save it as
 * usual: typed text replaces a saved one, as typing after loading would have), and repeats a button
 * press that the inline script caught and held while the island was not ready.
 */
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';

/** Set by the inline script in src/layouts/Base.astro on a button pressed inside an island that had not hydrated yet. */
export const EARLY_CLICK_ATTRIBUTE = 'data-early-click';

/**
 * Set by the same script (src/client/early-click.mjs) on a field typed in inside an island that had
 * not hydrated yet: the field's latest value. Preact sets a textarea's value as it hydrates, so by
 * the time the island mounts the box no longer holds what was typed; this does.
 */
export const EARLY_VALUE_PROPERTY = 'earlyValue';

/**
 * The text a field must be given back once its island has hydrated, if any: what was typed before
 * (`typed`, kept by the inline script) or, failing that, what the field holds, when it differs from
 * the page as built (`defaultValue`).
 */
export function earlyText(value: string, defaultValue: string, typed: unknown): string | undefined {
  const text = typeof typed === 'string' ? typed : value;
  return text !== defaultValue ? text : undefined;
}

/** Returns a ref (a callback) for the island's root element. */
export function useEarlyInput(): (element: HTMLElement | null) => void {
  const ref = useRef<HTMLElement | null>(null);
  const held = useRef<HTMLElement[]>([]);
  useLayoutEffect(() => {
    const root = ref.current;
    if (!root) return;
    const fire = (el: Element, type: 'change' | 'input') => el.dispatchEvent(new Event(type, { bubbles: true }));
    for (const el of root.querySelectorAll('input, textarea, select')) {
      const record = el as unknown as Record<string, unknown>;
      const typed = record[EARLY_VALUE_PROPERTY];
      if (el instanceof HTMLInputElement && el.type === 'radio') {
        // Only the radio now chosen: the one it replaced changes with it.
        if (el.checked && !el.defaultChecked) fire(el, 'change');
      } else if (el instanceof HTMLInputElement && el.type === 'checkbox') {
        if (el.checked !== el.defaultChecked) fire(el, 'change');
      } else if (el instanceof HTMLSelectElement) {
        if ([...el.options].some((o) => o.selected !== o.defaultSelected)) fire(el, 'change');
      } else if ((el instanceof HTMLInputElement && el.type !== 'file') || el instanceof HTMLTextAreaElement) {
        const text = earlyText(el.value, el.defaultValue, typed);
        // Put back first (hydrating set a textarea to the page as built), then tell the island as a keystroke would.
        if (text !== undefined && el.value !== text) el.value = text;
        if (text !== undefined) fire(el, 'input');
      }
      // Read once: the island is still marked as not hydrated, so the replayed event was kept again.
      delete record[EARLY_VALUE_PROPERTY];
    }
    for (const el of root.querySelectorAll<HTMLElement>(`[${EARLY_CLICK_ATTRIBUTE}]`)) {
      el.removeAttribute(EARLY_CLICK_ATTRIBUTE);
      held.current.push(el);
    }
  }, []);
  // A held press is repeated once the island has read what is saved and drawn it (its effects run
  // after this one, and the redraw they ask for comes before a new task): "Download" or "Print"
  // pressed early acts on the learner's data, not on the page as built.
  useEffect(() => {
    if (held.current.length === 0) return;
    const timer = setTimeout(() => {
      for (const el of held.current.splice(0)) {
        // If the island is still marked as not hydrated, the inline script would hold a repeated
        // click on a submit button again: submit its form directly (the island's handler runs).
        if (el instanceof HTMLButtonElement && el.type === 'submit' && el.form) el.form.requestSubmit(el);
        else el.click();
      }
    });
    return () => clearTimeout(timer);
  }, []);
  return (element) => {
    if (element) ref.current = element;
  };
}
