/**
 * The shape of every JSON file the site publishes for providers (/api/…), as zod schemas built from
 * the content schemas, so the published JSON Schemas (/api/schemas/…, made by z.toJSONSchema) are
 * generated, never written by hand. Unit tests parse the files the site builds with these (strict:
 * an undeclared field fails); site tests validate the built files against the published schemas.
 *
 * Compatibility: within a formatVersion, fields are added, never renamed or removed. The published
 * schemas therefore allow fields they do not list, so an older schema still accepts a newer file.
 */
import { z } from 'zod';
import { am1Schema, am2Schema, criterionSchema, gradingSchema, keyFactsSchema, ksbCode, methodId, questionOption, requirementsSchema, slug, sourceSchema, themeSchema } from './content/schemas';
import { changeSchema, ruleSchema, ruleSourceSchema, rulesFileSchema } from './content/rule-schemas';
import { FORMAT_VERSION } from './standard-json';
import { QUESTION_FORMAT_VERSION } from './quiz/bank';
import type { paths } from './urls';
import { exportFileSchema } from './export-schema';

const url = z.url();
const schemaRef = z.url().describe('The address of this file\'s JSON Schema.');
const licence = z.strictObject({ name: z.string(), url, attribution: z.string() });
const kind = z.enum(['knowledge', 'skill', 'behaviour']);
const withUrl = { url };

export const standardFileSchema = z.strictObject({
  $schema: schemaRef,
  formatVersion: z.literal(FORMAT_VERSION),
  licence,
  notice: z.string(),
  keyFacts: keyFactsSchema,
  duties: z.array(z.strictObject({ number: z.number().int(), statement: z.string(), url, ksbs: z.array(ksbCode) })),
  ksbs: z.array(
    z.strictObject({ code: ksbCode, kind, statement: z.string(), url, duties: z.array(z.number().int()), method: methodId, theme: slug, criteria: z.array(slug) }),
  ),
  methods: z.array(z.discriminatedUnion('id', [am1Schema.extend({ ...withUrl, themes: z.array(slug) }), am2Schema.extend({ ...withUrl, themes: z.array(slug) })])),
  themes: z.array(themeSchema.extend({ ...withUrl, criteria: z.strictObject({ pass: z.array(slug), distinction: z.array(slug) }) })),
  criteria: z.array(criterionSchema.extend({ method: methodId, url })),
  grading: gradingSchema,
  requirements: requirementsSchema,
  sources: z.array(sourceSchema),
  edition: rulesFileSchema.shape.edition,
  rules: z.strictObject({ url, rules: z.array(ruleSchema), changes: z.array(changeSchema), sources: z.array(ruleSourceSchema) }),
});

export const ksbFileSchema = z.strictObject({
  $schema: schemaRef,
  formatVersion: z.literal(FORMAT_VERSION),
  licence,
  code: ksbCode,
  kind,
  statement: z.string(),
  url,
  method: z.strictObject({ id: methodId, code: z.enum(['AM1', 'AM2']), url }),
  theme: z.strictObject({ id: slug, name: z.string(), url }),
  duties: z.array(z.strictObject({ number: z.number().int(), statement: z.string(), url })),
  criteria: z.array(z.strictObject({ id: slug, grade: z.enum(['pass', 'distinction']), text: z.string(), ksbs: z.array(ksbCode), theme: slug, url })),
  previous: ksbCode.nullable(),
  next: ksbCode.nullable(),
  plainEnglish: z
    .string()
    .min(1)
    .describe('The KSB explained in plain English: the first section of its revision note, this site\'s own words (not the standard\'s), as Markdown (paragraphs, "- " and "1. " lists, **bold** and *italic*).'),
});

const questionRef = { id: slug, ksbs: z.array(ksbCode).min(1), type: z.enum(['single', 'multiple', 'true-false']), difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]) };

export const questionIndexFileSchema = z.strictObject({
  $schema: schemaRef,
  formatVersion: z.literal(QUESTION_FORMAT_VERSION),
  questions: z.array(z.strictObject(questionRef)),
  criteria: z.record(slug, z.array(ksbCode)),
  /** The KSBs the professional discussion (AM2) assesses. */
  discussion: z.array(ksbCode),
});

export const questionsFileSchema = z.strictObject({
  $schema: schemaRef,
  formatVersion: z.literal(QUESTION_FORMAT_VERSION),
  ksb: ksbCode,
  questions: z.array(
    z.strictObject({
      ...questionRef,
      probe: z.literal(true).optional(),
      question: z.string(),
      options: z.array(questionOption).min(2),
      explanation: z.string(),
      tests: z.strictObject({
        phrase: z.string().optional(),
        criterion: z.strictObject({ id: slug, grade: z.enum(['pass', 'distinction']), theme: z.string(), text: z.string() }).optional(),
      }),
    }),
  ),
});

/** Each published schema, by the name in its address (paths.jsonSchema). */
export const API_SCHEMAS = {
  standard: { schema: standardFileSchema, title: 'ST1398 standard (/api/standard.json)' },
  ksb: { schema: ksbFileSchema, title: 'One ST1398 KSB (/api/ksbs/<code>.json)' },
  'question-index': { schema: questionIndexFileSchema, title: 'ST1398 question bank index (/api/questions/index.json)' },
  questions: { schema: questionsFileSchema, title: 'ST1398 questions for one KSB (/api/questions/<code>.json)' },
  export: { schema: exportFileSchema, title: 'ST1398 study guide: exported progress (Export on /my-data/)' },
} satisfies Record<Parameters<typeof paths.jsonSchema>[0], { schema: z.core.$ZodType; title: string }>;

/** Drops `additionalProperties: false` everywhere: new fields may be added within a format version. */
function openToAdditions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(openToAdditions);
  if (node && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node)
        .filter(([key, value]) => !(key === 'additionalProperties' && value === false))
        .map(([key, value]) => [key, openToAdditions(value)]),
    );
  }
  return node;
}

/** The published JSON Schema (draft 2020-12) of one file, with its own address as `$id`. */
export function publishedJsonSchema(name: keyof typeof API_SCHEMAS, id: string): Record<string, unknown> {
  const { schema, title } = API_SCHEMAS[name];
  const json = openToAdditions(z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' })) as Record<string, unknown>;
  return { ...json, $id: id, title, description: 'Within a formatVersion, fields are added, never renamed or removed; a consumer should ignore fields it does not know.' };
}
