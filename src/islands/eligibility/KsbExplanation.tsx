/**
 * "What this means": a KSB's plain-English explanation (its revision note's first section), opened
 * in place on the checklist. It is fetched from the KSB's JSON only when first opened, so the page
 * does not carry 70 notes; the service worker keeps that JSON offline. Without JavaScript, or when
 * the fetch fails, the disclosure holds a link to the notes on the KSB's own page.
 */
import { useRef, useState } from 'preact/hooks';
import { readNoteMarkdown, type NoteBlock, type Run } from '../../lib/note-markdown';
import { href, paths } from '../../lib/urls';
import { fetchSiteJson } from '../../lib/site-json';

type Load = { step: 'closed' | 'loading' | 'failed' } | { step: 'shown'; blocks: NoteBlock[] };

/** The explanation of one KSB, from its JSON (`plainEnglish`). Throws when it cannot be read. */
export async function loadExplanation(code: string): Promise<NoteBlock[]> {
  const { plainEnglish } = (await fetchSiteJson(paths.ksbJson(code))) as { plainEnglish?: unknown };
  if (typeof plainEnglish !== 'string' || !plainEnglish) throw new Error('no plainEnglish');
  return readNoteMarkdown(plainEnglish);
}

function Runs({ runs }: { runs: Run[] }) {
  return <>{runs.map((r, i) => (r.strong ? <strong key={i}>{r.text}</strong> : r.em ? <em key={i}>{r.text}</em> : r.text))}</>;
}

function Block({ block }: { block: NoteBlock }) {
  if (block.kind === 'p') {
    return (
      <p>
        <Runs runs={block.runs} />
      </p>
    );
  }
  const List = block.kind;
  return (
    <List>
      {block.items.map((item, i) => (
        <li key={i}>
          <Runs runs={item} />
        </li>
      ))}
    </List>
  );
}

export function KsbExplanation({ code }: { code: string }) {
  const [load, setLoad] = useState<Load>({ step: 'closed' });
  // Read before the next render: a second toggle event must not start a second fetch.
  const busy = useRef(false);
  const onToggle = (e: Event) => {
    if (!(e.currentTarget as HTMLDetailsElement).open || busy.current) return;
    busy.current = true;
    setLoad({ step: 'loading' });
    loadExplanation(code).then(
      (blocks) => setLoad({ step: 'shown', blocks }),
      () => {
        busy.current = false;
        setLoad({ step: 'failed' });
      },
    );
  };
  return (
    <details class="ksb-evidence__explain" onToggle={onToggle} data-explain={load.step}>
      <summary>
        What this means<span class="visually-hidden">{` (${code})`}</span>
      </summary>
      <div class="ksb-evidence__explain-body" aria-live="polite">
        {load.step === 'loading' && <p class="muted">Loading the explanation…</p>}
        {load.step === 'failed' && (
          <p class="notice notice--warning" role="status">
            The explanation of {code} could not be loaded (you may be offline, or the site may have changed). It is on the {code} page.
          </p>
        )}
        {load.step === 'shown' && load.blocks.map((block, i) => <Block key={i} block={block} />)}
        <p>
          <a href={href(paths.ksbNotes(code))}>
            {load.step === 'shown' ? `All of ${code}’s notes: what the assessor looks for, evidence and pitfalls` : `Read what ${code} means on its page`}
          </a>
        </p>
      </div>
    </details>
  );
}
