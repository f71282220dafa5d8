/**
 * The overall EPA grade, read from the specification's grading matrix (content/epa/grading.yaml).
 * The matrix is the rule; this only looks it up, so a change to the table changes the answer.
 */
import type { GradingRow, MethodGrade, OverallGrade } from './content/schemas';

export type { GradingRow, MethodGrade, OverallGrade };

export const METHOD_GRADES: readonly MethodGrade[] = ['Fail', 'Pass', 'Distinction'];

const cellMatches = (cell: GradingRow['am1'], grade: MethodGrade) => cell === 'Any grade' || cell === grade;

/**
 * The overall grade for an AM1 grade and an AM2 grade. The content build has already proved that
 * every pair matches at least one row and that matching rows agree, so the first match decides.
 */
export function overallGrade(
  matrix: readonly GradingRow[],
  am1: MethodGrade,
  am2: MethodGrade,
): OverallGrade {
  const row = matrix.find((r) => cellMatches(r.am1, am1) && cellMatches(r.am2, am2));
  if (!row) throw new Error(`The grading matrix has no row for AM1 ${am1} with AM2 ${am2}`);
  return row.overall;
}

/**
 * The overall grade when it comes from a re-sit or re-take: "An apprentice will get a maximum EPA
 * grade of pass for a re-sit or re-take, unless the EPAO determines there are exceptional
 * circumstances."
 */
export function cappedGrade(grade: OverallGrade, resit: boolean, exceptionalCircumstances = false): { grade: OverallGrade; capped: boolean } {
  if (!resit || exceptionalCircumstances || grade === 'Fail' || grade === 'Pass') return { grade, capped: false };
  return { grade: 'Pass', capped: true };
}
