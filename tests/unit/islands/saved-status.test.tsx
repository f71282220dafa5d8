// @vitest-environment happy-dom
/**
 * The "Saved at" line claims a save only when one happened: not when the latest change was refused
 * (storage full), not while saving is paused, and not when the browser keeps nothing (storage
 * blocked: the change lives in memory only). Each says so instead.
 */
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SavedStatus, saveStatusText } from '../../../src/islands/shared/fields';
import { useSavedState } from '../../../src/islands/shared/useSavedState';
import { ratingsFeature } from '../../../src/lib/ratings';
import { resetBrowserBackend } from '../../../src/lib/storage/backend';
import { keyFor } from '../../../src/lib/storage/keys';

function Rate() {
  const saved = useSavedState(ratingsFeature);
  return (
    <div data-ready={saved.ready ? 'true' : undefined}>
      <button type="button" onClick={() => saved.update((d) => ({ ksbs: { ...d.ksbs, K1: { rating: 'confident' } } }))}>
        Rate
      </button>
      <SavedStatus state={saved} />
    </div>
  );
}

const status = () => document.querySelector('.saved-status')!;
const rate = async () => {
  render(<Rate />);
  await waitFor(() => expect(document.querySelector('[data-ready]')).not.toBeNull());
  fireEvent.click(document.querySelector('button')!);
};

beforeEach(() => {
  localStorage.clear();
  resetBrowserBackend();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  resetBrowserBackend();
});

describe('the saved status line', () => {
  it('says when a change was saved', async () => {
    await rate();
    await waitFor(() => expect(status().textContent).toMatch(/^Saved at \d\d:\d\d$/));
    expect(localStorage.getItem(keyFor('ratings'))).toContain('confident');
  });

  it('says a change was not saved when storage refuses it, never "Saved at"', async () => {
    const setItem = localStorage.setItem.bind(localStorage);
    vi.spyOn(localStorage, 'setItem').mockImplementation((key: string, value: string) => {
      if (key === keyFor('ratings')) throw new DOMException('full', 'QuotaExceededError');
      return setItem(key, value);
    });
    await rate();
    await waitFor(() => expect(status().textContent).toBe('Your last change was not saved: the notice above says why.'));
    expect(status().classList.contains('saved-status--not-saved')).toBe(true);
  });

  it('says nothing is saved when the browser keeps nothing (storage blocked), never "Saved at"', async () => {
    vi.stubGlobal('localStorage', undefined);
    await rate();
    await waitFor(() => expect(status().textContent).toBe('Nothing is being saved in this browser: the notice above says why.'));
  });

  it('says changes are not being saved while saving is paused', () => {
    expect(saveStatusText({ savedAt: '2026-12-01T10:00:00.000Z', writable: false, problems: [{ kind: 'newer' }] })).toBe(
      'Changes here are not being saved: the notice above says why.',
    );
    expect(saveStatusText({ savedAt: undefined, writable: true, problems: [] })).toBeUndefined();
  });
});
