/**
 * /ksbs/finder.json: the words the KSB finder also searches (each KSB's theme name and revision-note
 * keywords and summary). The list on /ksbs/ loads without them; the finder fetches them, with its
 * search code, when the learner starts typing. Internal to the site, not part of /api/.
 */
import type { APIRoute } from 'astro';
import { getAuthored } from '../../data/authored';
import { getStandard } from '../../data/standard';
import { finderEntries, finderWordsFile } from '../../lib/search/entries';

export const GET: APIRoute = async () => {
  const standard = await getStandard();
  const { notesByKsb } = await getAuthored();
  const entries = finderEntries(standard, [...notesByKsb.values()].map((n) => n.data));
  return new Response(JSON.stringify(finderWordsFile(entries)), { headers: { 'Content-Type': 'application/json' } });
};
