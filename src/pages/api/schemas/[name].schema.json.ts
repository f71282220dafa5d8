/** /api/schemas/<name>.schema.json: the JSON Schema of each published JSON file, generated (src/lib/api-schemas.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { API_SCHEMAS, publishedJsonSchema } from '../../../lib/api-schemas';
import { absoluteUrl, paths } from '../../../lib/urls';

type Name = keyof typeof API_SCHEMAS;

export const getStaticPaths = (() => (Object.keys(API_SCHEMAS) as Name[]).map((name) => ({ params: { name }, props: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { name } = props as { name: Name };
  const body = publishedJsonSchema(name, absoluteUrl(paths.jsonSchema(name), site!));
  return new Response(JSON.stringify(body, null, 2), { headers: { 'Content-Type': 'application/schema+json' } });
};
