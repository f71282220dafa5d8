// @vitest-environment happy-dom
/**
 * The KSB finder on /ksbs/ loads without its word search: browsing and the filters work at once,
 * and the search (its code and /ksbs/finder.json) loads when the learner focuses the field or
 * types. While it loads the list stays as the filters leave it and the count says "Searching…";
 * if it cannot load, the learner is told and the filters still work. The grouped list of all 70 is
 * the page's HTML (KsbList), handed to the island as children: browsing, the island hides the rows
 * and groups the filters leave out; searching, it hides that list and draws the matches itself.
 */
import { cleanup, fireEvent, render as renderInto, screen, waitFor } from '@testing-library/preact';
import type { ComponentProps, VNode } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import KsbFinder from '../../../src/islands/KsbFinder';
import { staticSlot } from './static-slot';
import { loadAllContent } from '../../../src/lib/content/authored-content';
import { createStandard } from '../../../src/lib/standard';
import { finderEntries, finderListEntries, finderWordsFile } from '../../../src/lib/search/entries';
import { groupByKind } from '../../../src/lib/standard';
import { FINDER_STATE_SLOT_ATTRIBUTE } from '../../../src/lib/learner/state-slot-names';

const { standard: content, authored } = loadAllContent();
const standard = createStandard(content);
const entries = finderEntries(standard, authored.notes);
const themes = standard.themes.map((t) => ({ id: t.id, name: t.name, method: t.method }));
const duties = standard.duties.map((d) => d.number);

/** The list as KsbList renders it on /ksbs/ (grouped, its state slots the finder's). */
const listHtml = groupByKind(standard.ksbs)
  .map(
    (group) =>
      `<section class="ksb-group" aria-labelledby="${group.label.toLowerCase()}"><h2 id="${group.label.toLowerCase()}">${group.label} <span class="count">(${group.ksbs.length})</span></h2><ul class="ksb-list">` +
      group.ksbs
        .map(
          (k) =>
            `<li data-ksb="${k.code}"><a class="ksb-code" href="/ksbs/${k.code.toLowerCase()}/">${k.code}</a> <span class="ksb-statement">${k.statement} <span class="state-slot" ${FINDER_STATE_SLOT_ATTRIBUTE}="${k.code}"></span></span></li>`,
        )
        .join('') +
      '</ul></section>',
  )
  .join('');
/** Renders the finder as the page does: around the list. */
const render = (finder: VNode<ComponentProps<typeof KsbFinder>>) => renderInto(<KsbFinder {...finder.props}>{staticSlot(listHtml)}</KsbFinder>);

// Each test renders its own list, so each loads the word search afresh (it loads once per list).
/** The KSBs the learner sees listed, in order (rows in a hidden list or group are not seen). */
const codes = () => [...document.querySelectorAll('[data-ksb]')].filter((li) => !li.closest('[hidden]')).map((li) => li.getAttribute('data-ksb'));
const groupHeadings = () => [...document.querySelectorAll('.ksb-group')].filter((g) => !g.closest('[hidden]')).map((g) => g.querySelector('h2')?.textContent);

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
    expect(groupHeadings()).toEqual(['Knowledge (31)', 'Skills (34)', 'Behaviours (5)']);
    // The rows are the page's own list: the island draws none of its own while browsing.
    expect(document.querySelectorAll('[data-ksb]')).toHaveLength(70);
    expect(document.querySelectorAll('astro-slot [data-ksb]')).toHaveLength(70);
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'behaviour' } });
    await waitFor(() => expect(codes()).toEqual(['B1', 'B2', 'B3', 'B4', 'B5']));
    expect(groupHeadings()).toEqual(['Behaviours (5)']);
    expect(fetches).toEqual([]);
  });

  it('counts each group as filtered, and shows them all again when the filters are cleared', async () => {
    render(<KsbFinder entries={finderListEntries(entries)} themes={themes} duties={duties} />);
    await waitFor(() => expect(document.querySelector('.finder[data-ready]')).not.toBeNull());
    fireEvent.change(screen.getByLabelText('Duty'), { target: { value: '1' } });
    const ofDuty = groupByKind(standard.ksbsOfDuty(1));
    const expected = ofDuty.flatMap((g) => g.ksbs.map((k) => k.code));
    await waitFor(() => expect(codes()).toEqual(expected));
    expect(groupHeadings()).toEqual(ofDuty.map((g) => `${g.label} (${g.ksbs.length})`));
    expect(screen.getByRole('status').textContent).toBe(`${expected.length} of 70 KSBs`);
    fireEvent.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    await waitFor(() => expect(codes()).toHaveLength(70));
    expect(groupHeadings()).toEqual(['Knowledge (31)', 'Skills (34)', 'Behaviours (5)']);
  });

  it('searching hides the grouped list and draws the matches in order; emptying the field brings the list back', async () => {
    render(<KsbFinder entries={finderListEntries(entries)} themes={themes} duties={duties} />);
    await waitFor(() => expect(document.querySelector('.finder[data-ready]')).not.toBeNull());
    fireEvent.input(field(), { target: { value: 'drift' } });
    respond(true);
    await waitFor(() => expect(document.querySelector('.finder__results')).not.toBeNull());
    expect(document.querySelector<HTMLElement>('.finder__list')!.hidden).toBe(true);
    expect(codes()).toEqual([...document.querySelectorAll('.finder__results [data-ksb]')].map((li) => li.getAttribute('data-ksb')));
    expect(codes()).toContain('S24');
    expect(document.querySelector('.finder__results mark')).not.toBeNull();
    fireEvent.input(field(), { target: { value: '' } });
    await waitFor(() => expect(codes()).toHaveLength(70));
    expect(document.querySelector('.finder__results')).toBeNull();
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
