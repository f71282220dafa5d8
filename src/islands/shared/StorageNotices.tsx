/**
 * The notices every saving island shows when storage misbehaves (src/lib/storage/notices.ts):
 * blocked storage, entries set aside, a damaged value kept as a backup or held in place, data from
 * a newer version, a save that failed. Each says what happened and what the learner can do.
 */
import { useState } from 'preact/hooks';
import { href, paths } from '../../lib/urls';
import type { SavedState } from './useSavedState';
import { downloadText } from './download';
import { PAGE_WIDE, useNoticeClaims } from './notice-claims';

type Source = Pick<SavedState<unknown>, 'feature' | 'problems' | 'dismiss' | 'discardHeld'>;

interface Props {
  /** The saved states whose problems to show (one per feature the island saves). */
  states: Source[];
  /** Features the island only reads: their notices show here unless another island on the page shows them. */
  reads?: Source[];
}

export function StorageNotices({ states, reads = [] }: Props) {
  const [confirming, setConfirming] = useState<string>();
  const shows = useNoticeClaims([
    ...states.map((s) => ({ feature: s.feature, writes: true })),
    ...reads.map((s) => ({ feature: s.feature, writes: false })),
    { feature: PAGE_WIDE, writes: states.length > 0 },
  ]);
  const all = [...states, ...reads].filter((state) => shows(state.feature)).flatMap((state) => state.problems.filter((p) => !p.pageWide).map((problem) => ({ problem, state })));
  // A notice about the whole page (nothing can be saved) is the same for every feature: shown once, by one island.
  const pageWide = shows(PAGE_WIDE) ? [...states, ...reads].flatMap((state) => state.problems.filter((p) => p.pageWide).map((problem) => ({ problem, state })))[0] : undefined;
  if (pageWide) all.unshift(pageWide);
  if (all.length === 0) return null;
  return (
    <div class="notices">
      {all.map(({ problem, state }) => (
        <div class="notice notice--warning" role="alert" key={`${problem.feature}:${problem.kind}`} data-notice={problem.kind} data-feature={problem.feature}>
          <h2 class="notice__title">{problem.title}</h2>
          <p>{problem.message}</p>
          <div class="button-row">
            {problem.raw !== undefined && (
              <button type="button" class="button button--secondary" onClick={() => downloadText(`st1398-damaged-${problem.feature}.txt`, problem.raw ?? '')}>
                Download the damaged data
              </button>
            )}
            {problem.kind === 'held' && confirming !== problem.feature && (
              <button type="button" class="button button--secondary" onClick={() => setConfirming(problem.feature)}>
                Discard it and start saving again
              </button>
            )}
            {problem.kind === 'held' && confirming === problem.feature && (
              <>
                <button type="button" class="button button--warning" onClick={state.discardHeld}>
                  Yes, discard the damaged copy
                </button>
                <button type="button" class="button button--secondary" onClick={() => setConfirming(undefined)}>
                  Keep it
                </button>
              </>
            )}
            {problem.backupKey && (
              <a class="button button--secondary" href={href(paths.myDataSection('backups'))}>
                Restore or download it
              </a>
            )}
            {problem.kind !== 'unavailable' && problem.kind !== 'held' && problem.kind !== 'newer' && (
              <button type="button" class="button button--secondary" onClick={() => state.dismiss(problem.kind)}>
                Dismiss
              </button>
            )}
          </div>
        </div>
      ))}
    </div>
  );
}
