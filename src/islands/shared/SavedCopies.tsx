/**
 * On /my-data/: every saved value this site cannot use as it is (held, not yet looked at, or saved
 * by a newer version), each with Download and Discard, and every backup copy, each with Restore,
 * Download and Delete. Storage notices on other pages link here (paths.myDataSection).
 */
import { useEffect, useState } from 'preact/hooks';
import { backupFile, deleteBackup, listBackups, restoreBackup, restoredMessage, type Backup } from '../../lib/storage/backups';
import { discardKept, keptValueFile, keptValues, type KeptValue } from '../../lib/storage/kept';
import type { KeyValueStorage } from '../../lib/storage/backend';
import { FEATURES } from '../../lib/saved-progress';
import { formatDateTime } from '../../lib/dates';
import { inSentence as lower } from '../../lib/format';
import { downloadText } from './download';
import { HeldUntilRead } from './ReadingNote';
import { IMPORTED_EVENT } from './useSavedState';

interface Props {
  storage: KeyValueStorage | undefined;
  /** Changes whenever what is saved may have changed (after an import), so the lists are read again. */
  version: number;
  H: 'h2' | 'h3';
  tell: (outcome: { ok: boolean; message: string }) => void;
}

const labelOf = (feature: string) => FEATURES.find((f) => f.feature === feature)?.label ?? feature;

const STATE: Record<KeptValue['kind'], (k: KeptValue) => string> = {
  newer: () => 'Saved by a newer version of the site: reload the page to use it. Nothing here will be saved over it.',
  unreadable: (k) => `It could not be read (${k.reason}).${k.backedUp ? ' A copy is kept below.' : ' No copy of it could be kept, so nothing will be saved over it until you download or discard it.'}`,
  'set-aside': (k) => `${k.reason}${k.backedUp ? ' A copy is kept below.' : ' Until you download or discard it, nothing will be saved over it; or open its page, which keeps a copy and the entries that can be read.'}`,
};

export function SavedCopies({ storage, version, H, tell }: Props) {
  // Undefined until read: "None" before then would claim what no one has checked.
  const [kept, setKept] = useState<KeptValue[]>();
  const [backups, setBackups] = useState<Backup[]>();
  const [confirming, setConfirming] = useState<string>();
  const refresh = () => {
    if (!storage) return;
    setKept(keptValues(FEATURES, storage));
    setBackups(listBackups(storage));
  };
  useEffect(refresh, [storage, version]);

  const changed = (outcome: { ok: boolean; message: string }) => {
    if (outcome.ok) window.dispatchEvent(new Event(IMPORTED_EVENT));
    setConfirming(undefined);
    refresh();
    tell(outcome);
  };
  const save = (file: { name: string; text: string; type: string } | undefined) => file && downloadText(file.name, file.text, file.type);
  const restore = (backup: Backup) => {
    if (!storage) return;
    const result = restoreBackup(storage, backup, FEATURES);
    if (!result.ok) return changed({ ok: false, message: result.reason });
    changed({ ok: true, message: restoredMessage(labelOf(backup.feature), result) });
  };
  const confirmRow = (yes: string, onYes: () => void) => (
    <>
      <button type="button" class="button button--small button--warning" onClick={onYes}>
        {yes}
      </button>
      <button type="button" class="button button--small button--secondary" onClick={() => setConfirming(undefined)}>
        Keep it
      </button>
    </>
  );
  const hidden = (feature: string, what: string) => <span class="visually-hidden"> {what} {lower(labelOf(feature))}</span>;

  return (
    <>
      <div class="data-transfer__kept" id="held">
        <H>Saved progress this site cannot use as it is</H>
        {/* Until read, "None" is held in place (hidden), so what follows does not move when the list comes. */}
        {kept === undefined || kept.length === 0 ? (
          <HeldUntilRead ready={kept !== undefined} what="saved progress">
            <p>None: everything saved in this browser can be read.</p>
          </HeldUntilRead>
        ) : (
          <ul class="backup-list">
            {kept.map((k) => (
              <li key={k.feature} data-kept={k.feature} data-kind={k.kind}>
                <strong>{k.label}</strong>: {STATE[k.kind](k)}
                <div class="button-row">
                  <button type="button" class="button button--small button--secondary" onClick={() => storage && save(keptValueFile(FEATURES, storage, k.feature))}>
                    Download{hidden(k.feature, 'your saved')}
                  </button>
                  {k.kind !== 'newer' &&
                    (confirming === `kept:${k.feature}` ? (
                      confirmRow(k.kind === 'set-aside' ? 'Yes, discard what cannot be read' : 'Yes, discard it', () => storage && changed(discardKept(FEATURES, storage, k.feature)))
                    ) : (
                      <button type="button" class="button button--small button--secondary" onClick={() => setConfirming(`kept:${k.feature}`)}>
                        Discard{hidden(k.feature, 'what cannot be read in your saved')}
                      </button>
                    ))}
                </div>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div class="data-transfer__backups" id="backups">
        <H>Copies of your saved progress</H>
        {backups === undefined || backups.length === 0 ? (
          <HeldUntilRead ready={backups !== undefined} what="saved copies">
            <p>None. The site keeps a copy here before it sets aside anything it cannot read, before an import or a restore replaces or leaves out anything you had saved, and before a change leaves out something you entered (your oldest practice session when you start a 51st, or another tab’s version of an evidence entry you saved over).</p>
          </HeldUntilRead>
        ) : (
          <>
            <p>
              Restore puts a copy back in place of what is saved now (what cannot be read in it stays in the copy). What is saved now is kept
              here as a copy first, so you can undo a restore by restoring that copy. Download keeps a copy as a file you can import later or send to
              someone who can help.
            </p>
            <ul class="backup-list">
              {backups.map((b) => (
                <li key={b.key} data-backup={b.key}>
                  <strong>{labelOf(b.feature)}</strong>, kept {formatDateTime(new Date(b.when))}
                  <div class="button-row">
                    <button type="button" class="button button--small" onClick={() => restore(b)}>
                      Restore{hidden(b.feature, 'the copy of your')}
                    </button>
                    <button type="button" class="button button--small button--secondary" onClick={() => storage && save(backupFile(storage, b, FEATURES))}>
                      Download{hidden(b.feature, 'the copy of your')}
                    </button>
                    {confirming === b.key ? (
                      confirmRow('Yes, delete this copy', () => {
                        if (storage) deleteBackup(storage, b);
                        setConfirming(undefined);
                        refresh();
                      })
                    ) : (
                      <button type="button" class="button button--small button--secondary" onClick={() => setConfirming(b.key)}>
                        Delete{hidden(b.feature, 'the copy of your')}
                      </button>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </>
  );
}
