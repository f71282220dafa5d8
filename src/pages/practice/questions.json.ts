/**
 * /practice/questions.json: the mock assessments' questions and the criteria they draw on, which
 * the practice page loads when a session starts or opens (src/lib/practice-texts.ts). Internal to
 * the site, not part of /api/.
 */
import type { APIRoute } from 'astro';
import { getAuthored } from '../../data/authored';
import { getStandard } from '../../data/standard';
import { practiceTextsFile } from '../../lib/practice-texts';

export const GET: APIRoute = async () => {
  const standard = await getStandard();
  const { practicePrompts } = await getAuthored();
  return new Response(JSON.stringify(practiceTextsFile(practicePrompts, standard.criteria)), { headers: { 'Content-Type': 'application/json' } });
};
