// @vitest-environment happy-dom
/**
 * The planner keeps a saved date while it is being retyped: only a complete real date, or all three
 * boxes cleared, is saved (src/islands/shared/useDateField.ts, as the gateway checklist and the
 * evidence log's plan do). Half-typed, the saved date stays, and comes back on the next visit.
 */
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Planner from '../../../src/islands/Planner';
import { loadStandardContent } from '../../../src/lib/content/standard-content';
import { plannerRulesOf, type RuleSource } from '../../../src/lib/planner';
import { createStandard } from '../../../src/lib/standard';
import { resetBrowserBackend } from '../../../src/lib/storage/backend';
import { keyFor } from '../../../src/lib/storage/store';

const rules = plannerRulesOf(createStandard(loadStandardContent()));
const ruleText = new Proxy({}, { get: () => 'The rule.' }) as Record<RuleSource, string>;
const KEY = keyFor('planner');
const stored = () => JSON.parse(localStorage.getItem(KEY) ?? 'null')?.data;
const box = (id: string) => document.getElementById(id) as HTMLInputElement;
const type = (id: string, value: string) => {
  box(id).value = value;
  fireEvent.input(box(id));
};

async function open() {
  const view = render(<Planner rules={rules} ruleText={ruleText} sourceName="The specification" />);
  await waitFor(() => expect(document.querySelector('.planner[data-ready]')).not.toBeNull());
  await waitFor(() => expect(box('gatewayDate-year').value).toBe('2027'));
  return view;
}

beforeEach(() => {
  localStorage.clear();
  resetBrowserBackend();
  localStorage.setItem(KEY, JSON.stringify({ version: 1, savedAt: '2026-10-01T09:00:00.000Z', data: { startDate: '2025-09-01', gatewayDate: '2027-06-15' } }));
});
afterEach(cleanup);

describe('a saved planner date being retyped', () => {
  it('stays saved while the new date is half-typed, and is there on the next visit', async () => {
    const view = await open();
    type('gatewayDate-year', '202');
    expect(box('gatewayDate-year').value).toBe('202');
    expect(stored().gatewayDate).toBe('2027-06-15');
    view.unmount();
    await open();
    expect([box('gatewayDate-day').value, box('gatewayDate-month').value, box('gatewayDate-year').value]).toEqual(['15', '6', '2027']);
  });

  it('stays saved while the date typed is not a real one, and is replaced by the next complete real date', async () => {
    await open();
    type('gatewayDate-day', '31');
    type('gatewayDate-month', '2');
    expect(stored().gatewayDate).toBe('2027-06-15');
    type('gatewayDate-day', '28');
    expect(stored().gatewayDate).toBe('2027-02-28');
  });

  it('is deleted when all three boxes are cleared', async () => {
    await open();
    for (const part of ['day', 'month', 'year']) type(`gatewayDate-${part}`, '');
    expect(stored().gatewayDate).toBeUndefined();
    expect(stored().startDate).toBe('2025-09-01');
  });
});
