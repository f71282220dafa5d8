// @vitest-environment happy-dom
/**
 * The report helper's text box takes what the saved report keeps (REPORT_LIMITS.text, the schema's
 * limit), counts what is left, and says so plainly at the limit; what it holds is saved and read back.
 */
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ReportHelper from '../../../src/islands/ReportHelper';
import { REPORT_LIMITS, reportFeature } from '../../../src/lib/report';
import { resetBrowserBackend } from '../../../src/lib/storage/backend';
import { createStore, keyFor } from '../../../src/lib/storage/store';

const props = { contents: ['An introduction'], alsoInclude: ['References'], wordCount: 3000, tolerancePercent: 10, ksbs: [{ code: 'K1', statement: 'A statement', theme: 'Theme' }] };

beforeEach(() => {
  localStorage.clear();
  resetBrowserBackend();
});
afterEach(cleanup);

describe('the report text limit', () => {
  const box = () => document.getElementById('report-text') as HTMLTextAreaElement;
  const counter = () => box().closest('.field')!.querySelector<HTMLElement>('[data-characters-left]')!;
  const type = (text: string) => {
    box().value = text;
    fireEvent.input(box());
  };
  const max = REPORT_LIMITS.text.toLocaleString('en-GB');

  it('is the saved schema’s limit, and the box says how much it still takes', async () => {
    render(<ReportHelper {...props} />);
    await waitFor(() => expect(document.querySelector('.report-helper[data-ready]')).not.toBeNull());
    expect(box().maxLength).toBe(REPORT_LIMITS.text);
    expect(counter().textContent).toBe(`${max} of ${max} characters left`);
    type('word '.repeat(1000));
    expect(counter().dataset.charactersLeft).toBe(String(REPORT_LIMITS.text - 5000));
    expect(counter().textContent).toBe(`${(REPORT_LIMITS.text - 5000).toLocaleString('en-GB')} of ${max} characters left`);
    // Quiet until near the limit.
    expect(counter().getAttribute('aria-live')).toBe('off');
    type('x'.repeat(REPORT_LIMITS.text - 10));
    expect(counter().getAttribute('aria-live')).toBe('polite');
    expect(counter().textContent).toBe(`10 of ${max} characters left`);
  });

  it('at the limit says nothing more can be added, and the text is saved whole and read back', async () => {
    render(<ReportHelper {...props} />);
    await waitFor(() => expect(document.querySelector('.report-helper[data-ready]')).not.toBeNull());
    const full = 'x'.repeat(REPORT_LIMITS.text);
    type(full);
    expect(counter().textContent).toBe(`You have reached the limit of ${max} characters: nothing more can be added here.`);
    expect(counter().classList.contains('field__count--full')).toBe(true);
    await waitFor(() => expect(JSON.parse(localStorage.getItem(keyFor('report'))!).data.text).toBe(full));
    resetBrowserBackend();
    const loaded = createStore(reportFeature).load();
    expect(loaded.status).toBe('ok');
    expect(loaded.data.text).toBe(full);
  });
});
