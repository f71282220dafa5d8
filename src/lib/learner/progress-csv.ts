/**
 * The progress view's spreadsheet: every KSB by method and theme, its state and the evidence behind
 * it, one row each. Here rather than in the island so a unit test can parse exactly what is
 * downloaded; through src/lib/csv.ts, so a learner's note that starts like a formula stays text.
 */
import { toCsv } from '../csv';
import { RATING_LABEL } from '../rating-scale';
import { STATE_LABEL, type LearnerModel } from './model';
import type { ProgressMethod } from './progress-groups';

export const PROGRESS_CSV_HEADER = ['KSB', 'Statement', 'Method', 'Theme', 'State', 'Evidence', 'Reasons', 'Questions tried', 'Questions in the bank', 'Estimated recall', 'Self-rating', 'Your note', 'Due for review'];

/** `noteOf` gives the learner's own note on a KSB (saved with its self-rating). */
export function progressCsv(methods: readonly ProgressMethod[], model: LearnerModel, noteOf: (code: string) => string | undefined): string {
  const rows: string[][] = [PROGRESS_CSV_HEADER];
  for (const m of methods) {
    for (const t of m.themes) {
      for (const k of t.ksbs) {
        const s = model.get(k.code);
        if (!s) continue;
        rows.push([
          k.code,
          k.statement,
          m.id.toUpperCase(),
          t.name,
          STATE_LABEL[s.state],
          s.summary,
          s.reasons.join('; '),
          String(s.quiz.tried),
          String(s.quiz.bank),
          s.quiz.recall === undefined ? '' : `${Math.round(s.quiz.recall * 100)}%`,
          s.rating ? RATING_LABEL[s.rating] : '',
          noteOf(k.code) ?? '',
          String(s.quiz.due),
        ]);
      }
    }
  }
  return toCsv(rows);
}
