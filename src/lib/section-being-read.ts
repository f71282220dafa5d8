/**
 * Which section of a long page is being read, for its "On this page" list (src/client/on-this-page.ts),
 * from each section heading's distance from the top of the window, in page order (undefined: a
 * heading not on the page): the first heading showing in the window's top part (from its top down to
 * `line`), or else the last heading above the window (its section runs on into view); -1 if none.
 *
 * The first heading showing, not the last above the line: a heading jumped to (from the list, or by
 * scrolling it into view) is then the one marked, even when its section is short enough that the
 * next heading is also near the top (issue #20: with "the last heading above the top third", a
 * short "Pitfalls" section jumped to marked "Key terms").
 */
export function sectionBeingRead(tops: readonly (number | undefined)[], line: number): number {
  let above = -1;
  for (const [i, top] of tops.entries()) {
    if (top === undefined) continue;
    // (A heading jumped to sits at or just below the window's top; a pixel's rounding is allowed.)
    if (top >= -1) return top <= line ? i : above;
    above = i;
  }
  return above;
}

/** What `headingTop` needs of a heading (an Element). */
export interface HeadingBox {
  closest(selector: string): HeadingBox | null;
  getBoundingClientRect(): { top: number };
  checkVisibility?(options: { contentVisibilityAuto: boolean }): boolean;
}

/** The parts of a long page laid out only when near the screen (src/styles/utilities.css). */
export const LAID_OUT_WHEN_NEAR = '.laid-out-when-near';

/**
 * A heading's distance from the top of the window. A heading in a part not laid out yet (far from
 * the screen) is taken at its part's top: asking for its own box would lay the part out, the work
 * not laying it out saves (on a KSB page, most of the page at once, on the first scroll). Either
 * way the headings keep their order, and one far from the screen is never the one being read.
 */
export function headingTop(heading: HeadingBox): number {
  const part = heading.closest(LAID_OUT_WHEN_NEAR);
  const notLaidOut = part !== null && heading.checkVisibility?.({ contentVisibilityAuto: true }) === false;
  return (notLaidOut ? part : heading).getBoundingClientRect().top;
}
