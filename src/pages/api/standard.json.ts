/**
 * /api/standard.json: the whole standard with every relation resolved, for providers to reuse.
 * Built by src/lib/standard-json.ts; this route only serialises it.
 */
import type { APIRoute } from 'astro';
import { getStandard } from '../../data/standard';
import { standardToJson } from '../../lib/standard-json';

export const GET: APIRoute = async ({ site }) => {
  const standard = await getStandard();
  const body = standardToJson(standard, site!);
  return new Response(JSON.stringify(body, null, 2), { headers: { 'Content-Type': 'application/json' } });
};
