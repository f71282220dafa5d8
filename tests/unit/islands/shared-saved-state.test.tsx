// @vitest-environment happy-dom
/**
 * Islands of one page that save the same feature share it (useSavedState): a change made in one is
 * seen by the others and none saves an older copy over it; an island that mounts after the data was
 * read still renders the page as built first, so hydrating it matches.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { eligibilityFeature } from '../../../src/lib/eligibility';
import { resetBrowserBackend } from '../../../src/lib/storage/backend';
import { keyFor } from '../../../src/lib/storage/store';
import { useSavedState } from '../../../src/islands/shared/useSavedState';

const KEY = keyFor('eligibility');
const saved = () => JSON.parse(localStorage.getItem(KEY) ?? 'null');
let firstRenders: Record<string, string[]> = {};

/** A stand-in island: answers "yes" for one KSB, and lists the KSBs it sees answered. */
function Answer({ code }: { code: string }) {
  const { data, ready, update } = useSavedState(eligibilityFeature);
  const seen = Object.keys(data.ksbs).sort();
  firstRenders[code] ??= seen;
  return (
    <button
      type="button"
      data-ready={ready ? 'true' : undefined}
      data-island={code}
      onClick={() => update((d) => ({ ...d, ksbs: { ...d.ksbs, [code]: { opportunity: 'yes' } } }))}
    >
      {seen.join(',') || 'none'}
    </button>
  );
}

beforeEach(() => {
  localStorage.clear();
  resetBrowserBackend();
  firstRenders = {};
});
afterEach(cleanup);

it('keeps both islands’ changes, and each shows the other’s', async () => {
  render(
    <>
      <Answer code="K1" />
      <Answer code="K2" />
    </>,
  );
  await waitFor(() => expect(document.querySelectorAll('[data-ready]')).toHaveLength(2));
  fireEvent.click(document.querySelector('[data-island="K1"]')!);
  fireEvent.click(document.querySelector('[data-island="K2"]')!);
  expect(Object.keys(saved().data.ksbs).sort()).toEqual(['K1', 'K2']);
  await waitFor(() => expect(screen.getAllByText('K1,K2')).toHaveLength(2));
});

it('renders an island that starts after the data was read as the page was built, then with the data', async () => {
  localStorage.setItem(
    KEY,
    JSON.stringify({ version: 2, savedAt: '2026-12-01T10:00:00.000Z', data: { englishMaths: {}, role: {}, ksbs: { K9: { opportunity: 'no' } }, gateway: {} } }),
  );
  render(<Answer code="K1" />);
  await waitFor(() => expect(document.querySelector('[data-island="K1"][data-ready]')?.textContent).toBe('K9'));
  const later = document.createElement('div');
  document.body.append(later);
  render(<Answer code="K2" />, { container: later });
  expect(firstRenders.K2).toEqual([]);
  await waitFor(() => expect(document.querySelector('[data-island="K2"][data-ready]')?.textContent).toBe('K9'));
});

it('reads the saved data afresh once every island using it has gone', async () => {
  const first = render(<Answer code="K1" />);
  await waitFor(() => expect(document.querySelector('[data-ready]')).not.toBeNull());
  first.unmount();
  localStorage.setItem(
    KEY,
    JSON.stringify({
      version: 2,
      savedAt: '2026-12-01T10:00:00.000Z',
      data: { englishMaths: {}, role: {}, ksbs: { S3: { opportunity: 'yes' } }, gateway: {} },
    }),
  );
  render(<Answer code="K2" />);
  await waitFor(() => expect(document.querySelector('[data-island="K2"][data-ready]')?.textContent).toBe('S3'));
});
