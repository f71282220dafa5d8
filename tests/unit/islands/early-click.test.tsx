// @vitest-environment happy-dom
/**
 * A button pressed before its island hydrated (held by the page's inline script, marked with
 * data-early-click) is pressed again once the island has read what is saved and drawn it: an early
 * "Download" acts on the learner's data, never on the page as built.
 */
import { hydrate } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EARLY_CLICK_ATTRIBUTE, useEarlyInput } from '../../../src/islands/shared/useEarlyInput';
import { useSavedState } from '../../../src/islands/shared/useSavedState';
import { ratingsFeature } from '../../../src/lib/ratings';
import { resetBrowserBackend } from '../../../src/lib/storage/backend';
import { keyFor } from '../../../src/lib/storage/keys';

const pressedWith: string[][] = [];

function Island() {
  const early = useEarlyInput();
  const { data } = useSavedState(ratingsFeature);
  return (
    <div ref={early}>
      <button type="button" onClick={() => pressedWith.push(Object.keys(data.ksbs))}>
        Download
      </button>
    </div>
  );
}

beforeEach(() => {
  localStorage.clear();
  resetBrowserBackend();
  pressedWith.length = 0;
});
afterEach(() => {
  document.body.innerHTML = '';
});

describe('a press held before hydration', () => {
  it('is repeated once, with what is saved', async () => {
    localStorage.setItem(keyFor('ratings'), JSON.stringify({ version: 1, data: { ksbs: { K1: { rating: 'confident' }, S2: { rating: 'developing' } } } }));
    const root = document.createElement('div');
    root.innerHTML = renderToString(<Island />);
    document.body.append(root);
    root.querySelector('button')!.setAttribute(EARLY_CLICK_ATTRIBUTE, '');
    hydrate(<Island />, root);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pressedWith).toEqual([['K1', 'S2']]);
    expect(root.querySelector(`[${EARLY_CLICK_ATTRIBUTE}]`)).toBeNull();
  });
});
