/**
 * The question bank as the browser fetches it: an index (/api/questions/index.json) and one file
 * per KSB (/api/questions/k7.json). Both are checked before use; a file that fails the check is an
 * error the quiz reports, never a crash.
 */
import { z } from 'zod/mini';
import type { QuestionRef, QuizQuestion } from './engine';
import { lazySchema } from '../storage/shape';

export const QUESTION_FORMAT_VERSION = 1;

// Built on first use, not as the page's code starts (issue #20).
const ref = lazySchema(() =>
  z.object({
    id: z.string(),
    ksbs: z.array(z.string()).check(z.minLength(1)),
    type: z.enum(['single', 'multiple', 'true-false']),
    difficulty: z.literal([1, 2, 3]),
  }),
);
/** The index with its questions unchecked: they are checked in parts (parseIndexInParts). */
const indexFile = lazySchema(() =>
  z.object({
    formatVersion: z.literal(QUESTION_FORMAT_VERSION),
    questions: z.array(z.unknown()),
    /** Which KSBs each assessment criterion cites (the learner model reads mock-assessment marks by criterion). */
    criteria: z.optional(z.record(z.string(), z.array(z.string()))),
    /** The KSBs the professional discussion (AM2) assesses (the learner model asks for a work example of each). */
    discussion: z.optional(z.array(z.string())),
  }),
);

/** The index: every question's KSBs, type and difficulty, and each criterion's KSBs. */
export interface BankIndex {
  questions: QuestionRef[];
  criteriaKsbs: Map<string, string[]>;
  discussionKsbs: Set<string>;
}
const ksbFile = lazySchema(() => {
  const question = z.object({
    ...ref().shape,
    probe: z.optional(z.literal(true)),
    question: z.string(),
    options: z.array(z.object({ text: z.string(), correct: z.optional(z.literal(true)), why: z.string() })).check(z.minLength(2)),
    explanation: z.string(),
    tests: z.object({
      phrase: z.optional(z.string()),
      criterion: z.optional(z.object({ id: z.string(), grade: z.enum(['pass', 'distinction']), theme: z.string(), text: z.string() })),
    }),
  });
  return z.object({ formatVersion: z.literal(QUESTION_FORMAT_VERSION), ksb: z.string(), questions: z.array(question) });
});

const questionList = lazySchema(() => z.array(ref()));

/**
 * How many of the index's questions are checked in one go. Checking all 491 at once took about 13 ms
 * in Node on the development machine (4 × that on a phone). In Chromium, parts of 100 still took 8
 * to 13 ms each; Lighthouse counts a task from 10 ms (× 4 for a phone), so parts of 40 (about 4 ms).
 */
export const INDEX_PART = 40;

/** Checks the index; throws if it is not what this version of the site reads. */
export function parseIndex(data: unknown): BankIndex {
  const file = indexFile().parse(data);
  return indexOf(file, questionList().parse(file.questions));
}

/**
 * As parseIndex, checking the questions INDEX_PART at a time and waiting for `between()` after
 * each part (the next task), so that no one task is long (issue #20).
 */
export async function parseIndexInParts(data: unknown, between: () => Promise<void>): Promise<BankIndex> {
  const file = indexFile().parse(data);
  const questions: QuestionRef[] = [];
  for (let start = 0; start < file.questions.length; start += INDEX_PART) {
    if (start > 0) await between();
    const part = questionList().safeParse(file.questions.slice(start, start + INDEX_PART));
    if (!part.success) throw new Error(`The question index's question ${start + Number(part.error.issues[0]?.path[0] ?? 0) + 1} is not valid: ${part.error.issues[0]?.message}`);
    questions.push(...part.data);
  }
  return indexOf(file, questions);
}

function indexOf(file: z.infer<ReturnType<typeof indexFile>>, questions: QuestionRef[]): BankIndex {
  return { questions, criteriaKsbs: new Map(Object.entries(file.criteria ?? {})), discussionKsbs: new Set(file.discussion ?? []) };
}

export function parseKsbFile(data: unknown): QuizQuestion[] {
  return ksbFile().parse(data).questions as QuizQuestion[];
}

