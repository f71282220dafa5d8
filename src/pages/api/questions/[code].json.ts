/** /api/questions/k7.json: the full questions whose first KSB is K7 (one file per KSB). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getAuthored } from '../../../data/authored';
import { getStandard } from '../../../data/standard';
import { QUESTION_FORMAT_VERSION } from '../../../lib/quiz/bank';
import { ksbSlug } from '../../../lib/ksb-code';
import { absoluteUrl, paths } from '../../../lib/urls';

export const getStaticPaths = (async () => {
  const standard = await getStandard();
  return standard.ksbs.map((k) => ({ params: { code: ksbSlug(k.code) }, props: { code: k.code } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { code } = props as { code: string };
  const { questions } = await getAuthored();
  const standard = await getStandard();
  // The criterion a question tests is resolved here, so the quiz can quote it after an answer.
  const criterion = (id: string | undefined) => {
    const c = id ? standard.criteria.find((x) => x.id === id) : undefined;
    return c ? { id: c.id, grade: c.grade, theme: standard.theme(c.theme)?.name ?? c.theme, text: c.text } : undefined;
  };
  const body = {
    $schema: absoluteUrl(paths.jsonSchema('questions'), site!),
    formatVersion: QUESTION_FORMAT_VERSION,
    ksb: code,
    questions: questions
      .filter((q) => q.ksbs[0] === code)
      .map((q) => ({ ...q, tests: { ...(q.tests.phrase ? { phrase: q.tests.phrase } : {}), ...(q.tests.criterion ? { criterion: criterion(q.tests.criterion) } : {}) } })),
  };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
};
