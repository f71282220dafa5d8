/**
 * The record of question reviews (content/AUTHORING.md, "How review works"): who checked which
 * questions, when, and whether the reviewer was someone other than the writer. The record lives in
 * content/questions-reviews.yaml, append only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseYamlText } from '../../src/lib/content/read';

export const QUESTION_REVIEWS_FILE = 'content/questions-reviews.yaml';

export interface QuestionReview {
  /** ISO date, YYYY-MM-DD. */
  date: string;
  /** A role, never a name: maintainer, review helper, writing helper. */
  by: string;
  /** True when the reviewer did not write or rewrite these questions; false for the writer's self-check. */
  independent: boolean;
  checked: string[];
  note?: string;
  questions: string[];
}

/** The record, with every entry checked for shape; throws naming the entry that is wrong. */
export function questionReviews(file = QUESTION_REVIEWS_FILE): QuestionReview[] {
  if (!existsSync(file)) return [];
  const data = parseYamlText(readFileSync(file, 'utf8')) as unknown;
  if (!Array.isArray(data)) throw new Error(`${file} must be a YAML list of reviews`);
  return data.map((entry, i) => {
    const e = entry as Partial<QuestionReview>;
    const where = `${file} › entry ${i + 1}`;
    const date = String(e.date ?? '');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) throw new Error(`${where} › date: must be YYYY-MM-DD`);
    if (typeof e.by !== 'string' || !e.by.trim()) throw new Error(`${where} › by: must name a role`);
    if (typeof e.independent !== 'boolean') throw new Error(`${where} › independent: must be true or false`);
    if (!Array.isArray(e.checked) || !e.checked.length) throw new Error(`${where} › checked: must list what was checked`);
    if (!Array.isArray(e.questions) || !e.questions.length || !e.questions.every((q) => typeof q === 'string')) {
      throw new Error(`${where} › questions: must list question ids`);
    }
    return { ...e, date } as QuestionReview;
  });
}

/**
 * Questions that still wait for a review by someone other than their writer: every question in the
 * bank that no independent entry lists, and every id whose writer's self-check is newer than its
 * last independent review.
 */
export function awaitingIndependentReview(reviews: QuestionReview[], bankIds: readonly string[] = []): string[] {
  const latestIndependent = new Map<string, string>();
  for (const r of reviews.filter((r) => r.independent)) {
    for (const id of r.questions) if ((latestIndependent.get(id) ?? '') < r.date) latestIndependent.set(id, r.date);
  }
  const waiting = new Set(bankIds.filter((id) => !latestIndependent.has(id)));
  for (const r of reviews.filter((r) => !r.independent)) {
    for (const id of r.questions) if ((latestIndependent.get(id) ?? '') < r.date) waiting.add(id);
  }
  return [...waiting].sort();
}
