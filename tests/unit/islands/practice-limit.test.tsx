// @vitest-environment happy-dom
/**
 * The practice page keeps 50 sessions. Starting a 51st never deletes the oldest unseen: it is kept
 * first as a copy on “Your saved data” (with its marks and notes) and the page says so; with no room
 * for the copy, no session starts and nothing is deleted, and the page says that.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Practice from '../../../src/islands/practice/Practice';
import { MAX_SESSIONS_KEPT, type PracticeSession } from '../../../src/lib/practice';
import { resetBrowserBackend } from '../../../src/lib/storage/backend';
import { listBackups } from '../../../src/lib/storage/backups';
import { keyFor } from '../../../src/lib/storage/store';

vi.mock('../../../src/lib/practice-texts', () => ({
  loadPracticeTexts: async () => ({
    prompts: [{ id: 'p1', criterion: 'c1', prompt: 'Tell me about a model you deployed.' }],
    criteria: [{ id: 'c1', theme: 't1', grade: 'pass', text: 'Deploys a model', ksbs: ['K1'] }],
  }),
}));

const KEY = keyFor('practice');
const timing = {
  am1: { totalMinutes: 60, presentationMinutes: 20, questioningMinutes: 40, extensionPercent: 10 },
  am2: { totalMinutes: 60, extensionPercent: 10 },
};
const props = { themes: [{ id: 't1', name: 'Theme', method: 'am2' as const, slug: 't1' }], timing, minimumQuestions: 1, presentationContents: [] };
const session = (i: number): PracticeSession => ({
  id: `old${i}`,
  method: 'am2',
  // Newest first: old0 is the newest, old49 the oldest.
  createdAt: new Date(Date.UTC(2026, 0, 1) - i * 86_400_000).toISOString(),
  extended: false,
  timer: { durationMs: 3_600_000, usedMs: 0 },
  current: 0,
  items: [{ prompt: 'p1', criterion: 'c1', mark: 'pass', notes: `Notes of session ${i}` }],
});
const stored = () => JSON.parse(localStorage.getItem(KEY) ?? 'null')?.data;

beforeEach(() => {
  localStorage.clear();
  resetBrowserBackend();
  const sessions = Array.from({ length: MAX_SESSIONS_KEPT }, (_, i) => session(i));
  localStorage.setItem(KEY, JSON.stringify({ version: 1, savedAt: '2026-01-01T10:00:00.000Z', data: { sessions } }));
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

async function start() {
  render(<Practice {...props} />);
  await waitFor(() => expect(document.querySelector('.practice[data-ready]')).not.toBeNull());
  fireEvent.click(screen.getByRole('button', { name: 'Start the session' }));
}

describe('starting a session with 50 kept', () => {
  it('says beside the Start button what starting another will do', async () => {
    render(<Practice {...props} />);
    await waitFor(() => expect(document.querySelector('.practice[data-ready]')).not.toBeNull());
    expect(document.querySelector('[data-sessions-at-limit]')?.textContent).toContain(
      'starting another moves your oldest, with its marks and notes, to a kept copy',
    );
  });

  it('keeps the oldest as a copy on “Your saved data” before it goes, and says so', async () => {
    await start();
    await waitFor(() => expect(stored().sessions[0].id).not.toMatch(/^old/));
    expect(stored().sessions).toHaveLength(MAX_SESSIONS_KEPT);
    expect(stored().sessions.map((s: PracticeSession) => s.id)).not.toContain('old49');
    const backups = listBackups(localStorage).filter((b) => b.feature === 'practice');
    expect(backups).toHaveLength(1);
    expect(JSON.parse(localStorage.getItem(backups[0]!.key)!).data.sessions).toEqual([session(49)]);
    const notice = document.querySelector('[data-oldest-session="moved"]')!;
    expect(notice.textContent).toContain('your oldest, started');
    expect(notice.textContent).toContain('was moved to a kept copy on “Your saved data”');
    expect(notice.querySelector('a')!.getAttribute('href')).toContain('#backups');
  });

  it('with no room for the copy, starts nothing, deletes nothing, and says so', async () => {
    const setItem = localStorage.setItem.bind(localStorage);
    vi.spyOn(localStorage, 'setItem').mockImplementation((key: string, value: string) => {
      if (key.startsWith('st1398:backup:')) throw new DOMException('full', 'QuotaExceededError');
      setItem(key, value);
    });
    await start();
    await waitFor(() => expect(document.querySelector('[data-oldest-session="kept"]')).not.toBeNull());
    expect(document.querySelector('[data-oldest-session="kept"]')!.textContent).toContain('no session was started and nothing was deleted');
    expect(stored().sessions.map((s: PracticeSession) => s.id)).toEqual(Array.from({ length: MAX_SESSIONS_KEPT }, (_, i) => `old${i}`));
  });
});
