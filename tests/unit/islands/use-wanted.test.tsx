// @vitest-environment happy-dom
/**
 * useWanted: a part below the first screen is not wanted while the page starts; it is wanted, for
 * good, once it comes onto the screen or the learner presses Tab ('soon'), and wanted 'at-once' when
 * the page is about to be printed (also after 'soon'). Other keys want nothing.
 */
import { act, cleanup, render } from '@testing-library/preact';
import { useRef } from 'preact/hooks';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { useWanted } from '../../../src/islands/shared/useWanted';

/** IntersectionObserver as the browser's, with a way to say the watched element came into view. */
let observers: Array<{ callback: IntersectionObserverCallback; watched: Element[]; live: boolean }> = [];
class FakeObserver {
  record: (typeof observers)[number];
  constructor(callback: IntersectionObserverCallback) {
    this.record = { callback, watched: [], live: true };
    observers.push(this.record);
  }
  observe(element: Element) {
    this.record.watched.push(element);
  }
  disconnect() {
    this.record.live = false;
  }
}
const comeIntoView = (element: Element, isIntersecting = true) => {
  for (const o of observers)
    if (o.live && o.watched.includes(element))
      o.callback([{ target: element, isIntersecting } as IntersectionObserverEntry], o as unknown as IntersectionObserver);
};

beforeEach(() => {
  observers = [];
  vi.stubGlobal('IntersectionObserver', FakeObserver);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function Part() {
  const ref = useRef<HTMLElement>(null);
  const [wanted, wantAtOnce] = useWanted(ref);
  return (
    <section ref={ref} data-wanted={wanted ?? 'no'}>
      <button type="button" onClick={wantAtOnce}>
        Print
      </button>
    </section>
  );
}
const wanted = () => document.querySelector('section')!.dataset['wanted'];
const press = (key: string) => act(() => void document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true })));

it('is not wanted at the start, nor for other keys or an entry that is not in view', async () => {
  render(<Part />);
  expect(wanted()).toBe('no');
  await press('ArrowDown');
  await press('a');
  await act(() => comeIntoView(document.querySelector('section')!, false));
  expect(wanted()).toBe('no');
});

it('is wanted once it comes into view, and stops watching', async () => {
  render(<Part />);
  await act(() => comeIntoView(document.querySelector('section')!));
  expect(wanted()).toBe('soon');
  expect(observers.every((o) => !o.live)).toBe(true);
});

it('is wanted when Tab is pressed anywhere', async () => {
  render(<Part />);
  await press('Tab');
  expect(wanted()).toBe('soon');
});

it('is wanted at once for print, before or after it was wanted soon', async () => {
  render(<Part />);
  await act(() => void dispatchEvent(new Event('beforeprint')));
  expect(wanted()).toBe('at-once');
  cleanup();
  render(<Part />);
  await press('Tab');
  await act(() => void dispatchEvent(new Event('beforeprint')));
  expect(wanted()).toBe('at-once');
});

it('is wanted at once when asked, as a print button does', async () => {
  render(<Part />);
  await act(() => document.querySelector('button')!.click());
  expect(wanted()).toBe('at-once');
});

it('is wanted at once where the browser cannot say what is in view', async () => {
  vi.stubGlobal('IntersectionObserver', undefined);
  render(<Part />);
  await act(() => undefined);
  expect(wanted()).toBe('soon');
});
