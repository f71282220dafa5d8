/**
 * "What this means": a KSB's plain-English explanation (its revision note's first section), opened
 * in place on the checklist. It is fetched from the KSB's JSON only when first opened, so the page
 * does not carry 70 notes; the service worker keeps that JSON offline. Without JavaScript, or when
 * the fetch fails, the disclosure holds a link to the notes on the KSB's own page.
 *
 * The disclosure is part of the page as built (KsbExplanation, rendered with the page); the KSB
 * step's island calls `showExplanation` when it is opened, which draws the body in place.
 */
import { render } from 'preact';
import { readNoteMarkdown, type NoteBlock, type Run } from '../../lib/note-markdown';
import { href, paths } from '../../lib/urls';
import { fetchSiteJson } from '../../lib/site-json';
import { KSB_STEP } from './ksb-step';

type Load = { step: 'closed' | 'loading' | 'failed' } | { step: 'shown'; blocks: NoteBlock[] };
type Step = Load['step'];

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

/** What the disclosure holds at each step (as built: only the link to the notes). */
function ExplanationBody({ code, load }: { code: string; load: Load }) {
  return (
    <>
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
    </>
  );
}

const BODY_CLASS = 'ksb-evidence__explain-body';

/** The disclosure as the page is built: closed, with the link to the KSB's notes. */
export function KsbExplanation({ code }: { code: string }) {
  return (
    <details class={KSB_STEP.explain} data-explain={'closed' satisfies Step}>
      <summary>
        What this means<span class="visually-hidden">{` (${code})`}</span>
      </summary>
      <div class={BODY_CLASS} aria-live="polite">
        <ExplanationBody code={code} load={{ step: 'closed' }} />
      </div>
    </details>
  );
}

/**
 * Opened: fetches the explanation the first time (and again after a failure, not while one is on
 * its way or once shown) and draws each step in the disclosure's body.
 */
export function showExplanation(details: HTMLElement, code: string): void {
  const body = details.querySelector<HTMLElement>(`.${BODY_CLASS}`);
  const step = details.getAttribute('data-explain') as Step | null;
  if (!body || step === 'loading' || step === 'shown') return;
  const draw = (load: Load) => {
    details.setAttribute('data-explain', load.step);
    render(<ExplanationBody code={code} load={load} />, body);
  };
  draw({ step: 'loading' });
  loadExplanation(code).then(
    (blocks) => draw({ step: 'shown', blocks }),
    () => draw({ step: 'failed' }),
  );
}
