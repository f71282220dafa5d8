/**
 * /evidence/summary/: the evidence log as a portfolio summary grouped by theme, to print (or
 * download in Markdown) for a progress review with the tutor and employer. Read-only: it shows what
 * is saved and changes nothing.
 */
import { todayIso } from '../../lib/dates';
import type { EvidenceKsb } from '../../lib/evidence/coverage';
import { portfolioMarkdown, portfolioSummary, SUMMARY_STATUS } from '../../lib/evidence/export';
import { evidenceFeature } from '../../lib/evidence/log';
import { plural, pluralWord } from '../../lib/format';
import { href, paths } from '../../lib/urls';
import { downloadText } from '../shared/download';
import { ReadingNote } from '../shared/ReadingNote';
import { StorageNotices } from '../shared/StorageNotices';
import { useSavedState } from '../shared/useSavedState';
import './summary.css';

export default function PortfolioSummary({ ksbs }: { ksbs: EvidenceKsb[] }) {
  const saved = useSavedState(evidenceFeature);
  // Until the log is read, claim nothing: an empty summary would claim more than is known.
  if (!saved.ready) {
    return (
      <div class="portfolio-summary" aria-busy="true">
        <ReadingNote what="evidence log" />
      </div>
    );
  }
  const today = todayIso();
  const summary = portfolioSummary(saved.data, ksbs, today);
  return (
    <div class="portfolio-summary" data-ready="true">
      <StorageNotices states={[]} reads={[saved]} />
      <p class="portfolio-summary__status">{SUMMARY_STATUS}</p>
      <ul class="portfolio-summary__facts">
        <li>Made on {summary.made}.</li>
        <li data-summary-coverage>
          {plural(summary.entryCount, 'evidence entry', 'evidence entries')}; {summary.covered} of {plural(summary.ksbCount, 'KSB')} shown by at least one.
        </li>
        <li>Off-the-job training logged: {summary.hours}.</li>
      </ul>
      <div class="button-row no-print">
        <button type="button" class="button" onClick={() => window.print()}>
          Print the summary
        </button>
        <button type="button" class="button button--secondary" onClick={() => downloadText(`my-evidence-${today}.md`, portfolioMarkdown(saved.data, ksbs, today), 'text/markdown;charset=utf-8')}>
          Download it (Markdown)
        </button>
      </div>
      {summary.entryCount === 0 && (
        <p class="notice" data-summary-empty>
          Your evidence log has no entries yet. <a href={href(paths.evidence)}>Add your work examples</a>, then come back to print them.
        </p>
      )}
      {summary.themes.map((theme) => (
        <section key={theme.id} class="portfolio-summary__theme" aria-labelledby={`summary-${theme.id}`} data-summary-theme={theme.id}>
          <h2 id={`summary-${theme.id}`}>
            {theme.name} <span class="portfolio-summary__method">({theme.methodCode})</span>
          </h2>
          <p>
            {theme.covered} of {plural(theme.total, 'KSB')} {pluralWord(theme.covered, 'has', 'have')} an entry.
            {theme.missing.length > 0 && <> No evidence logged yet: {theme.missing.join(', ')}.</>}
          </p>
          <table class="portfolio-summary__table">
            <thead>
              <tr>
                <th scope="col">KSB</th>
                <th scope="col">Evidence</th>
              </tr>
            </thead>
            <tbody>
              {theme.ksbs.map((k) => (
                <tr key={k.code} data-summary-ksb={k.code}>
                  <th scope="row">
                    <a href={href(paths.ksb(k.code))}>{k.code}</a>
                  </th>
                  <td>
                    {k.entries.length === 0 ? (
                      <span class="portfolio-summary__none">No evidence logged yet</span>
                    ) : (
                      <ul>
                        {k.entries.map((e) => (
                          <li key={e.id}>
                            <strong>{e.title}</strong> ({e.dates}){e.where && <> · {e.where}</>}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
