// @vitest-environment happy-dom
/**
 * A page open while another tab saves a newer version of its data: the next change is not saved
 * over it, and the page says so with the usual notice and stops saving.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetBrowserBackend } from '../../../src/lib/storage/backend';
import { keyFor } from '../../../src/lib/storage/store';
import SelfRating from '../../../src/islands/SelfRating';

const KEY = keyFor('ratings');

beforeEach(() => {
  localStorage.clear();
  resetBrowserBackend();
});
afterEach(cleanup);

describe('a newer version saved by another tab', () => {
  it('is never overwritten: the page goes read-only and says to reload', async () => {
    render(<SelfRating code="K1" />);
    await waitFor(() => expect(document.querySelector('[data-ready]')).not.toBeNull());
    fireEvent.click(screen.getByLabelText('Developing'));
    expect(JSON.parse(localStorage.getItem(KEY)!).data.ksbs.K1.rating).toBe('developing');
    const newer = JSON.stringify({ version: 2, savedAt: '2026-11-30T10:00:00.000Z', data: { ksbs: { K1: { level: 3 } } } });
    localStorage.setItem(KEY, newer); // no storage event reaches this tab yet
    fireEvent.click(screen.getByLabelText('Confident'));
    const notice = await waitFor(() => document.querySelector('[data-notice="newer"]')!);
    expect(notice.textContent).toContain('was saved by a newer version of the site: reload the page to use it');
    expect(localStorage.getItem(KEY)).toBe(newer);
  });
});
