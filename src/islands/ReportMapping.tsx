/**
 * /epa/am1/report/: the KSB mapping appendix builder, below the report helper (ReportHelper): for
 * each KSB AM1 assesses, where the report evidences it and a note, with an entry from the evidence
 * log to choose from; downloadable as Markdown and CSV and printable as a table. An island of its
 * own, drawn when it is near the screen, sharing the saved report with the helper above it.
 */
import { useState } from 'preact/hooks';
import { todayIso } from '../lib/dates';
import { mappingCsv, mappingGaps, mappingMarkdown, reportFeature, type MappingRow, REPORT_LIMITS } from '../lib/report';
import { paths, href } from '../lib/urls';
import { downloadText } from './shared/download';
import { SavedStatus } from './shared/fields';
import { StorageNotices } from './shared/StorageNotices';
import { ScrollTable } from './shared/ScrollTable';
import { useSavedState } from './shared/useSavedState';
import { entriesFor, evidenceFeature } from '../lib/evidence/log';
import { useEarlyInput } from './shared/useEarlyInput';
import '../styles/tags.css';
import './ReportHelper.css';

interface Props {
  ksbs: Array<{ code: string; statement: string; theme: string }>;
}

export default function ReportMapping({ ksbs }: Props) {
  const early = useEarlyInput();
  const saved = useSavedState(reportFeature);
  const evidence = useSavedState(evidenceFeature);
  const { data, ready, update } = saved;
  const [onlyGaps, setOnlyGaps] = useState(false);
  const rows: MappingRow[] = ksbs.map((k) => ({ code: k.code, statement: k.statement, where: data.mapping[k.code]?.where, note: data.mapping[k.code]?.note }));
  const gaps = mappingGaps(rows);
  const setMapping = (code: string, change: { where?: string; note?: string }) =>
    update((d) => ({ ...d, mapping: { ...d.mapping, [code]: { ...d.mapping[code], ...change } } }));

  return (
    <div ref={early} class="report-mapping" data-ready={ready && evidence.ready ? 'true' : undefined}>
      {/* One notice per feature a page: the saved report's are shown by the helper above (it loads first). */}
      <StorageNotices states={[saved]} reads={[evidence]} />
      <section aria-labelledby="mapping-heading">
        <h2 id="mapping-heading">KSB mapping appendix</h2>
        <p class="no-print">
          {`Your report must include an appendix showing how it evidences the ${ksbs.length} KSBs that AM1 assesses. For each KSB, say where the report evidences it (a section or page) and, if useful, how. ${
            !ready ? '' : gaps.length === 0 ? 'Every KSB is mapped.' : `${gaps.length} not yet mapped: ${gaps.join(', ')}.`
          }`.trim()}
        </p>
        <div class="field no-print">
          <div class="choice">
            <input
              class="choice__input"
              type="checkbox"
              id="only-gaps"
              checked={onlyGaps}
              onChange={(e) => setOnlyGaps((e.currentTarget as HTMLInputElement).checked)}
            />
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
                        <MappingText
                          id={`where-${r.code}`}
                          label={`Where the report evidences ${r.code}`}
                          maxLength={REPORT_LIMITS.where}
                          value={r.where}
                          onInput={(where) => setMapping(r.code, { where })}
                        />
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
                        <MappingText
                          id={`note-${r.code}`}
                          label={`Note on ${r.code}`}
                          maxLength={REPORT_LIMITS.note}
                          value={r.note}
                          onInput={(note) => setMapping(r.code, { note })}
                        />
                      </td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
        </ScrollTable>
        <SavedStatus state={saved} />
        <div class="button-row no-print">
          <button
            type="button"
            class="button"
            onClick={() => downloadText(`ksb-mapping-appendix-${todayIso()}.md`, mappingMarkdown(rows), 'text/markdown;charset=utf-8')}
          >
            Download the appendix (Markdown)
          </button>
          <button
            type="button"
            class="button button--secondary"
            onClick={() => downloadText(`ksb-mapping-appendix-${todayIso()}.csv`, mappingCsv(rows), 'text/csv;charset=utf-8')}
          >
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

/** A cell's text field: its label for screen readers, and on paper the text itself (an input prints empty). */
function MappingText({
  id,
  label,
  maxLength,
  value,
  onInput,
}: {
  id: string;
  label: string;
  maxLength: number;
  value: string | undefined;
  onInput: (text: string) => void;
}) {
  return (
    <>
      <label class="visually-hidden" for={id}>
        {label}
      </label>
      <input
        type="text"
        id={id}
        class="input"
        maxLength={maxLength}
        value={value ?? ''}
        onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
      />
      <span class="print-only">{value}</span>
    </>
  );
}
