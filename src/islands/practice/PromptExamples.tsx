/**
 * Beside a mock-assessment question: the learner's own logged work examples of the criterion's KSBs
 * (the evidence log), folded away, to rehearse an answer from real work as the assessor will ask.
 */
import { dateText } from '../../lib/evidence/export';
import { byDateDesc, entriesFor, evidenceFeature, type EvidenceEntry } from '../../lib/evidence/log';
import { href, paths } from '../../lib/urls';
import { StorageNotices } from '../shared/StorageNotices';
import { useSavedState } from '../shared/useSavedState';

export function PromptExamples({ ksbs }: { ksbs: readonly string[] }) {
  const log = useSavedState(evidenceFeature);
  // Until the log is read, nothing: an empty list then would claim there are no examples.
  if (!log.ready) return null;
  const byId = new Map<string, EvidenceEntry>();
  for (const code of ksbs) for (const entry of entriesFor(log.data, code)) byId.set(entry.id, entry);
  const entries = [...byId.values()].sort(byDateDesc);
  return (
    <details class="practice-examples" data-prompt-examples={ksbs.join(' ')} data-count={entries.length}>
      <summary>Your examples of {ksbs.join(', ')} ({entries.length})</summary>
      <StorageNotices states={[]} reads={[log]} />
      {entries.length === 0 ? (
        <p>
          No entry in your <a href={href(paths.evidence)}>evidence log</a> shows {ksbs.join(' or ')} yet.{' '}
          <a href={href(paths.evidenceFor(ksbs[0]!))}>Log an example</a>, then practise answering from it.
        </p>
      ) : (
        <ul>
          {entries.map((entry) => (
            <li key={entry.id}>
              <strong>{entry.title}</strong> ({dateText(entry)}){entry.action && `: ${entry.action}`}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
