/**
 * /api/questions/index.json: the question bank's index (ids, KSBs, type, difficulty; no text).
 * Quizzes choose questions from it, then fetch only the files they need.
 */
import type { APIRoute } from 'astro';
import { getAuthored } from '../../../data/authored';
import { getStandard } from '../../../data/standard';
import { QUESTION_FORMAT_VERSION } from '../../../lib/quiz/bank';
import { absoluteUrl, paths } from '../../../lib/urls';

export const GET: APIRoute = async ({ site }) => {
  const { questions } = await getAuthored();
  const standard = await getStandard();
  const body = {
    $schema: absoluteUrl(paths.jsonSchema('question-index'), site!),
    formatVersion: QUESTION_FORMAT_VERSION,
    questions: questions.map(({ id, ksbs, type, difficulty }) => ({ id, ksbs, type, difficulty })),
    criteria: Object.fromEntries(standard.criteria.map((c) => [c.id, c.ksbs])),
    discussion: standard.ksbsOfMethod('am2').map((k) => k.code),
  };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
};
