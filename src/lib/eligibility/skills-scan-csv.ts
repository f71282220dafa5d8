/**
 * The checklist's KSB answers as a spreadsheet, one row per KSB, for the conversation with the
 * employer. Here rather than in the island so a unit test can parse exactly what is downloaded;
 * through src/lib/csv.ts, so a note that starts like a formula stays text.
 */
import { toCsv } from '../csv';
import { EARLIER_LABEL, OPPORTUNITY_LABEL, type EligibilityAnswers } from './answers';
import type { KsbSummary } from './sections';

export const SKILLS_SCAN_CSV_HEADER = ['KSB', 'Statement', 'Does your role give you the chance to develop and evidence it?', 'I can already do this', 'Note', 'Earlier answer (can you evidence it now?)'];

export function skillsScanCsv(ksbs: ReadonlyArray<Pick<KsbSummary, 'code' | 'statement'>>, answers: Pick<EligibilityAnswers, 'ksbs'>): string {
  return toCsv([
    SKILLS_SCAN_CSV_HEADER,
    ...ksbs.map((k) => {
      const entry = answers.ksbs[k.code];
      return [
        k.code,
        k.statement,
        entry?.opportunity ? OPPORTUNITY_LABEL[entry.opportunity] : 'Not answered',
        entry?.canAlready ? 'Yes' : '',
        entry?.note,
        entry?.earlier ? EARLIER_LABEL[entry.earlier] : '',
      ];
    }),
  ]);
}
