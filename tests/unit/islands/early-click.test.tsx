// @vitest-environment happy-dom
/**
 * A button pressed before its island hydrated (held by the page's inline script, marked with
 * data-early-click) is pressed again once the island has read what is saved and drawn it: an early
 * "Download" acts on the learner's data, never on the page as built. Text typed before (kept by the
 * same script, since hydrating resets a textarea) is put back and saved.
 */
import { hydrate as preactHydrate, render, type ComponentChild } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EARLY_CLICK_SCRIPT } from '../../../src/client/early-click.mjs';
import { EARLY_CLICK_ATTRIBUTE, EARLY_VALUE_PROPERTY, earlyText, useEarlyInput } from '../../../src/islands/shared/useEarlyInput';
import { useSavedState } from '../../../src/islands/shared/useSavedState';
import { ratingsFeature } from '../../../src/lib/ratings';
import { resetBrowserBackend } from '../../../src/lib/storage/backend';
import { keyFor } from '../../../src/lib/storage/keys';

const pressedWith: string[][] = [];
const mounted: Element[] = [];
const hydrate = (vnode: ComponentChild, root: Element) => {
  mounted.push(root);
  preactHydrate(vnode, root);
};

// The page's inline script, as every page runs it before any module.
beforeAll(() => new Function(EARLY_CLICK_SCRIPT)());

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
  // Unmounted, so that the next test's island reads what is saved afresh (islands share it while mounted).
  for (const root of mounted.splice(0)) render(null, root);
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

/** A self-rating note, as SelfRating draws it: empty as built, the saved note once read. */
function NoteIsland() {
  const early = useEarlyInput();
  const { data, update } = useSavedState(ratingsFeature);
  return (
    <div ref={early}>
      <textarea
        id="note"
        value={data.ksbs.K1?.note ?? ''}
        onInput={(e) => {
          const note = e.currentTarget.value;
          update((d) => ({ ...d, ksbs: { ...d.ksbs, K1: { ...d.ksbs.K1, note } } }));
        }}
      />
    </div>
  );
}

/** The island as built, inside an `astro-island` that has not hydrated (`ssr`), with `typed` typed in its box. */
function builtAndTyped(typed: string) {
  const island = document.createElement('astro-island');
  island.setAttribute('ssr', '');
  island.innerHTML = renderToString(<NoteIsland />);
  document.body.append(island);
  const box = island.querySelector('textarea')!;
  box.value = typed;
  box.dispatchEvent(new Event('input', { bubbles: true }));
  return { island, box };
}

const savedNote = () => JSON.parse(localStorage.getItem(keyFor('ratings')) ?? 'null')?.data?.ksbs?.K1?.note;

describe('text typed before hydration', () => {
  it('is kept by the inline script only while its island has not hydrated', () => {
    const { island, box } = builtAndTyped('Typed early.');
    expect((box as unknown as Record<string, unknown>)[EARLY_VALUE_PROPERTY]).toBe('Typed early.');
    island.removeAttribute('ssr');
    box.value = 'Typed later.';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    expect((box as unknown as Record<string, unknown>)[EARLY_VALUE_PROPERTY]).toBe('Typed early.');
  });

  it('is put back after hydrating resets the box, and saved', async () => {
    const { island, box } = builtAndTyped('Typed early.');
    hydrate(<NoteIsland />, island);
    expect(box.value).toBe('Typed early.');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(box.value).toBe('Typed early.');
    expect(savedNote()).toBe('Typed early.');
    expect(EARLY_VALUE_PROPERTY in box).toBe(false);
  });

  it('replaces a note saved before (it is newer)', async () => {
    localStorage.setItem(keyFor('ratings'), JSON.stringify({ version: 1, data: { ksbs: { K1: { rating: 'confident', note: 'Saved before.' } } } }));
    const { island, box } = builtAndTyped('Typed early.');
    hydrate(<NoteIsland />, island);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(box.value).toBe('Typed early.');
    expect(savedNote()).toBe('Typed early.');
    expect(JSON.parse(localStorage.getItem(keyFor('ratings'))!).data.ksbs.K1.rating).toBe('confident');
  });

  it('leaves a saved note alone when nothing was typed', async () => {
    localStorage.setItem(keyFor('ratings'), JSON.stringify({ version: 1, data: { ksbs: { K1: { note: 'Saved before.' } } } }));
    const island = document.createElement('astro-island');
    island.setAttribute('ssr', '');
    island.innerHTML = renderToString(<NoteIsland />);
    document.body.append(island);
    hydrate(<NoteIsland />, island);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(island.querySelector('textarea')!.value).toBe('Saved before.');
    expect(savedNote()).toBe('Saved before.');
  });
});

describe('earlyText', () => {
  it('gives back what was typed, else what the field holds, when it is not the page as built', () => {
    expect(earlyText('', '', 'Typed early.')).toBe('Typed early.');
    expect(earlyText('Typed early.', '', undefined)).toBe('Typed early.');
    // Typed, then deleted: nothing to give back.
    expect(earlyText('', '', '')).toBeUndefined();
    expect(earlyText('', '', undefined)).toBeUndefined();
    expect(earlyText('As built', 'As built', undefined)).toBeUndefined();
    // What was typed wins over what hydrating put in the box.
    expect(earlyText('As built', 'As built', 'Typed')).toBe('Typed');
    expect(earlyText('x', '', 42)).toBe('x');
  });
});
