/**
 * /epa/am1/report/: the AM1 project report helper: the required contents as a checklist, a word
 * count against 5,000 words ±10% (appendices and references left out when marked), and the KSB
 * mapping appendix builder, downloadable as Markdown and CSV and printable as a table.
 */
import { useState } from 'preact/hooks';
import { todayIso } from '../lib/dates';
import { checkWordCount, countReportWords, mappingCsv, mappingGaps, mappingMarkdown, reportFeature, type MappingRow, REPORT_LIMITS } from '../lib/report';
import { paths, href } from '../lib/urls';
import { downloadText } from './shared/download';
import { SavedStatus, TextField } from './shared/fields';
import { ReadingNote } from './shared/ReadingNote';
import { StorageNotices } from './shared/StorageNotices';
import { ScrollTable } from './shared/ScrollTable';
import { useSavedState } from './shared/useSavedState';
import { entriesFor, evidenceFeature } from '../lib/evidence/log';
import { useEarlyInput } from './shared/useEarlyInput';
import '../styles/tags.css';
import './ReportHelper.css';
import { formatNumber } from '../lib/format';

interface Props {
  contents: string[];
  alsoInclude: string[];
  wordCount: number;
  tolerancePercent: number;
  ksbs: Array<{ code: string; statement: string; theme: string }>;
}

