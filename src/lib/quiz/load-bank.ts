/**
 * Fetching the question bank in the browser, once per page: the index (every question's KSBs, and
 * each criterion's KSBs) and, for a quiz, the files of the KSBs it needs. Used by the quiz islands
 * and by the script that shows learner states beside listed KSBs.
 */
import { parseIndexInParts, parseKsbFile, type BankIndex } from './bank';
import { paths } from '../urls';
import { fetchSiteJson } from '../site-json';
import { nextTask } from '../next-task';
import type { QuestionRef, QuizQuestion } from './engine';

let index: Promise<BankIndex> | undefined;
const files = new Map<string, Promise<QuizQuestion[]>>();

export function loadBankIndex(): Promise<BankIndex> {
  // Reading the JSON, checking it (in parts) and drawing what it changes are separate tasks, not one long one.
  index ??= fetchSiteJson(paths.questionIndexJson).then(async (data) => {
    await nextTask();
    const parsed = await parseIndexInParts(data, nextTask);
    await nextTask();
    return parsed;
  });
  index.catch(() => (index = undefined));
  return index;
}

/** The full questions for the given refs, in the same order. */
export async function loadQuestions(refs: readonly QuestionRef[]): Promise<QuizQuestion[]> {
  const codes = [...new Set(refs.map((r) => r.ksbs[0]!))];
  for (const code of codes) {
    if (!files.has(code)) {
      const p = fetchSiteJson(paths.questionsJson(code)).then(parseKsbFile);
      p.catch(() => files.delete(code));
      files.set(code, p);
    }
  }
  const loaded = (await Promise.all(codes.map((c) => files.get(c)!))).flat();
  const byId = new Map(loaded.map((q) => [q.id, q]));
  return refs.map((r) => {
    const q = byId.get(r.id);
    if (!q) throw new Error(`Question ${r.id} is missing from its file`);
    return q;
  });
}
