// @vitest-environment happy-dom
/**
 * The evidence log never loses what the learner typed because of another tab, and says what
 * happened: an entry deleted there while being edited here is saved as a new entry; one changed
 * there is replaced by what the form holds and the other version is kept as a copy on “Your saved
 * data”. Another tab's save is simulated by writing storage and sending the
 * `storage` event the browser would.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import EvidenceLog from '../../../src/islands/evidence/EvidenceLog';
import { loadStandardContent } from '../../../src/lib/content/standard-content';
import { ruleById } from '../../../src/lib/rules';
import { resetBrowserBackend } from '../../../src/lib/storage/backend';
import { listBackups } from '../../../src/lib/storage/backups';
import { keyFor } from '../../../src/lib/storage/store';

const content = loadStandardContent();
const props = { ksbs: [], themes: [], offTheJob: ruleById(content.rules, 'off-the-job') };
const KEY = keyFor('evidence');
const entry = { id: 'a', title: 'Drift alerts', date: '2026-10-01', ksbs: [], created: '2026-10-01T09:00:00.000Z', updated: '2026-10-01T09:00:00.000Z' };
const stored = () => JSON.parse(localStorage.getItem(KEY) ?? 'null')?.data;

/** Writes the log as another tab would, and tells this tab as the browser does. */
function otherTabSaves(data: { entries: unknown[]; activities?: unknown[]; plan?: unknown }, savedAt = '2026-10-02T09:00:00.000Z') {
  localStorage.setItem(KEY, JSON.stringify({ version: 1, savedAt, data: { activities: [], plan: {}, ...data } }));
  act(() => {
    window.dispatchEvent(new StorageEvent('storage', { key: KEY }));
  });
}

const input = (id: string, value: string) => {
  const field = document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement;
  field.value = value;
  fireEvent.input(field);
};

async function openEdit() {
  render(<EvidenceLog {...props} />);
  await waitFor(() => expect(document.querySelector('.evidence-log[data-ready]')).not.toBeNull());
  fireEvent.click(screen.getByRole('button', { name: /^Edit/ }));
  input('entry-action', 'Wrote the alert rules myself.');
}

beforeEach(() => {
  localStorage.clear();
  resetBrowserBackend();
  otherTabSaves({ entries: [entry] }, '2026-10-01T09:00:00.000Z');
});
afterEach(cleanup);

describe('an entry being edited here', () => {
  it('deleted in another tab: the form says so, and Save adds what it holds as a new entry, saying so', async () => {
    await openEdit();
    otherTabSaves({ entries: [] });
    expect(document.getElementById('entry-form-heading')!.textContent).toBe('Edit “Drift alerts”');
    expect(document.querySelector('[data-entry-elsewhere="deleted"]')?.textContent).toContain('deleted in another tab');
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(stored().entries).toEqual([expect.objectContaining({ title: 'Drift alerts', action: 'Wrote the alert rules myself.' })]);
    expect(stored().entries[0].id).not.toBe('a');
    const said = document.querySelector('[data-announce]')!.textContent;
    expect(said).toContain('had been deleted in another tab');
    expect(said).not.toMatch(/^Entry “Drift alerts” saved\.$/);
    expect(document.querySelector('[data-entry-saved-elsewhere]')?.textContent).toContain('saved as a new entry');
  });

  it('changed in another tab: Save keeps the form’s version as the entry and the other as a restorable copy, and says so', async () => {
    await openEdit();
    otherTabSaves({ entries: [{ ...entry, result: 'Alerts now fire within an hour.', updated: '2026-10-02T09:00:00.000Z' }] });
    expect(document.querySelector('[data-entry-elsewhere="changed"]')?.textContent).toContain('changed in another tab');
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(stored().entries).toEqual([expect.objectContaining({ id: 'a', action: 'Wrote the alert rules myself.' })]);
    const backups = listBackups(localStorage).filter((b) => b.feature === 'evidence');
    expect(backups).toHaveLength(1);
    const kept = JSON.parse(localStorage.getItem(backups[0]!.key)!).data.entries;
    // Under its own id, so restoring it adds it beside the entry rather than losing to the newer one.
    expect(kept).toEqual([expect.objectContaining({ title: 'Drift alerts (other version)', result: 'Alerts now fire within an hour.' })]);
    expect(kept[0].id).not.toBe('a');
    const notice = document.querySelector('[data-entry-saved-elsewhere]')!;
    expect(notice.textContent).toContain('changed in another tab');
    expect(notice.querySelector('a')!.getAttribute('href')).toContain('#backups');
  });

  it('unchanged elsewhere: saved in place, with no copy and no warning', async () => {
    await openEdit();
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(stored().entries).toEqual([expect.objectContaining({ id: 'a', action: 'Wrote the alert rules myself.' })]);
    expect(listBackups(localStorage)).toEqual([]);
    expect(document.querySelector('[data-announce]')!.textContent).toBe('Entry “Drift alerts” saved.');
    expect(document.querySelector('[data-entry-saved-elsewhere]')).toBeNull();
  });
});
