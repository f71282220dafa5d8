/**
 * Reading content files at build time (Node only). Each reader validates what it reads with a zod
 * schema and reports problems instead of throwing, so one build lists every problem at once.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CORE_SCHEMA, load as loadYaml, YAMLException } from 'js-yaml';
import type { z } from 'zod';
import { type ContentProblem, problemsFromZod } from './problems';

export interface ReadContext {
  /** Absolute path of the content directory. */
  contentDir: string;
  /** Directory that file names in problems are relative to (the project root). */
  rootDir: string;
  problems: ContentProblem[];
}

export function displayPath(ctx: ReadContext, relPath: string): string {
  return relative(ctx.rootDir, join(ctx.contentDir, relPath)).split('\\').join('/');
}

/**
 * YAML text as data, by YAML 1.2's core schema (a date stays a string, as the schemas expect; a
 * repeated key is an error). js-yaml rather than the \`yaml\` package: the same data from every file
 * of content/ (tests/content/yaml-parser.test.ts), about five times faster on the 1.1 MB of questions.
 */
export function parseYamlText(text: string): unknown {
  return loadYaml(text, { schema: CORE_SCHEMA });
}

/** What is wrong with YAML text that did not parse, with its line (`firstLine`: the text's first line in its file). */
export function yamlProblem(error: unknown, firstLine = 1): string {
  return error instanceof YAMLException
    ? `is not valid YAML (line ${error.mark ? error.mark.line + firstLine : '?'}): ${error.reason}`
    : `could not be read: ${String(error)}`;
}

/** Parses a YAML file; on a missing file or bad YAML, records a problem and returns undefined. */
export function readYaml(ctx: ReadContext, relPath: string): unknown {
  const file = displayPath(ctx, relPath);
  const abs = join(ctx.contentDir, relPath);
  if (!existsSync(abs)) {
    ctx.problems.push({ file, message: 'file is missing' });
    return undefined;
  }
  try {
    return parseYamlText(readFileSync(abs, 'utf8'));
  } catch (error) {
    ctx.problems.push({ file, message: yamlProblem(error) });
    return undefined;
  }
}

/** A file holding one object. */
export function readSingle<S extends z.ZodType>(
  ctx: ReadContext,
  relPath: string,
  schema: S,
): z.infer<S> | undefined {
  const raw = readYaml(ctx, relPath);
  if (raw === undefined) return undefined;
  const result = schema.safeParse(raw);
  if (!result.success) {
    ctx.problems.push(...problemsFromZod(result.error, displayPath(ctx, relPath), undefined, raw));
    return undefined;
  }
  return result.data;
}

/**
 * A file holding a list of records. Each record is validated on its own and named in problems by
 * its key (`idOf` on the raw record) or, failing that, by its position. Duplicate keys are problems.
 */
export function readList<S extends z.ZodType>(
  ctx: ReadContext,
  relPath: string,
  schema: S,
  keyField: string,
): Array<z.infer<S>> {
  const raw = readYaml(ctx, relPath);
  if (raw === undefined) return [];
  return validateRecords(ctx, displayPath(ctx, relPath), raw, schema, keyField);
}

export function validateRecords<S extends z.ZodType>(
  ctx: ReadContext,
  file: string,
  raw: unknown,
  schema: S,
  keyField: string,
): Array<z.infer<S>> {
  if (!Array.isArray(raw)) {
    ctx.problems.push({ file, message: 'must be a list of records (each starting with "- ")' });
    return [];
  }
  const seen = new Set<string>();
  const records: Array<z.infer<S>> = [];
  raw.forEach((item, index) => {
    const record = recordName(item, keyField, index);
    if (seen.has(record)) {
      ctx.problems.push({ file, record, field: keyField, message: `duplicate ${keyField} "${record}"` });
    }
    seen.add(record);
    const result = schema.safeParse(item);
    if (result.success) records.push(result.data);
    else ctx.problems.push(...problemsFromZod(result.error, file, record, item));
  });
  return records;
}

function recordName(item: unknown, keyField: string, index: number): string {
  if (item && typeof item === 'object' && keyField in item) {
    const key = (item as Record<string, unknown>)[keyField];
    if (typeof key === 'string' || typeof key === 'number') return String(key);
  }
  return `#${index + 1}`;
}

/** Names of the files in a content sub-directory with one of the given extensions, sorted. */
export function listFiles(ctx: ReadContext, relDir: string, extensions: string[]): string[] {
  const abs = join(ctx.contentDir, relDir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs)
    .filter((name) => extensions.some((ext) => name.endsWith(ext)))
    .sort();
}
