// @vitest-environment happy-dom
/**
 * The gateway's start date refuses a year outside the range the date rules support (src/lib/
 * dates.ts, DATE_RANGE), says the range, and saves nothing; the first and last days are accepted.
 */
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetBrowserBackend } from '../../../src/lib/storage/backend';
import { keyFor } from '../../../src/lib/storage/store';
import { loadStandardContent } from '../../../src/lib/content/standard-content';
import { appliedRulesOf } from '../../../src/lib/rules';
import Gateway from '../../../src/islands/eligibility/Gateway';

const KEY = keyFor('eligibility');
const rules = appliedRulesOf(loadStandardContent().rules);

beforeEach(() => {
  localStorage.clear();
  resetBrowserBackend();
});
afterEach(cleanup);

describe('gateway start date', () => {
  const boxes = () => ['day', 'month', 'year'].map((p) => document.getElementById(`start-date-${p}`) as HTMLInputElement);
  const type = (day: string, month: string, year: string) => {
    const [d, m, y] = boxes();
    d!.value = day;
    m!.value = month;
    y!.value = year;
    fireEvent.input(y!);
  };
  const saved = () => JSON.parse(localStorage.getItem(KEY) ?? 'null')?.data?.gateway?.startDate;

  it.each([
    ['2200', '1', '1'],
    ['1999', '31', '12'],
    ['2100', '1', '1'],
  ])('refuses the year %s with the supported range in the message, and saves nothing', async (year, day, month) => {
    render(<Gateway nextHref="/n/" rules={rules} rulesHref="/r/" earliestStart="2024-12-18" />);
    await waitFor(() => expect(document.querySelector('[data-ready]')).not.toBeNull());
    type(day, month, year);
    await waitFor(() => expect(document.body.textContent).toContain('Enter a date between 1 January 2000 and 31 December 2099'));
    expect(saved()).toBeUndefined();
  });

  it('accepts the first and last days of the range', async () => {
    render(<Gateway nextHref="/n/" rules={rules} rulesHref="/r/" earliestStart="2024-12-18" />);
    await waitFor(() => expect(document.querySelector('[data-ready]')).not.toBeNull());
    type('1', '1', '2000');
    await waitFor(() => expect(saved()).toBe('2000-01-01'));
    type('31', '12', '2099');
    await waitFor(() => expect(saved()).toBe('2099-12-31'));
    expect(document.body.textContent).not.toContain('Enter a date between');
  });

  it('warns, without refusing, a start before the standard took starts (its version log): the rules shown may not apply', async () => {
    const earliest = loadStandardContent().keyFacts.versionLog[0]!.earliestStartDate;
    expect(earliest).toBe('2024-12-18');
    render(<Gateway nextHref="/n/" rules={rules} rulesHref="/r/" earliestStart={earliest} />);
    await waitFor(() => expect(document.querySelector('[data-ready]')).not.toBeNull());
    type('17', '12', '2024');
    await waitFor(() => expect(saved()).toBe('2024-12-17'));
    expect(document.querySelector('[data-before-standard]')!.textContent).toMatch(/takes starts from 18 December 2024, so check the date/);
    type('18', '12', '2024');
    await waitFor(() => expect(saved()).toBe('2024-12-18'));
    expect(document.querySelector('[data-before-standard]')).toBeNull();
  });
});
