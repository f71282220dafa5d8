/**
 * Whether a large part of an island that starts below the first screen is wanted yet, so that the
 * island can leave it undrawn while the page starts (issue #20: the evidence log's coverage grid, 70
 * cells, was most of that page's start on a phone, for a part the learner has not scrolled to).
 *
 * Wanted (and then for good) as soon as any of these happens:
 * - the part comes onto the screen (scrolled to, or the page opened at its anchor);
 * - the learner presses Tab anywhere: moving through the page with the keyboard must reach what
 *   the part holds, not skip it because it was not drawn yet;
 * - the page is about to be printed: then it is 'at-once', drawn whole before the page is laid out
 *   for print (Preact renders in a microtask, which runs before the browser prints).
 * Without IntersectionObserver it is wanted at once. The second value wants it at once: for a print
 * button, whose window.print() runs before Preact renders (call it, let a task pass, then print).
 */
import type { RefObject } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';

export type Wanted = 'soon' | 'at-once';

export function useWanted(part: RefObject<Element>): [Wanted | undefined, () => void] {
  const [wanted, setWanted] = useState<Wanted>();
  // Listening from the render that draws the part's place (a layout effect), so no Tab is missed.
  useLayoutEffect(() => {
    if (wanted === 'at-once') return;
    const forPrint = () => setWanted('at-once');
    addEventListener('beforeprint', forPrint);
    if (wanted) return () => removeEventListener('beforeprint', forPrint);
    const soon = () => setWanted((was) => was ?? 'soon');
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Tab') soon();
    };
    document.addEventListener('keydown', onKey, true);
    const element = part.current;
    const seen =
      element && typeof IntersectionObserver === 'function'
        ? new IntersectionObserver((entries) => {
            if (entries.some((entry) => entry.isIntersecting)) soon();
          })
        : undefined;
    if (seen && element) seen.observe(element);
    else soon();
    return () => {
      removeEventListener('beforeprint', forPrint);
      document.removeEventListener('keydown', onKey, true);
      seen?.disconnect();
    };
  }, [wanted]);
  return [wanted, () => setWanted('at-once')];
}
