/**
 * Export everything this site has saved to a file, and import it back after checking it (replace,
 * or merge with what is saved). On /my-data/ it also lists what the site cannot use as it is and the
 * backup copies (SavedCopies), each with a way to act on it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browserBackend } from '../lib/storage/backend';
import { exportGaps } from '../lib/storage/kept';
import { FEATURES } from '../lib/saved-progress';
import { inSentence as lower } from '../lib/format';
import { href, paths } from '../lib/urls';
import { applyImport, appliedNotes, buildExport, exportFileName, previewImport, type ImportMode, type ImportPreview } from '../lib/storage/transfer';
import { fragmentValue, unpackLink } from '../lib/share/link';
import { formatDate } from '../lib/dates';
import { Unlock } from './shared/Unlock';
import { downloadText } from './shared/download';
import { SavedCopies } from './shared/SavedCopies';
import { IMPORTED_EVENT } from './shared/useSavedState';
import { useEarlyInput } from './shared/useEarlyInput';
import './DataTransfer.css';

interface Props {
  /** The full version lists what cannot be used as it is, and the backup copies. */
  full?: boolean;
  headingLevel?: 2 | 3;
}

type State =
  | { step: 'idle' }
  /** `fileName` is undefined for progress that came in a link. */
  | { step: 'preview'; preview: Extract<ImportPreview, { ok: true }>; fileName: string | undefined }
  /** A link locked with a passphrase; `reason` after a wrong one. */
  | { step: 'unlock'; value: string; reason?: string }
  | { step: 'reading' }
  | { step: 'error'; message: string }
  /** `details`: what was left out, one line each; `link`: point to "Your saved data", where copies are. */
  | { step: 'done'; message: string; details?: string[]; link?: boolean };

