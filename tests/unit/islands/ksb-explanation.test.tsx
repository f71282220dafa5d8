// @vitest-environment happy-dom
/**
 * "What this means" on the eligibility checklist: a KSB's plain-English explanation, fetched from
 * its JSON only when opened and shown in place; a clear message when it cannot be loaded; a link
 * to the KSB's notes whatever happens (and without JavaScript). The disclosure is the page's HTML;
 * opening it calls showExplanation, as the KSB step's island does. And the Markdown reader it uses
 * reads every note's "In plain English" with nothing left over.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KsbExplanation, showExplanation } from '../../../src/islands/eligibility/KsbExplanation';
import { staticSlot } from './static-slot';
import { NOTE_SECTIONS } from '../../../src/lib/content/authored-content';
import { noteSection, readNoteMarkdown, readRuns } from '../../../src/lib/note-markdown';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const MARKDOWN = 'A model is only **trustworthy** inside its *domain*:\nthe range it covers.\n\n- **Data drift**: inputs change,\n  for example a new segment.\n- Concept drift.\n\n1. First\n2. Second';

/** The disclosure as built, opening as the step's island opens it. */
function renderExplanation(code: string) {
  const rendered = render(staticSlot(<KsbExplanation code={code} />));
  const details = rendered.container.querySelector('details')!;
  details.addEventListener('toggle', () => details.open && showExplanation(details, code));
  return details;
}

function open(details: HTMLElement) {
  (details as HTMLDetailsElement).open = true;
  fireEvent(details, new Event('toggle'));
}

describe('What this means', () => {
  it('fetches the KSB’s JSON when first opened, and shows its explanation in place', async () => {
    let arrive = () => {};
    const fetchMock = vi.fn(
      () => new Promise<Response>((resolve) => (arrive = () => resolve(new Response(JSON.stringify({ code: 'S24', plainEnglish: MARKDOWN }), { status: 200 })))),
    );
    vi.stubGlobal('fetch', fetchMock);
    const details = renderExplanation('S24');
    expect(details.querySelector('summary')!.textContent).toBe('What this means (S24)');
    // Closed: nothing fetched, and the link to the notes is there (as it is without JavaScript).
    expect(fetchMock).not.toHaveBeenCalled();
    expect(screen.getByRole('link', { name: 'Read what S24 means on its page' }).getAttribute('href')).toBe('/ksbs/s24/#in-plain-english');

    open(details);
    expect(await screen.findByText('Loading the explanation…')).toBeTruthy();
    arrive();
    await waitFor(() => expect(details.getAttribute('data-explain')).toBe('shown'));
    expect(fetchMock).toHaveBeenCalledWith('/api/ksbs/s24.json');
    expect(details.querySelector('p strong')!.textContent).toBe('trustworthy');
    expect(details.querySelector('p em')!.textContent).toBe('domain');
    expect(details.querySelector('p')!.textContent).toBe('A model is only trustworthy inside its domain: the range it covers.');
    expect([...details.querySelectorAll('ul > li')].map((li) => li.textContent)).toEqual(['Data drift: inputs change, for example a new segment.', 'Concept drift.']);
    expect(details.querySelectorAll('ol > li')).toHaveLength(2);
    expect(screen.getByRole('link', { name: /^All of S24’s notes/ }).getAttribute('href')).toBe('/ksbs/s24/#in-plain-english');

    // Closed and opened again: not fetched again.
    details.open = false;
    fireEvent(details, new Event('toggle'));
    open(details);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('says so when the explanation cannot be loaded, keeps the link, and tries again when reopened', async () => {
    const fetchMock = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    vi.stubGlobal('fetch', fetchMock);
    const details = renderExplanation('K7');
    open(details);
    await waitFor(() => expect(details.getAttribute('data-explain')).toBe('failed'));
    expect(screen.getByRole('status').textContent).toBe(
      'The explanation of K7 could not be loaded (you may be offline, or the site may have changed). It is on the K7 page.',
    );
    expect(screen.getByRole('link', { name: 'Read what K7 means on its page' })).toBeTruthy();

    // A file without the explanation (an older build) is a failure too, not an empty box.
    fetchMock.mockImplementation(async () => new Response(JSON.stringify({ code: 'K7' }), { status: 200 }) as never);
    details.open = false;
    fireEvent(details, new Event('toggle'));
    open(details);
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(details.getAttribute('data-explain')).toBe('failed'));
  });
});

describe('the notes’ Markdown', () => {
  it('takes one section of a note, up to the next heading', () => {
    expect(noteSection('## In plain English\n\nOne.\n\nTwo.\n\n## Pitfalls\n\nThree.', 'In plain English')).toBe('One.\n\nTwo.');
    expect(noteSection('## Pitfalls\n\nThree.', 'In plain English')).toBe('');
  });

  it('reads bold and italic, and leaves a lone asterisk as it is', () => {
    expect(readRuns('a **b** *c* 2 * 3')).toEqual([{ text: 'a ' }, { text: 'b', strong: true }, { text: ' ' }, { text: 'c', em: true }, { text: ' 2 * 3' }]);
  });

  it('reads every note’s "In plain English" with no Markdown left in its text', () => {
    const dir = 'content/notes';
    const files = readdirSync(dir).filter((f) => f.endsWith('.mdx'));
    expect(files).toHaveLength(70);
    for (const file of files) {
      const section = noteSection(readFileSync(`${dir}/${file}`, 'utf8'), NOTE_SECTIONS[0]);
      const blocks = readNoteMarkdown(section);
      expect(blocks.length, file).toBeGreaterThan(0);
      const runs = blocks.flatMap((b) => (b.kind === 'p' ? b.runs : b.items.flat()));
      for (const run of runs) expect(run.text, `${file}: ${run.text}`).not.toMatch(/\*|\]\(|<[A-Za-z]|`|^#/);
    }
  });
});
