// @vitest-environment happy-dom
/**
 * The evidence log's off-the-job plan fields (dates, weekly hours, planned hours) show what is
 * saved once it is read, and follow it when another tab changes it, without clearing what is being
 * typed. Another tab's save is simulated by writing storage and sending the `storage` event.
 */
import { act, cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import EvidenceLog from '../../../src/islands/evidence/EvidenceLog';
import { loadStandardContent } from '../../../src/lib/content/standard-content';
import { ruleById } from '../../../src/lib/rules';
import { resetBrowserBackend } from '../../../src/lib/storage/backend';
import { keyFor } from '../../../src/lib/storage/store';

const props = { ksbs: [], themes: [], offTheJob: ruleById(loadStandardContent().rules, 'off-the-job') };
const KEY = keyFor('evidence');

function otherTabSaves(plan: unknown) {
  localStorage.setItem(KEY, JSON.stringify({ version: 1, savedAt: '2026-10-02T09:00:00.000Z', data: { entries: [], activities: [], plan } }));
  act(() => {
    window.dispatchEvent(new StorageEvent('storage', { key: KEY }));
  });
}
const input = (id: string, value: string) => {
  const field = document.getElementById(id) as HTMLInputElement;
  field.value = value;
  fireEvent.input(field);
};

beforeEach(() => {
  localStorage.clear();
  resetBrowserBackend();
});
afterEach(cleanup);

describe('the off-the-job plan', () => {
  const value = (id: string) => (document.getElementById(id) as HTMLInputElement).value;

  it('shows the saved figures once read, follows another tab’s change, and keeps what is being typed', async () => {
    otherTabSaves({ startDate: '2025-09-01', weeklyHours: 37.5, plannedHours: 400 });
    render(<EvidenceLog {...props} />);
    await waitFor(() => expect(document.querySelector('.evidence-log[data-ready]')).not.toBeNull());
    await waitFor(() => expect(value('plan-hours')).toBe('400'));
    expect([value('plan-start-day'), value('plan-start-month'), value('plan-start-year')]).toEqual(['1', '9', '2025']);
    expect(value('plan-weekly')).toBe('37.5');
    expect(value('plan-end-year')).toBe('');

    // Half-typed here; another tab changes other figures.
    input('plan-end-year', '202');
    otherTabSaves({ startDate: '2025-09-01', weeklyHours: 30, plannedHours: 450 });
    await waitFor(() => expect(value('plan-hours')).toBe('450'));
    expect(value('plan-weekly')).toBe('30');
    expect(value('plan-end-year')).toBe('202');
  });
});
