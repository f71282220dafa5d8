/**
 * "Your examples" on a KSB's page: the entries of the evidence log that show it, or "No evidence
 * logged yet" with a link that starts an entry for it.
 */
import { entriesFor, evidenceFeature } from '../../lib/evidence/log';
import { plural, pluralWord } from '../../lib/format';
import { ReadingNote } from '../shared/ReadingNote';
import { StorageNotices } from '../shared/StorageNotices';
import { useSavedState } from '../shared/useSavedState';
import { evidenceHref, ExampleItem } from './ExampleItem';
import './examples.css';

export default function KsbExamples({ code }: { code: string }) {
  const saved = useSavedState(evidenceFeature);
  const entries = entriesFor(saved.data, code);
  // Until the log is read, claim nothing: "no evidence" before reading it would claim more than is
  // known. Say it is being read, in about the space the answer takes, so what follows does not jump
  // when it arrives (with JavaScript off the page says the log needs it, and this line is hidden).
  if (!saved.ready) {
    return (
      <div class="examples" aria-busy="true" data-examples-for={code}>
        <ReadingNote what="evidence log" class="examples__reading" />
      </div>
    );
  }
  return (
    <div class="examples" data-ready={saved.ready ? 'true' : undefined} data-examples-for={code} data-count={entries.length}>
      <StorageNotices states={[]} reads={[saved]} />
      {entries.length === 0 ? (
        <p class="examples__none">
          <strong>No evidence logged yet.</strong> <a href={evidenceHref(code)}>Add a work example for {code}</a> to your evidence log.
        </p>
      ) : (
        <>
          <p>
            {plural(entries.length, 'entry', 'entries')} in <a href={evidenceHref()}>your evidence log</a> {pluralWord(entries.length, 'shows', 'show')} {code}:
          </p>
          <ul class="examples__list">
            {entries.map((e) => (
              <ExampleItem key={e.id} entry={e} />
            ))}
          </ul>
          <p>
            <a href={evidenceHref(code)}>Add another example for {code}</a>
          </p>
        </>
      )}
    </div>
  );
}
