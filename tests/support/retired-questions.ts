/**
 * Question ids that were retired: the question was replaced by one that tests something else, so
 * its id must never come back (saved quiz history under that id would then describe a different
 * question). The list lives in content/questions-retired.yaml.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseYamlText } from '../../src/lib/content/read';

export const RETIRED_QUESTIONS_FILE = 'content/questions-retired.yaml';

export function retiredQuestionIds(file = RETIRED_QUESTIONS_FILE): string[] {
  if (!existsSync(file)) return [];
  const data = parseYamlText(readFileSync(file, 'utf8')) as unknown;
  if (!Array.isArray(data) || !data.every((id) => typeof id === 'string')) {
    throw new Error(`${file} must be a YAML list of question ids`);
  }
  return data;
}
