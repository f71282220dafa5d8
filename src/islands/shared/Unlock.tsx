/** The passphrase for a link locked with one (moving progress on /my-data/, a shared report on /report/). */
import { useState } from 'preact/hooks';
import { TextField } from './fields';

export function Unlock({ reason, onOpen, onCancel }: { reason: string | undefined; onOpen: (passphrase: string) => void; onCancel?: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  return (
    <form
      class="notice"
      data-unlock
      onSubmit={(event) => {
        event.preventDefault();
        onOpen(passphrase);
      }}
    >
      <p class="notice__title">This link is locked with a passphrase</p>
      <TextField id="link-passphrase" type="password" autoComplete="current-password" label="Passphrase" hint="The one chosen when the link was made." value={passphrase} onInput={setPassphrase} error={reason} />
      <div class="button-row">
        <button type="submit" class="button">
          Open the link
        </button>
        {onCancel && (
          <button type="button" class="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