export default function DataTransfer({ full = false, headingLevel = 2 }: Props) {
  const early = useEarlyInput();
  const [state, setState] = useState<State>({ step: 'idle' });
  const [mounted, setMounted] = useState(false);
  // Bumped after anything that may change what is saved, so the lists below are read again.
  const [changes, setChanges] = useState(0);
  const fileInput = useRef<HTMLInputElement>(null);
  const status = useRef<HTMLDivElement>(null);
  const H = `h${headingLevel}` as const;

  // Storage is only known in the browser; the server-rendered version assumes it works.
  const { storage, persistent } = mounted ? browserBackend() : { storage: undefined, persistent: true };
  useEffect(() => setMounted(true), []);

  const tell = (next: State) => {
    setState(next);
    setChanges((n) => n + 1);
    queueMicrotask(() => status.current?.focus());
  };

  const exportAll = () => {
    // A press held from before hydration is repeated as the island mounts, before `mounted` is set.
    const { storage } = browserBackend();
    const file = buildExport(FEATURES, storage);
    downloadText(exportFileName(), `${JSON.stringify(file, null, 2)}\n`, 'application/json');
    const gaps = exportGaps(FEATURES, storage);
    const what = Object.keys(file.features).length === 0 ? 'an empty file: nothing readable has been saved yet' : 'your progress';
    tell({ step: 'done', message: `Exported ${what}.${gaps.length ? ' Not in the file:' : ''}`, details: gaps });
  };

  const choose = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file || !storage) return;
    const text = await file.text().catch(() => '');
    const preview = previewImport(text, FEATURES, storage);
    input.value = '';
    tell(preview.ok ? { step: 'preview', preview, fileName: file.name } : { step: 'error', message: preview.reason });
  };

  /** Progress that came in a link (/my-data/#move=…): read and previewed like a file, nothing changed yet. */
  const openLink = async (value: string, passphrase?: string) => {
    setState({ step: 'reading' });
    const unpacked = await unpackLink('move', value, passphrase);
    if (!unpacked.ok) {
      if (unpacked.needsPassphrase) tell({ step: 'unlock', value, ...(passphrase ? { reason: unpacked.reason } : {}) });
      else finishLink({ step: 'error', message: unpacked.reason });
      return;
    }
    const preview = previewImport(unpacked.text, FEATURES, browserBackend().storage, 'link');
    if (preview.ok) tell({ step: 'preview', preview, fileName: undefined });
    else finishLink({ step: 'error', message: preview.reason });
  };

  /** Once a link has been dealt with, its progress leaves the address bar (and this tab's history entry). */
  const finishLink = (next: State) => {
    if (fragmentValue(location.hash, 'move') !== undefined) history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    tell(next);
  };

  useEffect(() => {
    if (!full) return;
    const read = () => {
      const value = fragmentValue(location.hash, 'move');
      if (value !== undefined) void openLink(value);
    };
    read();
    window.addEventListener('hashchange', read);
    return () => window.removeEventListener('hashchange', read);
  }, [full]);

  const confirm = (mode: ImportMode) => {
    if (state.step !== 'preview' || !storage) return;
    const result = applyImport(state.preview, FEATURES, storage, { mode });
    if (result.ok) {
      window.dispatchEvent(new Event(IMPORTED_EVENT));
      const what = state.preview.items.map((i) => lower(i.label)).join(' and ');
      const leftOut = state.preview.items.map((i) => i.leftOut).filter(Boolean);
      const message = [`${mode === 'merge' ? 'Merged' : 'Imported'} ${what} from ${state.fileName ?? 'the link'}.`, ...leftOut, appliedNotes(result.applied)];
      finishLink({ step: 'done', message: message.filter(Boolean).join(' '), link: result.applied.some((a) => a.backupKey) });
    } else tell({ step: 'error', message: result.reason });
  };

  return (
    <section ref={early} class="data-transfer" aria-labelledby="data-transfer-heading" data-ready={mounted ? 'true' : undefined}>
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
        <input ref={fileInput} type="file" accept="application/json,.json" class="visually-hidden" tabIndex={-1} aria-label="Progress file to import" onChange={choose} />
      </div>
      <div ref={status} tabIndex={-1} class="data-transfer__status" aria-live="polite">
        {state.step === 'error' && (
          <div class="notice notice--error" role="alert">
            <p class="notice__title">That could not be done</p>
            <p>{state.message}</p>
          </div>
        )}
        {state.step === 'done' && (
          <div class={`notice ${state.details?.length ? 'notice--warning' : 'notice--success'}`} data-done>
            <p>{state.message}</p>
            {state.details?.length ? (
              <ul data-left-out>
                {state.details.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ) : null}
            {!full && (state.link || state.details?.length) ? (
              <p>
                <a href={href(paths.myDataSection(state.details?.length ? 'held' : 'backups'))}>Your saved data</a>
              </p>
            ) : null}
          </div>
        )}
        {state.step === 'preview' && (
          <div class="notice" data-import-preview>
            <p class="notice__title">{state.fileName ? `Import ${state.fileName}?` : 'Bring in the progress from this link?'}</p>
            <p>
              {state.fileName ? 'The file' : 'The link'}
              {state.preview.exportedAt && <> (made on {formatDate(state.preview.exportedAt.slice(0, 10))})</>} holds:
            </p>
            <ul>
              {state.preview.items.map((item) => (
                <li key={item.feature}>
                  <strong>{item.label}</strong>: {item.incoming}. Saved here now: {item.current ?? 'nothing'}.
                  {item.leftOut && <span class="notice__leftout"> {item.leftOut}</span>}
                  {item.mergeTies && (
                    <span class="notice__leftout" data-merge-ties>
                      {' '}
                      Merging keeps what is saved here for {item.mergeTies}, as neither version is newer.
                    </span>
                  )}
                  {item.mergeCut && (
                    <span class="notice__leftout" data-merge-cut>
                      {' '}
                      Merging: {item.mergeCut} would not be kept; a copy of what is saved now is kept first, so you can restore it.
                    </span>
                  )}
                </li>
              ))}
            </ul>
            <p>
              <strong>Merge</strong> adds what only the {state.fileName ? 'file' : 'link'} holds; for an entry both hold, it keeps the one changed later,
              and where neither is newer (report text, dates and answers that carry no time of their own), the one saved here.{' '}
              <strong>Replace</strong> puts the {state.fileName ? 'file’s' : 'link’s'} progress in place of what is saved here. Either way, whatever it
              changes is first kept as a copy that you can put back with Restore on “Your saved data”.
            </p>
            <div class="button-row">
              <button type="button" class="button" onClick={() => confirm('merge')}>
                Merge with what is saved
              </button>
              <button type="button" class="button button--secondary" onClick={() => confirm('replace')}>
                Replace what is saved
              </button>
              <button type="button" class="button button--secondary" onClick={() => (state.fileName ? setState({ step: 'idle' }) : finishLink({ step: 'done', message: 'Nothing was changed.' }))}>
                Cancel
              </button>
            </div>
          </div>
        )}
        {state.step === 'reading' && <p>Reading the link…</p>}
        {state.step === 'unlock' && <Unlock reason={state.reason} onOpen={(passphrase) => void openLink(state.value, passphrase)} onCancel={() => finishLink({ step: 'done', message: 'Nothing was changed.' })} />}
      </div>
      {full && <SavedCopies storage={storage} version={changes} H={H} tell={({ ok, message }) => tell(ok ? { step: 'done', message } : { step: 'error', message })} />}
    </section>
  );
}

