/**
 * "Move to another device" on /my-data/: everything saved here in one link (and a QR code when it
 * is short enough), optionally locked with a passphrase. Opening the link on the other device
 * shows what it holds and asks before anything changes (DataTransfer reads it there).
 */
import { useEffect, useState } from 'preact/hooks';
import { FEATURES } from '../../lib/saved-progress';
import { packLink } from '../../lib/share/link';
import { browserBackend } from '../../lib/storage/backend';
import { buildExport } from '../../lib/storage/transfer';
import { absoluteUrl, paths } from '../../lib/urls';
import { TextField } from '../shared/fields';
import { useEarlyInput } from '../shared/useEarlyInput';
import { enterInPassphrase, LinkResult } from './LinkResult';
import './share.css';

type State = { step: 'idle' } | { step: 'making' } | { step: 'made'; link: string; locked: boolean } | { step: 'empty' };

export default function MoveToDevice() {
  const early = useEarlyInput();
  const [passphrase, setPassphrase] = useState('');
  const [state, setState] = useState<State>({ step: 'idle' });
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);

  const make = async () => {
    const file = buildExport(FEATURES, browserBackend().storage);
    if (Object.keys(file.features).length === 0) return setState({ step: 'empty' });
    setState({ step: 'making' });
    const value = await packLink('move', JSON.stringify(file), passphrase || undefined);
    setState({ step: 'made', link: absoluteUrl(paths.progressLink('move', value), location.origin), locked: Boolean(passphrase) });
  };

  return (
    <section ref={early} class="share-section" id="move" aria-labelledby="move-heading" data-ready={mounted ? 'true' : undefined}>
      <h2 id="move-heading">Move to another device</h2>
      <p>
        Make a link that holds everything saved here. Open it on your other phone or computer: it shows what the link holds and what that device
        has, and changes nothing until you choose to merge or replace. The progress travels inside the link, after the “#”, which browsers never
        send to any website, this one included.
      </p>
      <div class="share-form" onKeyDown={enterInPassphrase(make)}>
        <TextField
          id="move-passphrase"
          type="password"
          autoComplete="new-password"
          label="Passphrase (optional)"
          hint="Anyone with the link can read your progress. With a passphrase, the link is encrypted and useless without it: you type it on the other device."
          value={passphrase}
          onInput={setPassphrase}
        />
        <button type="button" class="button" onClick={() => void make()} disabled={state.step === 'making'}>
          {state.step === 'made' ? 'Make a new link' : 'Make a link'}
        </button>
      </div>
      <div aria-live="polite">
        {state.step === 'making' && <p>Making the link…</p>}
        {state.step === 'empty' && <p class="notice">Nothing readable is saved in this browser yet, so there is nothing to move.</p>}
        {state.step === 'made' && (
          <>
            <p data-move-made>{state.locked ? 'Your link is ready, locked with your passphrase.' : 'Your link is ready. Keep it private: it holds your progress.'}</p>
            <LinkResult id="move" link={state.link} label="Link to your progress" scan="Scan it with the other device’s camera." />
          </>
        )}
      </div>
    </section>
  );
}
