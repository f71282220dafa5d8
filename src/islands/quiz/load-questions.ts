/** Fetching the question bank in the browser, once per page. */
import { parseIndex, parseKsbFile } from '../../lib/quiz/bank';
import { href, paths } from '../../lib/urls';
import type { QuestionRef, QuizQuestion } from '../../lib/quiz/engine';

let index: Promise<QuestionRef[]> | undefined;
const files = new Map<string, Promise<QuizQuestion[]>>();

async function getJson(path: string): Promise<unknown> {
  const response = await fetch(href(path));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

export function loadIndex(): Promise<QuestionRef[]> {
  index ??= getJson(paths.questionIndexJson).then(parseIndex);
  index.catch(() => (index = undefined));
  return index;
}

/** The full questions for the given refs, in the same order. */
export async function loadQuestions(refs: readonly QuestionRef[]): Promise<QuizQuestion[]> {
  const codes = [...new Set(refs.map((r) => r.ksbs[0]!))];
  for (const code of codes) {
    if (!files.has(code)) {
      const p = getJson(paths.questionsJson(code)).then(parseKsbFile);
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
