/** /api/ksbs/k7.json: one KSB with its relations resolved, the criteria quoted in full, and its note's plain-English explanation. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getAuthored } from '../../../data/authored';
import { getStandard } from '../../../data/standard';
import { NOTE_SECTIONS } from '../../../lib/content/authored-content';
import { noteSection } from '../../../lib/note-markdown';
import { ksbToJson } from '../../../lib/standard-json';
import { ksbSlug } from '../../../lib/ksb-code';

export const getStaticPaths = (async () => {
  const standard = await getStandard();
  return standard.ksbs.map((k) => ({ params: { code: ksbSlug(k.code) }, props: { code: k.code } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const standard = await getStandard();
  const { code } = props as { code: string };
  const note = (await getAuthored()).notesByKsb.get(code);
  const plainEnglish = noteSection(note?.body ?? '', NOTE_SECTIONS[0]);
  if (!plainEnglish) throw new Error(`${code}: its revision note has no "## ${NOTE_SECTIONS[0]}" section`);
  const body = ksbToJson(standard, code, site!, { plainEnglish });
  return new Response(JSON.stringify(body, null, 2), { headers: { 'Content-Type': 'application/json' } });
};
