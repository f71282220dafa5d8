/** /api/ksbs/k7.json: one KSB with its relations resolved and the criteria quoted in full. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getStandard } from '../../../data/standard';
import { ksbToJson } from '../../../lib/standard-json';
import { ksbSlug } from '../../../lib/ksb-code';

export const getStaticPaths = (async () => {
  const standard = await getStandard();
  return standard.ksbs.map((k) => ({ params: { code: ksbSlug(k.code) }, props: { code: k.code } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const standard = await getStandard();
  const body = ksbToJson(standard, (props as { code: string }).code, site!);
  return new Response(JSON.stringify(body, null, 2), { headers: { 'Content-Type': 'application/json' } });
};
