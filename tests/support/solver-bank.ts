/** The question bank as the test-wise solver sees it: each question with its first KSB's statement and code. */
import { loadAllContent } from '../../src/lib/content/authored-content';
import type { SolverQuestion } from './testwise-solver';

/** `only` limits the bank to some KSBs' files (codes such as K1, S2). */
export function solverBank(only?: string[]): SolverQuestion[] {
  const { standard, authored } = loadAllContent();
  const statementOf = new Map(standard.ksbs.map((k) => [k.code, k.statement]));
  return authored.questions
    .filter((q) => !only || only.includes(q.ksbs[0]!))
    .map((q) => ({
      id: q.id,
      type: q.type,
      question: q.question,
      options: q.options,
      ksbStatement: statementOf.get(q.ksbs[0]!) ?? '',
      group: q.ksbs[0]!,
    }));
}
