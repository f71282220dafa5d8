/**
 * A content problem names the file, the record and the field, so an author can go straight to it:
 *   content/epa/criteria.yaml › am1-model-scoping-pass-2 › ksbs[1]: unknown KSB code "S99"
 */
import type { z } from 'zod';
import { plural, pluralWord } from '../format';

export interface ContentProblem {
  /** Path of the file, relative to the project root (for example `content/standard/ksbs.yaml`). */
  file: string;
  /** The record's id, code or number; `#3` (position) when the record has none. */
  record?: string | undefined;
  /** Path of the field inside the record, for example `options[2].text`. */
  field?: string | undefined;
  message: string;
}

export function formatProblem(problem: ContentProblem): string {
  const where = [problem.file, problem.record, problem.field].filter(Boolean).join(' › ');
  return `${where}: ${problem.message}`;
}

export class ContentError extends Error {
  readonly problems: ContentProblem[];
  constructor(problems: ContentProblem[]) {
    const list = problems.map((p) => `  - ${formatProblem(p)}`).join('\n');
    super(
      `The content has ${plural(problems.length, 'problem')}; fix ${
        pluralWord(problems.length, 'it', 'them')
      } and build again:\n${list}`,
    );
    this.name = 'ContentError';
    this.problems = problems;
  }
}

/** `['options', 2, 'text']` → `options[2].text` */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

/** `raw` is the value that was validated, so a missing field can be told from a wrong one. */
export function problemsFromZod(
  error: z.ZodError,
  file: string,
  record: string | undefined,
  raw: unknown,
): ContentProblem[] {
  return error.issues.map((issue) => ({
    file,
    record,
    field: issue.path.length ? fieldPath(issue.path) : undefined,
    message: zodMessage(issue, raw),
  }));
}

function valueAt(raw: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value = raw;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function zodMessage(issue: z.core.$ZodIssue, raw: unknown): string {
  const missing = issue.path.length > 0 && valueAt(raw, issue.path) === undefined;
  if (missing && (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union')) {
    return 'is required but missing';
  }
  if (issue.code === 'unrecognized_keys') {
    return `has unknown ${pluralWord(issue.keys.length, 'field')} ${issue.keys.map((k) => `"${k}"`).join(', ')} (a typo?)`;
  }
  return issue.message;
}
