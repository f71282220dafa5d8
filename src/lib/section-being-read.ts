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
