/**
 * "Your examples" on an AM2 theme's page: for each pass and distinction criterion, the entries of
 * the evidence log that show its KSBs, so one strong example can be rehearsed per criterion; and
 * the theme's KSBs with no example yet.
 */
import { compareKsbCodes } from '../../lib/standard';
import { entriesFor, evidenceFeature, type EvidenceEntry } from '../../lib/evidence/log';
import { plural } from '../../lib/format';
import { ReadingNote } from '../shared/ReadingNote';
import { StorageNotices } from '../shared/StorageNotices';
import { useSavedState } from '../shared/useSavedState';
import { evidenceHref } from './ExampleItem';
import './examples.css';

interface Criterion {
  id: string;
  grade: 'pass' | 'distinction';
  text: string;
  ksbs: string[];
}

export default function ThemeExamples({ ksbs, criteria }: { ksbs: string[]; criteria: Criterion[] }) {
  const saved = useSavedState(evidenceFeature);
  // Until the log is read, claim nothing: "no evidence" before reading it would claim more than is
  // known. Say it is being read, holding about the space of the answer (hidden with JavaScript off,
  // where the page says the log needs JavaScript).
  if (!saved.ready) {
    return (
      <div class="examples" aria-busy="true">
        <ReadingNote what="evidence log" class="examples__reading" />
      </div>
    );
  }
  const byKsb = new Map(ksbs.map((code) => [code, entriesFor(saved.data, code)]));
  const missing = ksbs.filter((c) => byKsb.get(c)!.length === 0).sort(compareKsbCodes);
  const all = new Map<string, EvidenceEntry>();
  for (const list of byKsb.values()) for (const e of list) all.set(e.id, e);
  return (
    <div class="examples" data-ready={saved.ready ? 'true' : undefined} data-count={all.size}>
      <StorageNotices states={[]} reads={[saved]} />
      <p>
        {all.size === 0 ? (
          <>No entry in <a href={evidenceHref()}>your evidence log</a> shows this theme’s KSBs yet.</>
        ) : (
          <>
            {plural(all.size, 'entry', 'entries')} in <a href={evidenceHref()}>your evidence log</a> show this theme’s KSBs.
          </>
        )}{' '}
        {missing.length === 0 ? (
          'Every KSB of the theme has an example.'
        ) : (
          <>
            <strong>No example yet</strong> for {missing.map((code, i) => [i > 0 && ', ', <a key={code} href={evidenceHref(code)}>{code}</a>])}.
          </>
        )}
      </p>
      <table class="examples__table">
        <caption>Your examples beside each criterion</caption>
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            <th scope="col">Your examples</th>
          </tr>
        </thead>
        <tbody>
          {criteria.map((c) => {
            const entries = [...new Map(c.ksbs.flatMap((k) => byKsb.get(k) ?? []).map((e) => [e.id, e])).values()];
            return (
              <tr key={c.id} data-criterion={c.id}>
                <th scope="row">
                  <span class={`tag ${c.grade === 'pass' ? 'tag--in-progress' : 'tag--completed'}`}>{c.grade === 'pass' ? 'Pass' : 'Distinction'}</span>{' '}
                  <span class="examples__criterion">{c.text}</span> <span class="examples__ksbs">({c.ksbs.join(', ')})</span>
                </th>
                <td>
                  {entries.length ? (
                    <ul class="examples__list">
                      {entries.map((e) => (
                        <li key={e.id} data-entry={e.id}>
                          {e.title} <span class="examples__ksbs">({e.ksbs.filter((k) => c.ksbs.includes(k)).join(', ')})</span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span class="examples__gap">None yet</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
