/**
 * The JSON files providers reuse, checked as a consumer would: each names its JSON Schema
 * (`$schema`), the schema is published beside it, and a standard validator (Ajv, JSON Schema
 * 2020-12, with formats) accepts every file against it. The files are also parsed with the strict
 * zod schemas the published ones are generated from, so a field nobody declared fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { API_SCHEMAS } from '../../src/lib/api-schemas';
import { DIST, distBuilt } from '../support/dist';

if (!distBuilt) throw new Error('dist/ is not built: run `npm run build` first (npm test does).');

const read = (path: string) => JSON.parse(readFileSync(join(DIST, path), 'utf8'));
const files = [
  'api/standard.json',
  'api/questions/index.json',
  ...readdirSync(join(DIST, 'api/ksbs')).map((f) => `api/ksbs/${f}`),
  ...readdirSync(join(DIST, 'api/questions')).filter((f) => f !== 'index.json').map((f) => `api/questions/${f}`),
];
const schemaNameOf = (path: string) => (path === 'api/standard.json' ? 'standard' : path === 'api/questions/index.json' ? 'question-index' : path.startsWith('api/ksbs/') ? 'ksb' : 'questions');

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);

describe('published JSON Schemas', () => {
  it.each(Object.keys(API_SCHEMAS))('%s: published, valid JSON Schema, open to added fields', (name) => {
    const schema = read(`api/schemas/${name}.schema.json`);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
    expect(JSON.stringify(schema)).not.toContain('"additionalProperties":false');
  });
});

describe('every published JSON file', () => {
  it(`covers the ${files.length} files`, () => {
    expect(files.length).toBeGreaterThan(140);
  });
  it.each(files)('%s validates against the schema it names, and against the strict shape', (path) => {
    const body = read(path);
    const name = schemaNameOf(path) as keyof typeof API_SCHEMAS;
    expect(new URL(body.$schema).pathname).toBe(`/api/schemas/${name}.schema.json`);
    const validate = ajv.getSchema(body.$schema) ?? ajv.compile(read(`api/schemas/${name}.schema.json`));
    expect(validate(body), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const strict = (API_SCHEMAS[name].schema as (typeof API_SCHEMAS)['standard']['schema']).safeParse(body);
    expect(strict.success, strict.error?.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')).toBe(true);
  });
});
