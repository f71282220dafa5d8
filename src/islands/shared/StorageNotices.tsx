/**
 * The notices every saving island shows when storage misbehaves: blocked storage, a damaged value
 * that was recovered (with a download of the damaged data), and a save that failed.
 */
import type { StorageProblem } from './useSavedState';
import { downloadText } from './download';

interface Props {
  problems: StorageProblem[];
  onDismiss: (kind: StorageProblem['kind']) => void;
}

const TITLES: Record<StorageProblem['kind'], string> = {
  unavailable: 'Your progress will not be saved',
  recovered: 'Your saved progress could not be read',
  'save-failed': 'Your last change was not saved',
};

export function StorageNotices({ problems, onDismiss }: Props) {
  if (problems.length === 0) return null;
  return (
    <div class="notices">
      {problems.map((problem) => (
        <div class="notice notice--warning" role="alert" key={problem.kind} data-notice={problem.kind}>
          <h2 class="notice__title">{TITLES[problem.kind]}</h2>
          <p>{problem.message}</p>
          <div class="button-row">
            {problem.raw !== undefined && (
              <button
                type="button"
                class="button button--secondary"
                onClick={() => downloadText(`st1398-damaged-${problem.feature}.txt`, problem.raw ?? '')}
              >
                Download the damaged data
              </button>
            )}
            {problem.kind !== 'unavailable' && (
              <button type="button" class="button button--secondary" onClick={() => onDismiss(problem.kind)}>
                Dismiss
              </button>
            )}
          </div>
        </div>
      ))}
    </div>
  );
}
