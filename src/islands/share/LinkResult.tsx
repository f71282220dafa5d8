/**
 * A link made on this device: the link itself (to copy, or hand to the system's share sheet), its
 * length, and a QR code when it is short enough for a phone to read from the screen, or why not.
 */
import { useRef, useState } from 'preact/hooks';
import { qrFor } from '../../lib/share/qr';
import { formatNumber } from '../../lib/format';

/**
 * The forms that make a link are not <form>s (without JavaScript, submitting one would put the
 * passphrase in the page's address), so Enter in the passphrase field is handled here.
 */
export const enterInPassphrase = (make: () => Promise<unknown>) => (event: KeyboardEvent) => {
  const target = event.target as HTMLInputElement;
  if (event.key === 'Enter' && target.tagName === 'INPUT' && target.type === 'password') void make();
};

export function LinkResult({ id, link, label, scan }: { id: string; link: string; label: string; scan: string }) {
  const field = useRef<HTMLTextAreaElement>(null);
  const [said, setSaid] = useState('');
  const qr = qrFor(link);
  const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function';

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setSaid('Link copied.');
    } catch {
      // Some browsers refuse the clipboard to a page: select the link so the learner can copy it.
      field.current?.focus();
      field.current?.select();
      setSaid('Your browser did not let the page copy it: the link is selected, so press Ctrl+C (or ⌘C) to copy it.');
    }
  };

  return (
    <div class="link-result" data-link-result={id}>
      <div class="field">
        <label class="field__label" for={`${id}-link`}>
          {label}
        </label>
        <p class="field__hint" id={`${id}-length`}>
          {formatNumber(link.length)} characters.
        </p>
        <textarea ref={field} id={`${id}-link`} class="textarea link-result__link" rows={3} readOnly value={link} aria-describedby={`${id}-length`} spellcheck={false} />
      </div>
      <div class="button-row">
        <button type="button" class="button" onClick={copy}>
          Copy the link
        </button>
        {canShare && (
          <button type="button" class="button button--secondary" onClick={() => navigator.share({ url: link }).catch(() => {})}>
            Share…
          </button>
        )}
      </div>
      <p aria-live="polite" class="link-result__said">
        {said}
      </p>
      {qr.ok ? (
        <figure class="link-result__qr">
          <svg viewBox={`-4 -4 ${qr.modules + 8} ${qr.modules + 8}`} role="img" aria-label="QR code of the link" shape-rendering="crispEdges" data-qr-modules={qr.modules}>
            <rect x={-4} y={-4} width={qr.modules + 8} height={qr.modules + 8} fill="#fff" />
            <path d={qr.path} fill="#000" />
          </svg>
          <figcaption>{scan}</figcaption>
        </figure>
      ) : (
        <p class="notice" data-qr-refused>
          {qr.reason}
        </p>
      )}
    </div>
  );
}
