/**
 * Export everything this site has saved to a file, and import it back after checking it (replace,
 * or merge with what is saved). On /my-data/ it also lists the backups of damaged data, each of
 * which can be restored in one action, downloaded or deleted.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browserBackend } from '../lib/storage/backend';
import { backupFile, deleteBackup, listBackups, restoreBackup, type Backup } from '../lib/storage/backups';
import { FEATURES } from '../lib/saved-progress';
import { inSentence as lower } from '../lib/format';
import { applyImport, appliedNotes, buildExport, exportFileName, previewImport, type ImportMode, type ImportPreview } from '../lib/storage/transfer';
import { downloadText } from './shared/download';
import { IMPORTED_EVENT } from './shared/useSavedState';
import { useEarlyInput } from './shared/useEarlyInput';
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

const labelOf = (feature: string) => FEATURES.find((f) => f.feature === feature)?.label ?? feature;

export default function DataTransfer({ full = false, headingLevel = 2 }: Props) {
  const early = useEarlyInput();
  const [state, setState] = useState<State>({ step: 'idle' });
  const [mounted, setMounted] = useState(false);
  const [backups, setBackups] = useState<Backup[]>([]);
  const [confirmDelete, setConfirmDelete] = useState<string>();
  const fileInput = useRef<HTMLInputElement>(null);
  const status = useRef<HTMLDivElement>(null);
  const H = `h${headingLevel}` as const;

  // Storage is only known in the browser; the server-rendered version assumes it works.
  const { storage, persistent } = mounted ? browserBackend() : { storage: undefined, persistent: true };
  const refreshBackups = () => setBackups(full ? listBackups(browserBackend().storage) : []);
  useEffect(() => {
    setMounted(true);
    refreshBackups();
  }, []);

  const tell = (next: State) => {
    setState(next);
    queueMicrotask(() => status.current?.focus());
  };

  const exportAll = () => {
    if (!storage) return;
    const file = buildExport(FEATURES, storage);
    downloadText(exportFileName(), `${JSON.stringify(file, null, 2)}\n`, 'application/json');
    tell({ step: 'done', message: `Exported ${Object.keys(file.features).length === 0 ? 'an empty file: nothing has been saved yet' : 'your progress'}.` });
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

  const confirm = (mode: ImportMode) => {
    if (state.step !== 'preview' || !storage) return;
    const result = applyImport(state.preview, FEATURES, storage, { mode });
    if (result.ok) {
      window.dispatchEvent(new Event(IMPORTED_EVENT));
      const what = state.preview.items.map((i) => lower(i.label)).join(' and ');
      const leftOut = state.preview.items.map((i) => i.leftOut).filter(Boolean);
      const message = [`${mode === 'merge' ? 'Merged' : 'Imported'} ${what} from ${state.fileName}.`, ...leftOut, appliedNotes(result.applied)];
      tell({ step: 'done', message: message.filter(Boolean).join(' ') });
    } else tell({ step: 'error', message: result.reason });
  };

  const restore = (backup: Backup) => {
    if (!storage) return;
    const result = restoreBackup(storage, backup, FEATURES);
    if (result.ok) {
      window.dispatchEvent(new Event(IMPORTED_EVENT));
      const item = result.preview.items[0];
      tell({
        step: 'done',
        message: `Restored what could be read from the copy of your ${lower(labelOf(backup.feature))}${item?.incoming ? ` (${item.incoming})` : ''}, merged with what is saved now.${item?.leftOut ? ` ${item.leftOut}` : ''} ${appliedNotes(result.applied)} The copy you restored is still kept below.`.replace(/ {2,}/g, ' '),
      });
    } else tell({ step: 'error', message: result.reason });
  };

  const download = (backup: Backup) => {
    const file = storage && backupFile(storage, backup, FEATURES);
    if (file) downloadText(file.name, file.text, file.type);
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
        {state.step === 'done' && <p class="notice notice--success">{state.message}</p>}
        {state.step === 'preview' && (
          <div class="notice" data-import-preview>
            <p class="notice__title">Import {state.fileName}?</p>
            <p>The file holds:</p>
            <ul>
              {state.preview.items.map((item) => (
                <li key={item.feature}>
                  <strong>{item.label}</strong>: {item.incoming}. Saved here now: {item.current ?? 'nothing'}.
                  {item.leftOut && <span class="notice__leftout"> {item.leftOut}</span>}
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
              <strong>Merge</strong> keeps everything from both (for an answer saved in both, the newer one). <strong>Replace</strong> puts the
              file’s progress in place of what is saved here, after keeping a copy of it that you can restore from “Your saved data”.
            </p>
            <div class="button-row">
              <button type="button" class="button" onClick={() => confirm('merge')}>
                Merge with what is saved
              </button>
              <button type="button" class="button button--secondary" onClick={() => confirm('replace')}>
                Replace what is saved
              </button>
              <button type="button" class="button button--secondary" onClick={() => setState({ step: 'idle' })}>
                Cancel
              </button>
            </div>
          </div>
        )}
      </div>
      {full && (
        <div class="data-transfer__backups" id="backups">
          <H>Copies of your saved progress</H>
          {backups.length === 0 ? (
            <p>None. The site keeps a copy here before it sets aside anything it cannot read, and before an import or a restore replaces or leaves out anything you had saved.</p>
          ) : (
            <>
              <p>
                Restore brings back everything in a copy that can be read, merged with what is saved now (nothing is deleted). Download keeps the
                copy as a file you can import later or send to someone who can help.
              </p>
              <ul class="backup-list">
                {backups.map((b) => (
                  <li key={b.key} data-backup={b.key}>
                    <strong>{labelOf(b.feature)}</strong>, kept {new Date(b.when).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}
                    <div class="button-row">
                      <button type="button" class="button button--small" onClick={() => restore(b)}>
                        Restore<span class="visually-hidden"> the copy of your {lower(labelOf(b.feature))}</span>
                      </button>
                      <button type="button" class="button button--small button--secondary" onClick={() => download(b)}>
                        Download<span class="visually-hidden"> the copy of your {lower(labelOf(b.feature))}</span>
                      </button>
                      {confirmDelete === b.key ? (
                        <>
                          <button
                            type="button"
                            class="button button--small button--warning"
                            onClick={() => {
                              if (storage) deleteBackup(storage, b);
                              setConfirmDelete(undefined);
                              refreshBackups();
                            }}
                          >
                            Yes, delete this copy
                          </button>
                          <button type="button" class="button button--small button--secondary" onClick={() => setConfirmDelete(undefined)}>
                            Keep it
                          </button>
                        </>
                      ) : (
                        <button type="button" class="button button--small button--secondary" onClick={() => setConfirmDelete(b.key)}>
                          Delete<span class="visually-hidden"> the copy of your {lower(labelOf(b.feature))}</span>
                        </button>
                      )}
                    </div>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
