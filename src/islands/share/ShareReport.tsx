/**
 * "Share my progress" on /my-data/: a link to a read-only report of the parts the learner chooses,
 * with or without what they wrote, for a progress review with their tutor and employer. The report
 * is drawn in the reader's browser from the link alone (src/lib/share/snapshot.ts); the learner can
 * open it first to see exactly what the reader will see.
 */
import { useEffect, useState } from 'preact/hooks';
import { inSentence } from '../../lib/format';
import { packLink } from '../../lib/share/link';
import { buildSnapshot, REPORT_PARTS, savedParts } from '../../lib/share/snapshot';
import { browserBackend } from '../../lib/storage/backend';
import { absoluteUrl, href, paths } from '../../lib/urls';
import { TextField } from '../shared/fields';
import { useEarlyInput } from '../shared/useEarlyInput';
import { enterInPassphrase, LinkResult } from './LinkResult';
import './share.css';

type State = { step: 'idle' } | { step: 'making' } | { step: 'made'; link: string; path: string } | { step: 'empty' };

export default function ShareReport() {
  const early = useEarlyInput();
  const [parts, setParts] = useState<string[]>(REPORT_PARTS.map((f) => f.feature));
  const [writing, setWriting] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [state, setState] = useState<State>({ step: 'idle' });
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);

  const toggle = (feature: string, on: boolean) => {
    setParts((now) => (on ? [...now, feature] : now.filter((f) => f !== feature)));
    setState({ step: 'idle' });
  };

  const make = async () => {
    const { storage } = browserBackend();
    if (savedParts(storage, parts).length === 0) return setState({ step: 'empty' });
    const snapshot = buildSnapshot(storage, { parts, writing });
    setState({ step: 'making' });
    const path = paths.progressLink('report', await packLink('report', JSON.stringify(snapshot), passphrase || undefined));
    setState({ step: 'made', path, link: absoluteUrl(path, location.origin) });
  };

  return (
    <section ref={early} class="share-section" id="share" aria-labelledby="share-heading" data-ready={mounted ? 'true' : undefined}>
      <h2 id="share-heading">Share your progress with your tutor or employer</h2>
      <p>
        Make a link to a read-only report of your progress, for a progress review: where you stand by method and theme, your ratings, your quiz
        answers, your evidence log’s coverage, your checklist’s gaps and your planned dates, as of today. It opens in their browser from the link
        alone, never changes anything saved there, and says plainly that it is your own self-assessment.
      </p>
      <div class="share-form" onKeyDown={enterInPassphrase(make)}>
        <fieldset class="field">
          <legend class="field__legend">What to include</legend>
          <div class="choices">
            {REPORT_PARTS.map((f) => (
              <div class="choice" key={f.feature}>
                <input class="choice__input" type="checkbox" id={`share-${f.feature}`} checked={parts.includes(f.feature)} onChange={(e) => toggle(f.feature, (e.currentTarget as HTMLInputElement).checked)} />
                <label class="choice__label" for={`share-${f.feature}`}>
                  Your {inSentence(f.label)}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <div class="choice">
          <input class="choice__input" type="checkbox" id="share-writing" aria-describedby="share-writing-hint" checked={writing} onChange={(e) => (setWriting((e.currentTarget as HTMLInputElement).checked), setState({ step: 'idle' }))} />
          <label class="choice__label" for="share-writing">
            Include what you wrote
          </label>
          <div class="choice__hint" id="share-writing-hint">
            Your notes on KSBs and mock answers, your evidence entries’ titles and stories, and your project’s title and scope. Left out, the report
            shows “(not shared)” in their place and still counts them.
          </div>
        </div>
        <TextField
          id="share-passphrase"
          type="password"
          autoComplete="new-password"
          label="Passphrase (optional)"
          hint="Anyone with the link can read the report. With a passphrase, it opens only for someone you tell it to."
          value={passphrase}
          onInput={setPassphrase}
        />
        <button type="button" class="button" onClick={() => void make()} disabled={state.step === 'making' || parts.length === 0}>
          Make the report link
        </button>
        {parts.length === 0 && <p class="field__hint">Choose at least one part to include.</p>}
      </div>
      <div aria-live="polite">
        {state.step === 'making' && <p>Making the link…</p>}
        {state.step === 'empty' && <p class="notice">Nothing you chose is saved in this browser yet, so there is nothing to report.</p>}
        {state.step === 'made' && (
          <>
            <p data-report-made>
              Your report link is ready.{' '}
              <a href={href(state.path)} target="_blank" rel="noopener">
                Open the report
              </a>{' '}
              (in a new tab) to see exactly what they will see.
            </p>
            <LinkResult id="share" link={state.link} label="Link to your report" scan="Or show this code: a phone’s camera opens the report." />
          </>
        )}
      </div>
    </section>
  );
}
