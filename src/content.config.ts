/**
 * Content collections. All of content/ (the standard and the authored material) is read and
 * cross-checked as a whole by src/lib/content: a KSB, duty, theme, criterion or glossary reference
 * that does not resolve fails the build with the file, record and field named. Each collection then
 * takes its part of that one result. Revision notes are MDX, loaded with Astro's glob loader so they
 * can be rendered; their front matter is checked by the same schema.
 */
import { defineCollection } from 'astro/content/config';
import { glob, type Loader } from 'astro/loaders';
import type { z } from 'zod';
import { loadAllContent, type AllContent } from './lib/content/authored-content';
import {
  careerFrameworkSchema,
  criterionSchema,
  eligibilityQuotesSchema,
  dutySchema,
  glossaryTermSchema,
  gradingSchema,
  keyFactsSchema,
  ksbSchema,
  methodSchema,
  noteSchema,
  practicePromptSchema,
  questionSchema,
  requirementsSchema,
  rulesFileSchema,
  slug,
  sourceSchema,
  themeSchema,
} from './lib/content/schemas';

/** CONTENT_DIR lets the benchmark build a larger copy of the content; normally it is content/. */
const contentDir = process.env.CONTENT_DIR || 'content';

type Entries = Array<[string, Record<string, unknown>]>;

/** A loader that validates all content, then stores the entries `pick` chooses from it. */
function part(name: string, pick: (content: AllContent) => Entries): Loader {
  return {
    name: `st1398-${name}`,
    load: async ({ store, parseData, watcher }) => {
      const entries = pick(loadAllContent(contentDir));
      store.clear();
      for (const [id, data] of entries) store.set({ id, data: await parseData({ id, data }) });
      watcher?.add(contentDir);
    },
  };
}

const single = (value: object): Entries => [['main', value as Record<string, unknown>]];
const keyed = <T extends object>(records: readonly T[], key: (record: T) => string | number): Entries =>
  records.map((r) => [String(key(r)), r as Record<string, unknown>]);

function collection<S extends z.ZodType>(loader: Loader, schema: S) {
  return defineCollection({ loader, schema });
}

export const collections = {
  // The standard (official text).
  keyFacts: collection(part('keyFacts', (c) => single(c.standard.keyFacts)), keyFactsSchema),
  ksbs: collection(part('ksbs', (c) => keyed(c.standard.ksbs, (k) => k.code)), ksbSchema),
  duties: collection(part('duties', (c) => keyed(c.standard.duties, (d) => d.number)), dutySchema),
  methods: collection(part('methods', (c) => keyed(c.standard.methods, (m) => m.id)), methodSchema),
  themes: collection(part('themes', (c) => keyed(c.standard.themes, (t) => t.id)), themeSchema),
  criteria: collection(part('criteria', (c) => keyed(c.standard.criteria, (x) => x.id)), criterionSchema),
  requirements: collection(part('requirements', (c) => single(c.standard.requirements)), requirementsSchema),
  grading: collection(part('grading', (c) => single(c.standard.grading)), gradingSchema),
  sources: collection(part('sources', (c) => keyed(c.standard.sources, (s) => s.id)), sourceSchema),
  eligibilityQuotes: collection(part('eligibilityQuotes', (c) => single(c.standard.eligibility)), eligibilityQuotesSchema),
  // Rules that change over time, with sources and check dates.
  rules: collection(part('rules', (c) => single(c.standard.rules)), rulesFileSchema),
  // Authored material.
  questions: collection(part('questions', (c) => keyed(c.authored.questions, (q) => q.id)), questionSchema),
  glossary: collection(
    part('glossary', (c) => keyed(c.authored.glossary, (g) => g.slug)),
    glossaryTermSchema.extend({ slug }),
  ),
  practicePrompts: collection(part('practicePrompts', (c) => keyed(c.authored.practicePrompts, (p) => p.id)), practicePromptSchema),
  careers: collection(part('careers', (c) => keyed(c.authored.careers, (f) => f.id)), careerFrameworkSchema),
  notes: defineCollection({ loader: glob({ pattern: '*.mdx', base: `${contentDir}/notes` }), schema: noteSchema }),
};
