/**
 * Content collections. The official text of the standard is read and cross-checked as a whole by
 * src/lib/content (a KSB, duty, theme or criterion reference that does not resolve fails the build
 * with the file, record and field named); each collection then takes its part of that one result.
 */
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import type { z } from 'zod';
import { loadAllContent } from './lib/content/authored-content';
import type { StandardContent } from './lib/content/standard-content';
import {
  criterionSchema,
  dutySchema,
  gradingSchema,
  keyFactsSchema,
  ksbSchema,
  methodSchema,
  requirementsSchema,
  sourceSchema,
  themeSchema,
} from './lib/content/schemas';

/** Files whose change should reload the standard in `astro dev`. */
const watchedFiles = ['content'];

/**
 * A loader that validates all content (the standard and the authored material), then stores one
 * part of the standard. `entries` turns that part
 * into [id, record] pairs.
 */
function standardPart<K extends keyof StandardContent>(
  part: K,
  entries: (value: StandardContent[K]) => Array<[string, Record<string, unknown>]>,
): Loader {
  return {
    name: `st1398-${part}`,
    load: async ({ store, parseData, watcher }) => {
      const content = loadAllContent(process.env.CONTENT_DIR || 'content').standard;
      store.clear();
      for (const [id, data] of entries(content[part])) {
        store.set({ id, data: await parseData({ id, data }) });
      }
      watcher?.add(watchedFiles);
    },
  };
}

const single = <T extends object>(value: T): Array<[string, Record<string, unknown>]> => [
  ['main', value as Record<string, unknown>],
];
const keyed =
  <T extends object>(key: (record: T) => string | number) =>
  (records: T[]): Array<[string, Record<string, unknown>]> =>
    records.map((r) => [String(key(r)), r as Record<string, unknown>]);

function collection<S extends z.ZodType>(loader: Loader, schema: S) {
  return defineCollection({ loader, schema });
}

export const collections = {
  keyFacts: collection(standardPart('keyFacts', single), keyFactsSchema),
  ksbs: collection(standardPart('ksbs', keyed((k) => k.code)), ksbSchema),
  duties: collection(standardPart('duties', keyed((d) => d.number)), dutySchema),
  methods: collection(standardPart('methods', keyed((m) => m.id)), methodSchema),
  themes: collection(standardPart('themes', keyed((t) => t.id)), themeSchema),
  criteria: collection(standardPart('criteria', keyed((c) => c.id)), criterionSchema),
  requirements: collection(standardPart('requirements', single), requirementsSchema),
  grading: collection(standardPart('grading', single), gradingSchema),
  sources: collection(standardPart('sources', keyed((s) => s.id)), sourceSchema),
};
