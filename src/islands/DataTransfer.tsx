/**
 * Export everything this site has saved to a file, and import it back after checking it.
 * Used at the foot of every page that saves progress and on /my-data/.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browserBackend } from '../lib/storage/backend';
import { FEATURES } from '../lib/saved-progress';
import { applyImport, buildExport, exportFileName, listBackups, previewImport, type ImportPreview } from '../lib/storage/transfer';
import { downloadText } from './shared/download';
import { IMPORTED_EVENT } from './shared/useSavedState';
import './DataTransfer.css';

interface Props {
  /** The full version lists backups of damaged data too. */
  full?: boolean;
  headingLevel?: 2 | 3;
}

type State =
  | { step: 'idle' }
  | { step: 'preview'; preview: Extract<ImportPreview, { ok: true }>; fileName: string }
  | { step: 'error'; message: string }
  | { step: 'done'; message: string };

export default function DataTransfer({ full = false, headingLevel = 2 }: Props) {
  const [state, setState] = useState<State>({ step: 'idle' });
  const [mounted, setMounted] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const status = useRef<HTMLDivElement>(null);
  const H = `h${headingLevel}` as const;
  useEffect(() => setMounted(true), []);

  // Storage is only known in the browser; the server-rendered version assumes it works.
  const { storage, persistent } = mounted ? browserBackend() : { storage: undefined, persistent: true };

  const exportAll = () => {
    if (!storage) return;
    const file = buildExport(FEATURES, storage);
    downloadText(exportFileName(), `${JSON.stringify(file, null, 2)}\n`, 'application/json');
    setState({ step: 'done', message: `Exported ${Object.keys(file.features).length === 0 ? 'an empty file: nothing has been saved yet' : 'your progress'}.` });
  };

  const choose = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file || !storage) return;
    const text = await file.text().catch(() => '');
    const preview = previewImport(text, FEATURES, storage);
    setState(preview.ok ? { step: 'preview', preview, fileName: file.name } : { step: 'error', message: preview.reason });
    input.value = '';
    queueMicrotask(() => status.current?.focus());
  };

  const confirm = () => {
    if (state.step !== 'preview' || !storage) return;
    const result = applyImport(state.preview, FEATURES, storage);
    if (result.ok) {
      window.dispatchEvent(new Event(IMPORTED_EVENT));
      setState({ step: 'done', message: `Imported ${state.preview.items.map((i) => i.label.toLowerCase()).join(' and ')} from ${state.fileName}.` });
    } else setState({ step: 'error', message: result.reason });
    queueMicrotask(() => status.current?.focus());
  };

  const backups = full && storage ? listBackups(storage) : [];

  return (
    <section class="data-transfer" aria-labelledby="data-transfer-heading" data-ready={mounted ? 'true' : undefined}>
      <H id="data-transfer-heading">Your saved progress</H>
      <p>
        {persistent
          ? 'Your progress is saved in this browser only. Export it to keep a copy or move it to another device, and import it back here.'
          : 'This browser is not letting the site save anything, so there is nothing to export and an import would last only until you close the page.'}
      </p>
      <div class="button-row">
        <button type="button" class="button button--secondary" onClick={exportAll}>
          Export my progress
        </button>
        <button type="button" class="button button--secondary" onClick={() => fileInput.current?.click()}>
          Import progress from a file
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          class="visually-hidden"
          tabIndex={-1}
          aria-label="Progress file to import"
          onChange={choose}
        />
      </div>
      <div ref={status} tabIndex={-1} class="data-transfer__status" aria-live="polite">
        {state.step === 'error' && (
          <div class="notice notice--error" role="alert">
            <p class="notice__title">That file cannot be imported</p>
            <p>{state.message}</p>
          </div>
        )}
        {state.step === 'done' && <p class="notice notice--success">{state.message}</p>}
        {state.step === 'preview' && (
          <div class="notice">
            <p class="notice__title">Import {state.fileName}?</p>
            <p>This will replace what is saved in this browser:</p>
            <ul>
              {state.preview.items.map((item) => (
                <li key={item.feature}>
                  <strong>{item.label}</strong>: {item.incoming}
                  {item.replaces ? ` (replacing ${item.replaces})` : ' (nothing saved now)'}
                </li>
              ))}
            </ul>
            <div class="button-row">
              <button type="button" class="button" onClick={confirm}>
                Import and replace
              </button>
              <button type="button" class="button button--secondary" onClick={() => setState({ step: 'idle' })}>
                Cancel
              </button>
            </div>
          </div>
        )}
      </div>
      {backups.length > 0 && (
        <div class="data-transfer__backups">
          <H>Copies of damaged data</H>
          <p>When saved progress could not be read, the site kept a copy here. Download it to send to someone who can help, or to keep.</p>
          <ul>
            {backups.map((b) => (
              <li key={b.key}>
                {b.feature}, kept {new Date(b.when).toLocaleString('en-GB')}{' '}
                <button type="button" class="button button--small button--secondary" onClick={() => downloadText(`st1398-damaged-${b.feature}.txt`, storage?.getItem(b.key) ?? '')}>
                  Download
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
