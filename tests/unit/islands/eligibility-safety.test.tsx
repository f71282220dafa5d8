// @vitest-environment happy-dom
/**
 * "Delete all my answers" over answers saved by a newer version is refused with a reason: nothing
 * is deleted unseen.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetBrowserBackend } from '../../../src/lib/storage/backend';
import { keyFor } from '../../../src/lib/storage/store';
import { loadStandardContent } from '../../../src/lib/content/standard-content';
import { appliedRulesOf } from '../../../src/lib/rules';
import Summary from '../../../src/islands/eligibility/Summary';

const KEY = keyFor('eligibility');
const rules = appliedRulesOf(loadStandardContent().rules);

beforeEach(() => {
  localStorage.clear();
  resetBrowserBackend();
});
afterEach(cleanup);

describe('Delete all my answers', () => {
  it('refuses over answers saved by a newer version: nothing deleted, and the page says why', async () => {
    const raw = JSON.stringify({ version: 99, savedAt: 's', data: { ksbs: { K1: { opportunity: 'yes' } } } });
    localStorage.setItem(KEY, raw);
    render(<Summary ksbs={[]} checklistHref="/c/" rules={rules} />);
    await waitFor(() => expect(document.querySelector('[data-ready]')).not.toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Delete all my answers' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete my answers' }));
    const refused = await waitFor(() => document.querySelector('[data-reset-refused]')!);
    expect(refused.textContent).toMatch(/^Nothing was deleted\. .*newer version of the site.*reload the page/);
    expect(localStorage.getItem(KEY)).toBe(raw);
  });
});