export default function ReportHelper({ contents, alsoInclude, wordCount, tolerancePercent, ksbs }: Props) {
  const early = useEarlyInput();
  const saved = useSavedState(reportFeature);
  const evidence = useSavedState(evidenceFeature);
  const { data, ready, update, savedAt } = saved;
  const [onlyGaps, setOnlyGaps] = useState(false);
  const toggle = (item: string, on: boolean) =>
    update((d) => ({ ...d, checked: on ? [...new Set([...d.checked, item])] : d.checked.filter((c) => c !== item) }));
  const count = countReportWords(data.text ?? '');
  const check = checkWordCount(count.counted, wordCount, tolerancePercent);
  const rows: MappingRow[] = ksbs.map((k) => ({ code: k.code, statement: k.statement, where: data.mapping[k.code]?.where, note: data.mapping[k.code]?.note }));
  const gaps = mappingGaps(rows);
  const setMapping = (code: string, change: { where?: string; note?: string }) =>
    update((d) => ({ ...d, mapping: { ...d.mapping, [code]: { ...d.mapping[code], ...change } } }));
  const checklist = (title: string, id: string, items: string[]) => (
    <fieldset class="field">
      <legend class="field__legend">{title}</legend>
      {items.map((item, i) => (
        <div class="choice" key={item}>
          <input class="choice__input" type="checkbox" id={`${id}-${i}`} checked={data.checked.includes(item)} onChange={(e) => toggle(item, (e.currentTarget as HTMLInputElement).checked)} />
          <label class="choice__label" for={`${id}-${i}`}>
            {item}
          </label>
        </div>
      ))}
    </fieldset>
  );
  const total = contents.length + alsoInclude.length;
  const ticked = [...contents, ...alsoInclude].filter((i) => data.checked.includes(i)).length;

  return (
    <div ref={early} class="report-helper" data-ready={ready ? 'true' : undefined}>
      <StorageNotices states={[saved]} reads={[evidence]} />
      <section aria-labelledby="contents-heading" class="no-print">
        <h2 id="contents-heading">Required contents</h2>
        {ready ? <p aria-live="polite">{`${ticked} of ${total} ticked.`}</p> : <ReadingNote what="saved report checklist" />}
        {checklist('The report must include:', 'contents', contents)}
        {checklist('The report must also include:', 'also', alsoInclude)}
      </section>

      <section aria-labelledby="words-heading" class="no-print">
        <h2 id="words-heading">Word count</h2>
        <TextField
          id="report-text"
          label="Paste your report"
          hint="Appendices and references are not counted when they start with a heading line such as “References”, “Appendix A” or “## Appendices”. Diagrams are not counted: leave them out. The text stays in this browser."
          multiline
          rows={10}
          maxLength={REPORT_LIMITS.text}
          value={data.text}
          onInput={(text) => update((d) => ({ ...d, text }))}
        />
        {!ready ? (
          <ReadingNote what="saved report" class="word-count" />
        ) : (
          <p class={`word-count word-count--${check.status}`} aria-live="polite" data-word-count={count.counted}>
            <strong>{`${formatNumber(count.counted)} words counted`}</strong>
            {`${count.excluded > 0 ? ` (${formatNumber(count.excluded)} in appendices and references, not counted)` : ''}. ${
              check.status === 'within'
                ? `Within ${formatNumber(check.min)}–${formatNumber(check.max)}.`
                : check.status === 'under'
                  ? `Below ${formatNumber(check.min)} (${formatNumber(wordCount)} minus ${tolerancePercent}%).`
                  : `Above ${formatNumber(check.max)} (${formatNumber(wordCount)} plus ${tolerancePercent}%).`
            }`}
          </p>
        )}
      </section>

      <section aria-labelledby="mapping-heading">
        <h2 id="mapping-heading">KSB mapping appendix</h2>
        <p class="no-print">
          {`Your report must include an appendix showing how it evidences the ${ksbs.length} KSBs that AM1 assesses. For each KSB, say where the report evidences it (a section or page) and, if useful, how. ${
            !ready ? '' : gaps.length === 0 ? 'Every KSB is mapped.' : `${gaps.length} not yet mapped: ${gaps.join(', ')}.`
          }`.trim()}
        </p>
        <div class="field no-print">
          <div class="choice">
            <input class="choice__input" type="checkbox" id="only-gaps" checked={onlyGaps} onChange={(e) => setOnlyGaps((e.currentTarget as HTMLInputElement).checked)} />
            <label class="choice__label" for="only-gaps">
              Show only KSBs not yet mapped
            </label>
          </div>
        </div>
        <ScrollTable label="KSB mapping">
          <table class="mapping-table" data-pagefind-ignore>
            <caption class="visually-hidden">Mapping of KSBs to the report</caption>
            <thead>
              <tr>
                <th scope="col">KSB</th>
                <th scope="col">Where the report evidences it</th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {rows
                .filter((r) => !onlyGaps || gaps.includes(r.code))
                .map((r) => {
                  const gap = gaps.includes(r.code);
                  const entries = entriesFor(evidence.data, r.code);
                  return (
                    <tr key={r.code} class={ready && gap ? 'mapping-table__gap' : undefined} data-ksb={r.code}>
                      <th scope="row">
                        <a href={href(paths.ksb(r.code))}>{r.code}</a>
                        <span class="mapping-table__statement">{r.statement}</span>
                        {ready && gap && <span class="tag tag--not-yet">Not yet mapped</span>}
                        {evidence.ready && entries.length === 0 && (
                          <span class="mapping-table__no-entry no-print">
                            No entry in your <a href={href(paths.evidenceFor(r.code))}>evidence log</a>
                          </span>
                        )}
                      </th>
                      <td>
                        <label class="visually-hidden" for={`where-${r.code}`}>
                          {`Where the report evidences ${r.code}`}
                        </label>
                        <input type="text" id={`where-${r.code}`} class="input" maxLength={REPORT_LIMITS.where} value={r.where ?? ''} onInput={(e) => setMapping(r.code, { where: (e.currentTarget as HTMLInputElement).value })} />
                        <span class="print-only">{r.where}</span>
                        {entries.length > 0 && (
                          <div class="mapping-table__entry no-print">
                            <label for={`entry-for-${r.code}`}>From your evidence log</label>
                            <select
                              id={`entry-for-${r.code}`}
                              class="select"
                              value={entries.find((e) => e.title === r.where)?.id ?? ''}
                              onChange={(e) => {
                                const chosen = entries.find((x) => x.id === (e.currentTarget as HTMLSelectElement).value);
                                if (chosen) setMapping(r.code, { where: chosen.title.slice(0, REPORT_LIMITS.where) });
                              }}
                            >
                              <option value="">Choose an entry</option>
                              {entries.map((x) => (
                                <option key={x.id} value={x.id}>
                                  {x.title}
                                </option>
                              ))}
                            </select>
                          </div>
                        )}
                      </td>
                      <td>
                        <label class="visually-hidden" for={`note-${r.code}`}>
                          {`Note on ${r.code}`}
                        </label>
                        <input type="text" id={`note-${r.code}`} class="input" maxLength={REPORT_LIMITS.note} value={r.note ?? ''} onInput={(e) => setMapping(r.code, { note: (e.currentTarget as HTMLInputElement).value })} />
                        <span class="print-only">{r.note}</span>
                      </td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
        </ScrollTable>
        <SavedStatus savedAt={savedAt} />
        <div class="button-row no-print">
          <button type="button" class="button" onClick={() => downloadText(`ksb-mapping-appendix-${todayIso()}.md`, mappingMarkdown(rows), 'text/markdown;charset=utf-8')}>
            Download the appendix (Markdown)
          </button>
          <button type="button" class="button button--secondary" onClick={() => downloadText(`ksb-mapping-appendix-${todayIso()}.csv`, mappingCsv(rows), 'text/csv;charset=utf-8')}>
            Download the appendix (CSV)
          </button>
          <button type="button" class="button button--secondary" onClick={() => window.print()}>
            Print the appendix
          </button>
        </div>
      </section>
    </div>
  );
}
