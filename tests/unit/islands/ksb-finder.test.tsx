// @vitest-environment happy-dom
/**
 * The KSB finder on /ksbs/ loads without its word search: browsing and the filters work at once,
 * and the search (its code and /ksbs/finder.json) loads when the learner focuses the field or
 * types. While it loads the list stays as the filters leave it and the count says "Searching…";
 * if it cannot load, the learner is told and the filters still work.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import KsbFinder from '../../../src/islands/KsbFinder';
import { loadAllContent } from '../../../src/lib/content/authored-content';
import { createStandard } from '../../../src/lib/standard';
import { finderEntries, finderListEntries, finderWordsFile } from '../../../src/lib/search/entries';

const { standard: content, authored } = loadAllContent();
const standard = createStandard(content);
const entries = finderEntries(standard, authored.notes);
const themes = standard.themes.map((t) => ({ id: t.id, name: t.name, method: t.method }));
const duties = standard.duties.map((d) => d.number);
// Each test renders its own list, so each loads the word search afresh (it loads once per list).
const codes = () => [...document.querySelectorAll('[data-ksb]')].map((li) => li.getAttribute('data-ksb'));

let respond: (ok: boolean) => void;
const fetches: string[] = [];
beforeEach(() => {
  fetches.length = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) => {
      fetches.push(String(url));
      return new Promise((resolve) => {
        respond = (ok) => resolve(ok ? new Response(JSON.stringify(finderWordsFile(entries))) : new Response('', { status: 503 }));
      });
    }),
  );
  window.history.replaceState(null, '', '/ksbs/');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const field = () => screen.getByRole('searchbox', { name: 'Find a KSB' });

describe('KsbFinder', () => {
  it('shows all 70 and filters at once, without fetching the search words', async () => {
    render(<KsbFinder entries={finderListEntries(entries)} themes={themes} duties={duties} />);
    await waitFor(() => expect(document.querySelector('.finder[data-ready]')).not.toBeNull());
    expect(codes()).toHaveLength(70);
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'behaviour' } });
    await waitFor(() => expect(codes()).toEqual(['B1', 'B2', 'B3', 'B4', 'B5']));
    expect(fetches).toEqual([]);
  });

  it('typing loads the word search: "Searching…" and the list as it was, then the matches', async () => {
    render(<KsbFinder entries={finderListEntries(entries)} themes={themes} duties={duties} />);
    await waitFor(() => expect(document.querySelector('.finder[data-ready]')).not.toBeNull());
    fireEvent.input(field(), { target: { value: 'moniter drift' } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Searching…'));
    expect(document.querySelector('.finder[data-ready]')).toBeNull();
    expect(codes()).toHaveLength(70);
    expect(fetches).toEqual(['/ksbs/finder.json']);
    respond(true);
    await waitFor(() => expect(document.querySelector('.finder[data-ready]')).not.toBeNull());
    expect(codes().slice(0, 2)).toEqual(expect.arrayContaining(['S24']));
    expect(screen.getByRole('status').textContent).toBe(`${codes().length} of 70 KSBs`);
  });

  it('if the word search cannot load, says so, keeps the filters working, and can try again', async () => {
    render(<KsbFinder entries={finderListEntries(entries)} themes={themes} duties={duties} />);
    await waitFor(() => expect(document.querySelector('.finder[data-ready]')).not.toBeNull());
    fireEvent.input(field(), { target: { value: 'drift' } });
    await waitFor(() => expect(fetches).toHaveLength(1));
    respond(false);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/did not load/));
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'behaviour' } });
    await waitFor(() => expect(codes()).toEqual(['B1', 'B2', 'B3', 'B4', 'B5']));
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(fetches).toHaveLength(2));
    respond(true);
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    await waitFor(() => expect(codes()).toEqual([]));
  });
});
