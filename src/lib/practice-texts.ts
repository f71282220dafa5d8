/**
 * The mock assessments' questions and the criteria they draw on (/practice/questions.json), which
 * the practice page's island loads when a session is started or opened: the page itself no longer
 * carries them (55 KB of its HTML, most of it, read and revived on every visit; issue #20). Built
 * from the authored prompts and the standard's criteria at build; checked when read, so a damaged
 * or out-of-date file is refused with a message, never drawn from.
 */
import { fetchSiteJson } from './site-json';
import { paths } from './urls';

export interface PromptInfo {
  id: string;
  criterion: string;
  prompt: string;
  followUps?: string[] | undefined;
}

export interface CriterionInfo {
  id: string;
  theme: string;
  grade: 'pass' | 'distinction';
  text: string;
  ksbs: string[];
}

export interface PracticeTexts {
  prompts: PromptInfo[];
  criteria: CriterionInfo[];
}

/** The file as built: only what a session shows (from the authored prompts and the standard's criteria). */
export function practiceTextsFile(prompts: ReadonlyArray<PromptInfo>, criteria: ReadonlyArray<CriterionInfo>): PracticeTexts {
  return {
    prompts: prompts.map((p) => ({ id: p.id, criterion: p.criterion, prompt: p.prompt, ...(p.followUps ? { followUps: [...p.followUps] } : {}) })),
    criteria: criteria.map((c) => ({ id: c.id, theme: c.theme, grade: c.grade, text: c.text, ksbs: [...c.ksbs] })),
  };
}

const isString = (x: unknown): x is string => typeof x === 'string';
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every(isString);

/** The file as read in the browser: throws, naming what is wrong, unless every question and criterion has its fields and every question's criterion is there. */
export function parsePracticeTexts(data: unknown): PracticeTexts {
  if (!isRecord(data) || !Array.isArray(data['prompts']) || !Array.isArray(data['criteria']))
    throw new Error('practice questions: not a list of prompts and criteria');
  const criteria = data['criteria'].map((c, i): CriterionInfo => {
    if (
      !isRecord(c) ||
      !isString(c['id']) ||
      !isString(c['theme']) ||
      (c['grade'] !== 'pass' && c['grade'] !== 'distinction') ||
      !isString(c['text']) ||
      !isStrings(c['ksbs'])
    )
      throw new Error(`practice questions: criterion ${i} is not complete`);
    return { id: c['id'], theme: c['theme'], grade: c['grade'], text: c['text'], ksbs: c['ksbs'] };
  });
  const known = new Set(criteria.map((c) => c.id));
  const prompts = data['prompts'].map((p, i): PromptInfo => {
    if (
      !isRecord(p) ||
      !isString(p['id']) ||
      !isString(p['criterion']) ||
      !isString(p['prompt']) ||
      (p['followUps'] !== undefined && !isStrings(p['followUps']))
    )
      throw new Error(`practice questions: question ${i} is not complete`);
    if (!known.has(p['criterion'])) throw new Error(`practice questions: question ${p['id']} draws on criterion ${p['criterion']}, which is not in the file`);
    return { id: p['id'], criterion: p['criterion'], prompt: p['prompt'], ...(p['followUps'] ? { followUps: p['followUps'] } : {}) };
  });
  return { prompts, criteria };
}

let loading: Promise<PracticeTexts> | undefined;

/** Fetched and checked once per page; tried again after a failure (offline, say). */
export function loadPracticeTexts(): Promise<PracticeTexts> {
  loading ??= fetchSiteJson(paths.practiceTextsJson).then(parsePracticeTexts);
  loading.catch(() => (loading = undefined));
  return loading;
}
