// @vitest-environment happy-dom
/**
 * /my-data/ in a simulated DOM: a saved value the site cannot use as it is (held, never copied) is
 * listed with Download and Discard; the export says what it left out and where it is; the notice a
 * page script shows for a held value links to that list.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetBrowserBackend } from '../../../src/lib/storage/backend';
import { keyFor } from '../../../src/lib/storage/store';
import DataTransfer from '../../../src/islands/DataTransfer';
import { showStorageNotice } from '../../../src/client/storage-notice';

beforeEach(() => {
  localStorage.clear();
  resetBrowserBackend();
  URL.createObjectURL = vi.fn(() => 'blob:x');
  URL.revokeObjectURL = vi.fn();
});
afterEach(cleanup);

describe('Your saved data', () => {
  it('lists a held value with Download and Discard, and the export names it as left out', async () => {
    localStorage.setItem(keyFor('quiz'), '{"version":2,"data":');
    localStorage.setItem(keyFor('ratings'), JSON.stringify({ version: 1, savedAt: 's', data: { ksbs: { K1: { rating: 'confident' } } } }));
    render(<DataTransfer full />);
    await waitFor(() => expect(document.querySelector('[data-kept="quiz"]')).not.toBeNull());
    const item = document.querySelector<HTMLElement>('[data-kept="quiz"]')!;
    expect(item.closest('#held')).not.toBeNull();
    expect(within(item).getByRole('button', { name: /^Download/ })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Export my progress' }));
    const leftOut = await waitFor(() => document.querySelector('[data-left-out]')!);
    expect(leftOut.textContent).toContain('Your quiz history: it could not be read (it is not valid JSON). Download it as it is from “Your saved data”.');

    fireEvent.click(within(item).getByRole('button', { name: /^Discard/ }));
    fireEvent.click(within(item).getByRole('button', { name: 'Yes, discard it' }));
    await waitFor(() => expect(document.querySelector('[data-kept="quiz"]')).toBeNull());
    expect(localStorage.getItem(keyFor('quiz'))).toBeNull();
    // There was room for a copy after all: it is kept, listed below.
    expect(document.querySelector('[data-backup^="st1398:backup:quiz:"]')).not.toBeNull();
    expect(localStorage.getItem(keyFor('ratings'))).toContain('confident');
  });

  it('the notice a page script shows for a held value links to that list', () => {
    document.body.innerHTML = '<main></main>';
    showStorageNotice({ kind: 'held', feature: 'ratings', title: 'Saving is paused', message: 'Kept as it was.', raw: 'x' });
    const link = screen.getByRole('link', { name: 'Download or discard it on “Your saved data”' });
    expect(link.getAttribute('href')).toBe('/my-data/#held');
  });
});
