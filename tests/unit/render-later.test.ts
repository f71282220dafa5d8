// @vitest-environment happy-dom
/**
 * The inline script that draws a long page's later parts (src/lib/render-later.mjs): it flags the
 * page at once, so the CSS holds the marked parts back, and from the moment the page has been read
 * draws them one a frame, in order, then clears the flag.
 */
import { waitFor } from '@testing-library/preact';
import { expect, it } from 'vitest';
import { RENDER_LATER_ATTRIBUTE, RENDER_LATER_SCRIPT } from '../../src/lib/render-later.mjs';

it('draws the marked parts one a frame once the page has been read, then clears the flag', async () => {
  document.body.innerHTML = `<p id="a" ${RENDER_LATER_ATTRIBUTE}></p><p id="b" ${RENDER_LATER_ATTRIBUTE}></p><p id="c"></p>`;
  const root = document.documentElement;
  const marked = () => ['a', 'b'].filter((id) => document.getElementById(id)!.hasAttribute(RENDER_LATER_ATTRIBUTE));
  new Function(RENDER_LATER_SCRIPT)();
  expect(root.hasAttribute(RENDER_LATER_ATTRIBUTE)).toBe(true);
  expect(marked()).toEqual(['a', 'b']);
  // The parser has finished (readyState "interactive"): the first part is drawn at once, the next a frame later.
  document.dispatchEvent(new Event('readystatechange'));
  expect(marked()).toEqual(['b']);
  await waitFor(() => expect(root.hasAttribute(RENDER_LATER_ATTRIBUTE)).toBe(false));
  expect(marked()).toEqual([]);
  // A second readystatechange ("complete") starts nothing again.
  document.getElementById('c')!.setAttribute(RENDER_LATER_ATTRIBUTE, '');
  document.dispatchEvent(new Event('readystatechange'));
  expect(document.getElementById('c')!.hasAttribute(RENDER_LATER_ATTRIBUTE)).toBe(true);
});
