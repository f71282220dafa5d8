/**
 * /epa/am1/report/: the AM1 project report helper's first part: the required contents as a
 * checklist and a word count against 5,000 words ±10% (appendices and references left out when
 * marked). The KSB mapping appendix below it is an island of its own (ReportMapping), drawn when it
 * is near the screen; the two share the saved report (useSavedState), so neither can save over the
 * other's change (issue #20: one island for the whole page took too long to start on a phone).
 */
import { checkWordCount, countReportWords, reportFeature, REPORT_LIMITS } from '../lib/report';
import { SavedStatus, TextField } from './shared/fields';
import { ReadingNote } from './shared/ReadingNote';
import { StorageNotices } from './shared/StorageNotices';
import { useSavedState } from './shared/useSavedState';
import { useEarlyInput } from './shared/useEarlyInput';
import './ReportHelper.css';
import { formatNumber } from '../lib/format';

interface Props {
  contents: string[];
  alsoInclude: string[];
  wordCount: number;
  tolerancePercent: number;
}

export default function ReportHelper({ contents, alsoInclude, wordCount, tolerancePercent }: Props) {
  const early = useEarlyInput();
  const saved = useSavedState(reportFeature);
  const { data, ready, update } = saved;
  const toggle = (item: string, on: boolean) =>
    update((d) => ({ ...d, checked: on ? [...new Set([...d.checked, item])] : d.checked.filter((c) => c !== item) }));
  const count = countReportWords(data.text ?? '');
  const check = checkWordCount(count.counted, wordCount, tolerancePercent);
  const checklist = (title: string, id: string, items: string[]) => (
    <fieldset class="field">
      <legend class="field__legend">{title}</legend>
      {items.map((item, i) => (
        <div class="choice" key={item}>
          <input
            class="choice__input"
            type="checkbox"
            id={`${id}-${i}`}
            checked={data.checked.includes(item)}
            onChange={(e) => toggle(item, (e.currentTarget as HTMLInputElement).checked)}
          />
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
      <StorageNotices states={[saved]} />
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
        <SavedStatus state={saved} />
      </section>
    </div>
  );
}
