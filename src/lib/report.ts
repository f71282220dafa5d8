/**
 * The AM1 report helper: word counting against the specification's 5,000 words ±10% (appendices,
 * references and diagrams not counted), the required-contents checklist, and the KSB mapping
 * appendix as Markdown and CSV.
 */
import { z } from 'zod/mini';
import { toCsv } from './csv';
import { savedKsbCode, savedText } from './storage/saved-fields';
import { array, leaf, object, record, type ShapeValue } from './storage/shape';
import type { FeatureDefinition } from './storage/store';

/* ─────────────────────────────── Word count ─────────────────────────────── */

/**
 * A heading line that starts a part not counted: "References", "Bibliography", "Appendix A",
 * "Appendices", optionally numbered ("7. References") or marked as a Markdown heading ("## Appendix").
 */
const EXCLUDED_HEADING = /^\s*(#{1,6}\s*)?(\d+(\.\d+)*\.?\s+)?(references|bibliography|appendix|appendices)\b/i;
/** Any other Markdown heading ends an excluded part. */
const OTHER_HEADING = /^\s*#{1,6}\s+\S/;

export interface WordCount {
  /** Words that count towards the limit. */
  counted: number;
  /** Words in appendices and references. */
  excluded: number;
}

/** A word: letters or digits, joined by apostrophes or hyphens ("model’s", "well-tested"); a decimal number ("0.62") is one word. */
const wordsIn = (text: string) => (text.match(/[\p{L}\p{N}]+(?:(?:['’\-–]|[.,](?=\p{N}))[\p{L}\p{N}]+)*/gu) ?? []).length;

export function countReportWords(text: string): WordCount {
  let counted = 0;
  let excluded = 0;
  let inExcluded = false;
  for (const line of text.split(/\r?\n/)) {
    if (EXCLUDED_HEADING.test(line)) inExcluded = true;
    else if (OTHER_HEADING.test(line)) inExcluded = false;
    const n = wordsIn(line);
    if (inExcluded) excluded += n;
    else counted += n;
  }
  return { counted, excluded };
}

export interface WordCountCheck {
  min: number;
  max: number;
  status: 'under' | 'within' | 'over';
}

export function checkWordCount(counted: number, target: number, tolerancePercent: number): WordCountCheck {
  const min = Math.round(target * (1 - tolerancePercent / 100));
  const max = Math.round(target * (1 + tolerancePercent / 100));
  return { min, max, status: counted < min ? 'under' : counted > max ? 'over' : 'within' };
}

/* ───────────────────────────── Mapping appendix ───────────────────────────── */

export interface MappingRow {
  code: string;
  statement: string;
  where?: string | undefined;
  note?: string | undefined;
}

export function mappingGaps(rows: readonly MappingRow[]): string[] {
  return rows.filter((r) => !r.where?.trim()).map((r) => r.code);
}

/** A table cell's text: one line, pipes escaped, and HTML shown as text by any CommonMark renderer. */
const mdCell = (s: string | undefined) =>
  (s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ')
    .trim();

export function mappingMarkdown(rows: readonly MappingRow[], title = 'Appendix: mapping of KSBs to this report'): string {
  return [
    `## ${title}`,
    '',
    '| KSB | Statement | Where this report evidences it | Note |',
    '| --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.code} | ${mdCell(r.statement)} | ${mdCell(r.where) || '*Not yet mapped*'} | ${mdCell(r.note)} |`),
    '',
  ].join('\n');
}

export function mappingCsv(rows: readonly MappingRow[]): string {
  return toCsv([['KSB', 'Statement', 'Where this report evidences it', 'Note'], ...rows.map((r) => [r.code, r.statement, r.where ?? '', r.note ?? ''])]);
}

/* ──────────────────────────────── Storage ──────────────────────────────── */

/** Limits on what the report helper saves; its fields enforce the same (with a counter). */
export const REPORT_LIMITS = { text: 200_000, where: 300, note: 1000, checked: 100 } as const;

export const reportShape = object({
  /** Required contents ticked off, by their text. */
  checked: array(() => savedText(1000), 'ticked item', REPORT_LIMITS.checked),
  text: leaf(() => z.optional(savedText(REPORT_LIMITS.text)), 'report text'),
  mapping: record(
    savedKsbCode,
    () => z.object({ where: z.optional(savedText(REPORT_LIMITS.where)), note: z.optional(savedText(REPORT_LIMITS.note)) }),
    'KSB mapping',
  ),
});
export type ReportData = ShapeValue<typeof reportShape>;

export const reportFeature: FeatureDefinition<ReportData> = {
  feature: 'report',
  label: 'AM1 report helper',
  version: 1,
  shape: reportShape,
  defaults: () => ({ checked: [], mapping: {} }),
  describe: (r) => {
    const mapped = Object.values(r.mapping).filter((m) => m.where?.trim()).length;
    return `${r.checked.length} contents ticked, ${mapped} KSBs mapped${r.text ? ', report text saved' : ''}`;
  },
};
